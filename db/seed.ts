/**
 * Demo data for a fresh embedded database: a council, staff in every seeded team (a caseworker of
 * each, a team manager, a council admin, and the older demo caseworkers), a referrer, and a few
 * forms the demo referrer has sent (at least one for each referral team), so the staff inbox is not empty after `npm start`. Runs on
 * every start: the council and accounts are made once (nothing happens once the council
 * exists); each demo referral is made once (it is skipped when the demo referrer already owns a
 * submission of that form about the same people). Never run against a real council's database
 * (the launcher seeds only the embedded one, or when SEED_DEMO_DATA=true).
 *
 * The referrals are sent the way the portal sends them (lib/drafts startDraft, then
 * lib/submissions submitDraft: reference, team, people_names, a "submitted" event), and the
 * demo caseworker acts on some of them through lib/referrals (an audit row and an event each).
 * No email is queued for any of it. Everything in them is made up: the children are all
 * "Demo-Child", the school is Demo School, the phone numbers are Ofcom's drama numbers.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "./client";
import { createHash, randomUUID } from "node:crypto";
import { attachments, councils, submissions, users } from "./schema";
import { ATTACHMENT_KEY_PREFIX } from "@/lib/attachments/stream-upload";
import { setMemberships, type Membership } from "@/lib/staff/memberships";
import type { AccountRole } from "@/lib/auth/roles";
import { hashPassword } from "@/lib/auth/password";
import { startDraft } from "@/lib/drafts/drafts";
import { formById } from "@/lib/forms/catalogue";
import type { Answers, AnswerValue, Person } from "@/lib/forms/types";
import { requestInformation, respond, searchableNames, type InformationReason, type ReferralMailer, type StaffUser } from "@/lib/referrals";
import { submitDraft } from "@/lib/submissions/submit-draft";
import type { CouncilSettings } from "@/lib/config/council";
import { demoPdf, seedDemoSend } from "./seed-send";
import type { DocumentDeps } from "@/lib/send/documents";
import type { SubmissionMailer } from "@/lib/submissions/deps";

/** The demo referrers are not emailed: not for sending their demo forms, nor about the demo caseworker's actions. */
const noDemoMail: ReferralMailer & SubmissionMailer = async () => {};

export const DEMO_COUNCIL_SLUG = "demo";

type DemoLogin = {
  role: Exclude<AccountRole, "parent">;
  forename: string;
  surname: string;
  email: string;
  password: string;
  /** Staff only: their teams and roles (set again on every start, so they stay as written here). */
  memberships?: readonly Membership[];
};

const caseworkerOf = (...teams: string[]): Membership[] => teams.map((teamId) => ({ teamId, role: "caseworker" }));

export const DEMO_LOGINS = [
  // The first demo caseworker works every team, so the older walkthroughs (referrals and SEND cases) still see everything.
  { role: "caseworker", forename: "Casey", surname: "Worker", email: "caseworker@demo-council.example", password: "Caseworker-demo-2026!", memberships: caseworkerOf("social-care", "early-help", "lado", "send") },
  { role: "referrer", forename: "Riley", surname: "Referrer", email: "referrer@demo-school.example", password: "Referrer-demo-2026!" },
  // SEND (issue 8): a SEND caseworker and a parent whose child's EHC needs assessment is under way.
  { role: "caseworker", forename: "Sam", surname: "Send", email: "send-caseworker@demo-council.example", password: "Send-caseworker-demo-2026!", memberships: caseworkerOf("send") },
  { role: "referrer", forename: "Pat", surname: "Parent", email: "parent@demo-family.example", password: "Parent-demo-2026!" },
  // Teams (issue 16): one caseworker in each referral team, a team manager and a council admin, to see the separation.
  { role: "caseworker", forename: "Fran", surname: "Frontdoor", email: "frontdoor-caseworker@demo-council.example", password: "Frontdoor-demo-2026!", memberships: caseworkerOf("social-care") },
  { role: "caseworker", forename: "Erin", surname: "Earlyhelp", email: "earlyhelp-caseworker@demo-council.example", password: "Earlyhelp-demo-2026!", memberships: caseworkerOf("early-help") },
  { role: "caseworker", forename: "Lee", surname: "Lado", email: "lado-caseworker@demo-council.example", password: "Lado-demo-2026!", memberships: caseworkerOf("lado") },
  { role: "caseworker", forename: "Morgan", surname: "Manager", email: "team-manager@demo-council.example", password: "Team-manager-demo-2026!", memberships: [{ teamId: "early-help", role: "team-manager" }] },
  { role: "admin", forename: "Alex", surname: "Admin", email: "admin@demo-council.example", password: "Council-admin-demo-2026!", memberships: [{ teamId: null, role: "admin" }] },
] as const satisfies readonly DemoLogin[];

