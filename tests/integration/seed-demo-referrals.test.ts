/**
 * The demo data (db/seed.ts) on a fresh database of its own, made in the integration run's
 * embedded PostgreSQL and migrated, so the other files' councils and users do not meet it:
 * after seeding, the demo caseworker's inbox is not empty, the demo referrer has a form sent
 * back to them, and seeding again (as every start does) adds nothing. Every demo submission's
 * case-system document validates against its form version's JSON Schema.
 */
import { count, eq } from "drizzle-orm";
import { freshDatabase } from "@/tests/support/fresh-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { councils, deliveries, mailOutbox, referralEvents, sendCases, submissions, users } from "@/db/schema";
import { DEMO_LOGINS, DEMO_REFERRALS, seedDemoData, seedDemoReferrals } from "@/db/seed";
import { formById } from "@/lib/forms/catalogue";
import { sectionStates } from "@/lib/forms/journey";
import { sectionValidator } from "@/lib/forms/section-form";
import type { Answers, FormDefinition, Person } from "@/lib/forms/types";
import { INBOX_TABS, listMoreInformationRequests, type InboxTab, type StaffUser } from "@/lib/referrals";
import { isReference } from "@/lib/submissions/reference";
import { DEMO_IDENTITY_CODE } from "@/db/seed-send";
import { readCouncilSettings } from "@/lib/config/council";
import { getDashboard, latestDocumentsForFamily, listFamilyChildren, listFamilySent, listOpenFormsForFamily, unreadCountForFamily, verifyIdentity, viewCase, type SendDeps } from "@/lib/send";
import { getStorage } from "@/lib/storage";
import { submissionDocument } from "@/lib/delivery/document";
import { describeErrors, documentValidator } from "@/tests/support/document-schema";
import { inboxOf } from "@/tests/support/referral-fixture";

const database = freshDatabase("seed_demo");
const freshUrl = database.url;
let fresh: ReturnType<typeof createDb>;
let db: Db;

const now = new Date();
const emailOf = (role: "caseworker" | "referrer") => DEMO_LOGINS.find((login) => login.role === role)!.email;

async function demoUser(role: "caseworker" | "referrer"): Promise<StaffUser> {
  const [user] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, emailOf(role)));
  if (!user) throw new Error(`no demo ${role}`);
  return { userId: user.id, role: user.role };
}

/** The total in each inbox tab, as the demo caseworker sees it. */
async function inboxTotals(): Promise<Record<InboxTab, number>> {
  const caseworker = await demoUser("caseworker");
  const tabs = Object.keys(INBOX_TABS) as InboxTab[];
  const totals = await Promise.all(tabs.map(async (tab) => (await inboxOf(caseworker, { tab, page: 1, pageSize: 25 }, db)).total));
  return Object.fromEntries(tabs.map((tab, index) => [tab, totals[index]!])) as Record<InboxTab, number>;
}

const rowsIn = async (table: typeof submissions | typeof referralEvents | typeof users | typeof councils | typeof mailOutbox | typeof sendCases) =>
  (await db.select({ n: count() }).from(table))[0]!.n;

beforeAll(async () => {
  await database.create();
  await applyMigrations(freshUrl);
  fresh = createDb(freshUrl, { max: 1 }); // as the launcher seeds: one connection
  db = fresh.db;
});

afterAll(async () => {
  await fresh?.close();
  await database.drop();
});