/** How the banner names a demo login's teams and role. */
export function demoLoginDuty(login: DemoLogin, teamName: (id: string) => string): string {
  if (!login.memberships) return login.role;
  if (login.memberships.some((item) => item.role === "admin")) return "council admin (no case records)";
  const roles = [...new Set(login.memberships.map((item) => item.role))].join(", ").replace("team-manager", "team manager");
  return `${roles}: ${login.memberships.map((item) => teamName(item.teamId ?? "")).join(", ")}`;
}

const DEMO_CASEWORKER = DEMO_LOGINS[0];
const DEMO_REFERRER = DEMO_LOGINS[1];
const DEMO_SEND_CASEWORKER = DEMO_LOGINS[2];
const DEMO_PARENT = DEMO_LOGINS[3];

export type SeedResult = "seeded" | "already-seeded";

/**
 * The demo council and accounts ("seeded" when this call made them), then the demo referrals
 * that are missing. `now` dates the referrals (they were sent in the days before it).
 */
export async function seedDemoData(db: Db, councilName: string, now: Date = new Date(), send?: { secret: string; council: CouncilSettings; storage?: DocumentDeps["storage"] }): Promise<SeedResult> {
  const result = await seedDemoAccounts(db, councilName);
  await seedDemoMemberships(db);
  await seedDemoReferrals(db, now, send?.storage);
  if (send) await seedDemoSend(db, { now, ...send, caseworker: DEMO_SEND_CASEWORKER, parent: DEMO_PARENT });
  return result;
}

/** The council once; then any demo login missing (so a database seeded by an older version gains the new ones). */
async function seedDemoAccounts(db: Db, councilName: string): Promise<SeedResult> {
  const existing = await db.select({ id: councils.id }).from(councils).where(eq(councils.slug, DEMO_COUNCIL_SLUG));
  const present = new Set((await db.select({ email: users.email }).from(users).where(inArray(users.email, DEMO_LOGINS.map((login) => login.email)))).map((row) => row.email));
  const missing = DEMO_LOGINS.filter((login) => !present.has(login.email));
  if (existing.length > 0 && missing.length === 0) return "already-seeded";
  const hashes = await Promise.all(missing.map((login) => hashPassword(login.password)));
  await db.transaction(async (tx) => {
    const council = existing[0] ?? (await tx.insert(councils).values({ slug: DEMO_COUNCIL_SLUG, name: councilName }).returning())[0];
    if (!council) throw new Error("council insert returned no row");
    if (missing.length === 0) return;
    await tx.insert(users).values(
      missing.map((login, index) => ({
        councilId: council.id,
        email: login.email,
        forename: login.forename,
        surname: login.surname,
        termsAcceptedAt: new Date(),
        role: login.role,
        passwordHash: hashes[index]!,
        emailVerifiedAt: new Date(),
      })),
    );
  });
  return "seeded";
}

/** The demo staff's teams and roles, as DEMO_LOGINS says (again on every start: a database made before teams gets them too). */
async function seedDemoMemberships(db: Db): Promise<void> {
  const staff = DEMO_LOGINS.filter((login): login is Extract<(typeof DEMO_LOGINS)[number], { memberships: readonly Membership[] }> => "memberships" in login);
  const rows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, staff.map((login) => login.email)));
  for (const login of staff) {
    const user = rows.find((row) => row.email === login.email);
    if (user) await setMemberships(db, user.id, login.memberships);
  }
}

/** A demo PDF on a draft, stored as an upload is (the object first, then its row). */
async function attachDemoFile(db: Db, storage: DocumentDeps["storage"], file: { ownerId: string; draftId: string; fileName: string; at: Date }): Promise<void> {
  const body = demoPdf("A statement from Demo Sports Club");
  const objectKey = `${ATTACHMENT_KEY_PREFIX}${randomUUID()}`;
  await storage.put(objectKey, body, { contentType: "application/pdf" });
  await db.insert(attachments).values({ ownerId: file.ownerId, draftId: file.draftId, objectKey, fileName: file.fileName, contentType: "application/pdf", sizeBytes: body.length, kind: "pdf", sha256: createHash("sha256").update(body).digest("hex"), createdAt: file.at });
}

// --- The demo referrals ---------------------------------------------------------------------

const DAY_MS = 24 * 60 * 60 * 1000;

type StaffStep =
  | { action: "request-information"; daysAgo: number; reason: InformationReason; comments: string }
  | { action: "respond"; daysAgo: number; response: string };

export type DemoReferral = {
  formId: "safeguarding-concern" | "early-help-assessment" | "lado-referral";
  /** When it was sent, in days before `now`. */
  daysAgo: number;
  people: Person[];
  /** Built when it is sent, so dates in the answers fall before `sentAt`. */
  answers: (people: Person[], sentAt: Date) => Answers;
  /** What the demo caseworker has done with it since. */
  then?: StaffStep;
  /** A one-page PDF sent with it (when the seed is given storage), so a team's file downloads can be tried. */
  file?: string;
};

/** One answer for every child (a per-person question that has not been split). */
const forAll = (people: Person[], value: AnswerValue) => ({ groups: [{ personIds: people.map((person) => person.id), value }] });
/** Each child their own answer, in the order of `people`. */
const each = (people: Person[], values: AnswerValue[]) => ({ groups: people.map((person, index) => ({ personIds: [person.id], value: values[index] ?? values[0]! })) });

const referrerDetails = {
  completingAs: "professional",
  referrerName: "Riley Referrer",
  referrerRole: "Designated safeguarding lead",
  referrerOrganisation: "Demo School",
  referrerEmail: DEMO_REFERRER.email,
  referrerPhone: "01632960001",
} satisfies Answers;

function safeguardingAnswers(details: { concern: string; concernTypes: string[]; consent: "yes" | "no"; consentReason?: string }) {
  return (people: Person[]): Answers => ({
    ...referrerDetails,
    dateOfBirth: each(people, [
      { day: "14", month: "06", year: "2016" },
      { day: "02", month: "11", year: "2018" },
    ]),
    gender: each(people, ["female", "male"]),
    school: forAll(people, "Demo School"),
    homePostcode: "DY1 1AA",
    hasDisability: forAll(people, "no"),
    consentGiven: details.consent,
    ...(details.consentReason ? { consentReason: details.consentReason } : {}),
    concernTypes: forAll(people, details.concernTypes),
    concernDetails: forAll(people, details.concern),
    childAware: forAll(people, "yes"),
    immediateRisk: "no",
    parentName: "Demo Parent",
    parentPhone: "07700900001",
    safeToContact: "yes",
    declarationAgreed: "yes",
  });
}

/** A stored date answer: the day before `at` (a past date, as the question needs). */
function dayBefore(at: Date): { day: string; month: string; year: string } {
  const [year, month, day] = new Date(at.getTime() - DAY_MS).toISOString().slice(0, 10).split("-") as [string, string, string];
  return { day, month, year };
}