describe("the demo data", () => {
  it("gives the demo caseworker a referrals inbox that is not empty", async () => {
    expect(await seedDemoData(db, "Demo Borough Council", now)).toBe("seeded");

    const totals = await inboxTotals();
    expect(totals).toEqual({ new: 3, resubmitted: 0, "awaiting-information": 1, responded: 1, closed: 0 });

    const caseworker = await demoUser("caseworker");
    const page = await inboxOf(caseworker, { tab: "new", page: 1, pageSize: 25 }, db);
    expect(page.rows.map((row) => [row.formId, row.team, row.peopleNames])).toEqual([
      ["safeguarding-concern", "social-care", ["Noah Demo-Child"]],
      ["lado-referral", "lado", ["Theo Demo-Child"]],
      ["early-help-assessment", "early-help", ["Isla Demo-Child", "Finn Demo-Child"]],
    ]);
    for (const row of page.rows) {
      expect(isReference(row.reference)).toBe(true);
      expect(row.submittedAt.getTime()).toBeLessThan(now.getTime());
    }
    // Found the way a caseworker looks for a child.
    expect((await inboxOf(caseworker, { tab: "new", search: "demo-child", page: 1, pageSize: 25 }, db)).total).toBe(3);
    expect((await inboxOf(caseworker, { tab: "new", team: "early-help", page: 1, pageSize: 25 }, db)).total).toBe(1);
  });

  it("sends them as the portal does: a reference, a team, searchable names, a history, and no emails", async () => {
    const referrer = await demoUser("referrer");
    const rows = await db.select().from(submissions).where(eq(submissions.ownerId, referrer.userId)).orderBy(submissions.submittedAt);
    expect(rows).toHaveLength(DEMO_REFERRALS.length);
    expect(rows.map((row) => row.status)).toEqual(["more-information-requested", "response-posted", "submitted", "submitted", "submitted"]);
    expect(rows.map((row) => row.peopleNames)).toEqual(["ava demo-child", "leo demo-child | mia demo-child", "noah demo-child", "theo demo-child", "isla demo-child | finn demo-child"]);
    expect(rows[1]!.response).toContain("Early Help team");
    expect(rows[1]!.respondedAt).not.toBeNull();

    const events = await db.select({ submissionId: referralEvents.submissionId, kind: referralEvents.kind }).from(referralEvents);
    for (const row of rows) expect(events.filter((event) => event.submissionId === row.id).map((event) => event.kind)[0]).toBe("submitted");
    expect(events.map((event) => event.kind).sort()).toEqual(["more-information-requested", "responded", "submitted", "submitted", "submitted", "submitted", "submitted"]);
    expect(await rowsIn(mailOutbox)).toBe(0);

    // The referrer sees the request at the top of Submitted Forms, from the demo caseworker.
    const requests = await listMoreInformationRequests(db, referrer.userId);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ reference: rows[0]!.reference, reason: "consent-not-evidenced", reasonLabel: "Consent not evidenced", requestedBy: "Casey Worker" });
  });

  it("has answers the form engine accepts: every section shown is complete", async () => {
    const rows = await db.select().from(submissions);
    for (const row of rows) {
      const definition = row.definition as FormDefinition;
      expect(definition).toEqual(formById(row.formId));
      const answers = row.answers as Answers;
      const people = row.people as Person[];
      const incomplete = sectionStates(definition, answers, sectionValidator(definition, answers, people))
        .filter((state) => state.isShown && state.state !== "complete")
        .map((state) => `${row.formId}: ${state.section.title} is ${state.state}`);
      expect(incomplete).toEqual([]);
    }
  });

  it("adds nothing when seeded again, as every start does", async () => {
    const before = { submissions: await rowsIn(submissions), events: await rowsIn(referralEvents), users: await rowsIn(users), councils: await rowsIn(councils) };
    const totals = await inboxTotals();

    expect(await seedDemoData(db, "Demo Borough Council", new Date(now.getTime() + 60_000))).toBe("already-seeded");
    expect(await seedDemoReferrals(db, new Date(now.getTime() + 120_000))).toBe(0);

    expect({ submissions: await rowsIn(submissions), events: await rowsIn(referralEvents), users: await rowsIn(users), councils: await rowsIn(councils) }).toEqual(before);
    expect(await inboxTotals()).toEqual(totals);
  });

  it("makes only the demo referrals that are missing, and none without the demo accounts", async () => {
    // A referral the referrer has not sent (say a start stopped half-way): the next start sends it alone.
    const referrer = await demoUser("referrer");
    const [newest] = await db.select({ id: submissions.id }).from(submissions).where(eq(submissions.peopleNames, "isla demo-child | finn demo-child"));
    await db.delete(referralEvents).where(eq(referralEvents.submissionId, newest!.id));
    await db.delete(deliveries).where(eq(deliveries.submissionId, newest!.id));
    await db.delete(submissions).where(eq(submissions.id, newest!.id));
    expect(await seedDemoReferrals(db, now)).toBe(1);
    expect((await db.select({ n: count() }).from(submissions).where(eq(submissions.ownerId, referrer.userId)))[0]!.n).toBe(DEMO_REFERRALS.length);

    // A database whose demo referrer is not a referrer any more gets nothing.
    await db.update(users).set({ role: "parent" }).where(eq(users.id, referrer.userId));
    const before = await rowsIn(submissions);
    expect(await seedDemoReferrals(db, now)).toBe(0);
    expect(await rowsIn(submissions)).toBe(before);
  });
});