function earlyHelpAnswers(people: Person[], sentAt: Date): Answers {
  const demo = (text: string) => `Demo data, made up for trying the portal. ${text}`;
  return {
    completingAs: "professional",
    referrerName: "Riley Referrer",
    referrerEmail: DEMO_REFERRER.email,
    referrerPhone: "01632960001",
    referrerRole: "Family support worker",
    referrerOrganisation: "Demo School",
    referrerRelationship: each(people, ["Class teacher", "Nursery key worker"]),
    dateOfBirth: each(people, [
      { day: "21", month: "09", year: "2017" },
      { day: "08", month: "01", year: "2021" },
    ]),
    gender: each(people, ["male", "female"]),
    ethnicity: forAll(people, "whiteBritish"),
    homeAddress: { postcode: "DY1 1AA", line1: "1 Demo Street", town: "Demo Town", isManual: true },
    familyMembers: {
      rows: [
        { name: "Demo Parent", relationship: "mother", dateOfBirth: "About 35", livesWithChild: "yes", parentalResponsibility: "yes" },
        { name: "Demo Grandparent", relationship: "grandparent", dateOfBirth: "About 65", livesWithChild: "no", parentalResponsibility: "no" },
      ],
    },
    supportRequested: ["strongerFamilies"],
    consentObtained: "verbal",
    consentGivenBy: "Demo Parent, mother",
    consentDate: dayBefore(sentAt),
    childConsent: each(people, ["yes", "tooYoung"]),
    educationSetting: each(people, ["Demo School", "Demo Nursery"]),
    hasDisability: forAll(people, "no"),
    specialEducationalNeeds: forAll(people, "none"),
    currentServices: { rows: [{ service: "School nursing", contactName: "Demo Nurse", phone: "01632960002" }] },
    previousServices: { rows: [], status: "none" },
    whatIsHappening: demo("The children are often late and tired; their mother works shifts and would like help with morning routines."),
    circumstancesImpact: demo("A recent house move and a change in their mother's working hours."),
    parentingCapacity: demo("Their mother is warm and engaged and asks for practical help rather than advice."),
    helpRequired: demo("A family support worker for a few weeks, and a place at the breakfast club."),
    specificRisks: demo("None known beyond the lateness."),
    childWishes: demo("The older child says mornings are rushed and would like to go to the breakfast club."),
    parentViews: demo("Their mother agrees with this referral and would like support to start soon."),
    positiveChange: demo("The children arrive on time, and their mother feels mornings are manageable."),
    declarationAgreed: "yes",
  };
}

/** A LADO referral about a made-up sports coach: for the LADO team's inbox. */
function ladoAnswers(people: Person[], sentAt: Date): Answers {
  const demo = (text: string) => `Demo data, made up for trying the portal. ${text}`;
  return {
    referrerName: "Riley Referrer",
    referrerRole: "Designated safeguarding lead",
    referrerOrganisation: "Demo School",
    referrerEmail: DEMO_REFERRER.email,
    referrerPhone: "01632960001",
    adultName: "Demo Coach",
    adultRole: "After-school football coach",
    employmentType: "volunteer",
    adultEmployer: "Demo Sports Club",
    harmTest: ["harmed"],
    incidentDate: dayBefore(sentAt),
    dateReported: dayBefore(sentAt),
    raisedBy: "child",
    allegationDetails: demo("A pupil said the coach grabbed his arm hard during practice and shouted at him."),
    dateOfBirth: forAll(people, { day: "03", month: "05", year: "2014" }),
    childInjured: forAll(people, "no"),
    parentsInformed: forAll(people, "yes"),
    actionsTaken: demo("The club has been asked to keep the coach away from sessions until the LADO advises."),
    adultAware: "no",
    adultCurrentStatus: "notAtWork",
    employerInformed: "referrerIsEmployer",
    policeInformed: "no",
    declarationAgreed: "yes",
  };
}