describe("the SEND demo data", () => {
  const council = readCouncilSettings({});
  const secret = "a-test-secret-of-at-least-thirty-two-characters";
  const deps = (at: Date): SendDeps => ({ db, now: at, secret, council, appUrl: "http://localhost", mail: async () => {} });
  const login = (email: string) => db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email)).then((rows) => rows[0]!);

  it("gives the demo parent an activated child at the assessment stage, and a caseworker an invitation to verify", async () => {
    const outboxBefore = await rowsIn(mailOutbox);
    await seedDemoData(db, "Demo Borough Council", now, { secret, council, storage: getStorage() });

    const parent = await login("parent@demo-family.example");
    const children = await listFamilyChildren(db, { userId: parent.id });
    expect(children.map((child) => [child.childName, child.status])).toEqual([["Ella Demo-Child", "active"]]);
    const dashboard = await getDashboard(deps(now), { userId: parent.id }, children[0]!.caseId);
    expect(dashboard?.stage).toBe("assessing");
    expect(dashboard?.caseworker.name).toBe("Sam Send");
    // Issue 9's boxes have something: two messages each way (one from the team unread), two documents, one form.
    const family = { userId: parent.id };
    const caseId = children[0]!.caseId;
    expect(await unreadCountForFamily(db, family, caseId)).toBe(2);
    const sent = await listFamilySent(db, family, caseId, { page: 1, pageSize: 10 });
    expect(sent.status === "found" ? sent.total : -1).toBe(2);
    expect((await latestDocumentsForFamily(db, family, caseId, 3))?.total).toBe(2);
    expect((await listOpenFormsForFamily(db, family, caseId)).map((item) => item.title)).toEqual([formById("about-my-child")!.title]);

    const caseworker = await login("send-caseworker@demo-council.example");
    const staff = { userId: caseworker.id, role: caseworker.role };
    const [oscar] = await db.select({ id: sendCases.id }).from(sendCases).where(eq(sendCases.childName, "oscar demo-child"));
    const viewed = await viewCase(deps(now), staff, oscar!.id);
    const waiting = viewed.status === "found" ? viewed.case.invitations.find((invitation) => invitation.status === "awaiting-verification") : undefined;
    expect(waiting).toBeDefined();
    expect(await verifyIdentity(deps(now), staff, { invitationId: waiting!.id, code: DEMO_IDENTITY_CODE.toLowerCase() })).toEqual({ status: "done" });

    // Seeding again makes nothing more, and none of it emailed anyone.
    const cases = await rowsIn(sendCases);
    await seedDemoData(db, "Demo Borough Council", new Date(now.getTime() + 60_000), { secret, council, storage: getStorage() });
    expect(await rowsIn(sendCases)).toBe(cases);
    expect(await rowsIn(mailOutbox)).toBe(outboxBefore);
  });
});

describe("the demo data's documents for the case system", () => {
  it("validates every demo submission's document against the JSON Schema of its form version", async () => {
    const rows = await db.select({ id: submissions.id, reference: submissions.reference, definition: submissions.definition }).from(submissions);
    expect(rows.length).toBeGreaterThanOrEqual(DEMO_REFERRALS.length);
    for (const row of rows) {
      const result = await submissionDocument(db, row.id, { appUrl: "http://localhost:3000", storage: getStorage() });
      if (result.status !== "found") throw new Error(`no document for ${row.reference}`);
      const errors = documentValidator(row.definition as FormDefinition).errorsOf(result.document);
      expect(describeErrors(errors), row.reference).toEqual([]);
      expect(result.document.answers.length + result.document.people.flatMap((person) => person.answers).length, row.reference).toBeGreaterThan(0);
    }
  });
});