/** The referrer's forms, oldest first. The people's names are what makes each one unique. */
export const DEMO_REFERRALS: readonly DemoReferral[] = [
  {
    formId: "safeguarding-concern",
    daysAgo: 6,
    people: [{ id: "demo-child-ava", forename: "Ava", surname: "Demo-Child" }],
    answers: safeguardingAnswers({
      concern: "Demo data, made up for trying the portal. Ava has come to school hungry on several mornings and has said there is often no food at home.",
      concernTypes: ["neglect"],
      consent: "no",
      consentReason: "Demo data: the parent could not be reached before the referral was made.",
    }),
    then: {
      action: "request-information",
      daysAgo: 4,
      reason: "consent-not-evidenced",
      comments: "Please tell us whether you have since spoken to the parent, and if they agree to this referral.",
    },
  },
  {
    formId: "early-help-assessment",
    daysAgo: 5,
    people: [
      { id: "demo-child-leo", forename: "Leo", surname: "Demo-Child" },
      { id: "demo-child-mia", forename: "Mia", surname: "Demo-Child" },
    ],
    answers: earlyHelpAnswers,
    then: {
      action: "respond",
      daysAgo: 2,
      response: "Thank you. The Early Help team will contact the family this week to offer a family support worker.",
    },
  },
  {
    formId: "safeguarding-concern",
    daysAgo: 3,
    people: [{ id: "demo-child-noah", forename: "Noah", surname: "Demo-Child" }],
    answers: safeguardingAnswers({
      concern: "Demo data, made up for trying the portal. Noah has an unexplained bruise on his arm and was reluctant to say how it happened.",
      concernTypes: ["physical"],
      consent: "yes",
    }),
  },
  {
    formId: "lado-referral",
    daysAgo: 2,
    people: [{ id: "demo-child-theo", forename: "Theo", surname: "Demo-Child" }],
    answers: ladoAnswers,
    file: "demo-club-statement.pdf",
  },
  {
    formId: "early-help-assessment",
    daysAgo: 1,
    people: [
      { id: "demo-child-isla", forename: "Isla", surname: "Demo-Child" },
      { id: "demo-child-finn", forename: "Finn", surname: "Demo-Child" },
    ],
    answers: earlyHelpAnswers,
  },
];

/**
 * The demo referrals the demo referrer has not sent yet: sent now (dated `daysAgo` before
 * `now`), with the caseworker's step on those that have one. Needs the demo accounts; without
 * them it does nothing. Returns how many it made.
 */
export async function seedDemoReferrals(db: Db, now: Date = new Date(), storage?: DocumentDeps["storage"]): Promise<number> {
  const account = async (email: string) => (await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email)))[0];
  const referrer = await account(DEMO_REFERRER.email);
  const caseworker = await account(DEMO_CASEWORKER.email);
  if (referrer?.role !== "referrer" || caseworker?.role !== "caseworker") return 0;
  const staff: StaffUser = { userId: caseworker.id, role: caseworker.role };

  const sent = await db.select({ formId: submissions.formId, peopleNames: submissions.peopleNames }).from(submissions).where(eq(submissions.ownerId, referrer.id));
  const isSent = (referral: DemoReferral) => sent.some((row) => row.formId === referral.formId && row.peopleNames === searchableNames(referral.people));

  let made = 0;
  for (const referral of DEMO_REFERRALS) {
    if (isSent(referral)) continue;
    const form = formById(referral.formId);
    if (!form) continue;
    const sentAt = new Date(now.getTime() - referral.daysAgo * DAY_MS);
    const draft = await startDraft(db, { ownerId: referrer.id, form, retentionDays: 30, now: sentAt, people: referral.people, answers: referral.answers(referral.people, sentAt) });
    if (referral.file && storage) await attachDemoFile(db, storage, { ownerId: referrer.id, draftId: draft.id, fileName: referral.file, at: sentAt });
    const result = await submitDraft({ db, now: sentAt, mail: noDemoMail, appUrl: "http://localhost" }, { userId: referrer.id }, { draftId: draft.id, definitionFor: formById });
    if (result.status !== "submitted") throw new Error(`the demo ${referral.formId} was not sent`);
    made += 1;
    const step = referral.then;
    if (!step) continue;
    const [row] = await db
      .select({ id: submissions.id })
      .from(submissions)
      .where(and(eq(submissions.reference, result.reference), eq(submissions.ownerId, referrer.id)));
    if (!row) throw new Error(`the demo ${referral.formId} was sent but cannot be found`);
    const at = new Date(now.getTime() - step.daysAgo * DAY_MS);
    const done =
      step.action === "request-information"
        ? await requestInformation({ db, now: at, mail: noDemoMail }, staff, { id: row.id, reason: step.reason, comments: step.comments })
        : await respond({ db, now: at, mail: noDemoMail }, staff, { id: row.id, response: step.response });
    if (done.status !== "done") throw new Error(`the demo caseworker's ${step.action} was refused: ${done.status}`);
  }
  return made;
}
