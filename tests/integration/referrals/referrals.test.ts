import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { attachments, auditEvents, councils, drafts, referralEvents, submissions, users } from "@/db/schema";
import { findDraftForOwner, saveDraft, startDraft } from "@/lib/drafts/drafts";
import { getStorage } from "@/lib/storage";
import { earlyHelpAssessment } from "@/lib/forms/definitions/early-help-assessment";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import type { FormDefinition, Person } from "@/lib/forms/types";
import {
  close,
  listInbox,
  listMoreInformationRequests,
  moveTeam,
  requestInformation,
  respond,
  startAddInfoDraft,
  viewReferral,
  type StaffUser,
} from "@/lib/referrals";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { db, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";
import { inboxOf, recordingMailer, referralDepsAt } from "@/tests/support/referral-fixture";
import { joinEveryTeam } from "@/tests/support/staff-teams";
import { submissionDepsAt } from "@/tests/support/submission-fixture";

// Forms of this file's own (unique ids), so the inbox filtered by form sees only what this file sent.
const run = randomUUID().slice(0, 8);
const socialCareForm: FormDefinition = { ...safeguardingConcern, id: `referrals-test-sc-${run}` };
const earlyHelpForm: FormDefinition = { ...earlyHelpAssessment, id: `referrals-test-eh-${run}` };
const definitionFor = (formId: string) => [socialCareForm, earlyHelpForm].find((form) => form.id === formId);

const t0 = new Date("2028-03-01T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function aUser(role: "referrer" | "caseworker" | "admin", forename: string, surname: string): Promise<StaffUser> {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [user] = await db
    .insert(users)
    .values({ councilId: council!.id, email: uniqueEmail(role), role, passwordHash: "not-used", forename, surname })
    .returning({ id: users.id });
  await joinEveryTeam(user!.id, role);
  return { userId: user!.id, role, ip: "203.0.113.9" };
}

async function emailOf(user: StaffUser): Promise<string> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, user.userId));
  return row!.email;
}

/** A referrer fills a form about these people and sends it at `when`; returns the submission row. */
async function aSubmission(owner: StaffUser, when: Date, options: { form?: FormDefinition; people?: Person[]; file?: string } = {}) {
  const form = options.form ?? socialCareForm;
  const people = options.people ?? [{ id: "p1", forename: "Amy", surname: `Smith${run}` }];
  const draft = await startDraft(db, { ownerId: owner.userId, form, retentionDays: 30, now: when });
  await saveDraft(db, { ownerId: owner.userId, draftId: draft.id, expectedRevision: 1, people, answers: { referrerName: "Sam Sender" }, now: when });
  if (options.file) {
    // A real object behind the row: the attachments tests check the bucket and the rows agree.
    const objectKey = `attachments/${randomUUID()}`;
    await getStorage().put(objectKey, Buffer.from("hello, world"), { contentType: "text/plain" });
    await db.insert(attachments).values({
      ownerId: owner.userId,
      draftId: draft.id,
      objectKey,
      fileName: options.file,
      contentType: "text/plain",
      sizeBytes: 12,
      kind: "text",
      createdAt: when,
    });
  }
  const result = await submitDraft(submissionDepsAt(when), { userId: owner.userId }, { draftId: draft.id, definitionFor });
  if (result.status !== "submitted") throw new Error("expected a submission");
  const [row] = await db.select().from(submissions).where(eq(submissions.reference, result.reference));
  return row!;
}

const statusOf = async (id: string) => (await db.select({ status: submissions.status, team: submissions.team }).from(submissions).where(eq(submissions.id, id)))[0];
const eventsOf = (id: string) => db.select().from(referralEvents).where(eq(referralEvents.submissionId, id)).orderBy(referralEvents.at);
const auditsOf = (id: string) => db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));

let referrer: StaffUser;
let otherReferrer: StaffUser;
let caseworker: StaffUser;
let admin: StaffUser;

beforeAll(async () => {
  await ensureCouncil();
  referrer = await aUser("referrer", "Rita", "Referrer");
  otherReferrer = await aUser("referrer", "Olly", "Other");
  caseworker = await aUser("caseworker", "Casey", "Worker");
  admin = await aUser("admin", "Ada", "Admin");
});

describe("the referrals inbox", () => {
  it("lists new referrals oldest first, searches by reference and by a child's name, filters by form and team, and pages", async () => {
    const second = await aSubmission(referrer, at(20), { people: [{ id: "p1", forename: "Bella", surname: `Jones${run}` }] });
    const first = await aSubmission(referrer, at(10), { people: [{ id: "p1", forename: "Carl", surname: `Brown${run}` }, { id: "p2", forename: "Dana", surname: `Brown${run}` }] });
    const third = await aSubmission(referrer, at(30), { form: earlyHelpForm, people: [{ id: "p1", forename: "Eve", surname: `Green${run}` }] });
    expect(first.team).toBe("social-care");
    expect(third.team).toBe("early-help");
    expect(first.peopleNames).toBe(`carl brown${run} | dana brown${run}`);

    const bySocialCareForm = await inboxOf(caseworker, { tab: "new", formId: socialCareForm.id, page: 1, pageSize: 10 });
    expect(bySocialCareForm.total).toBe(2);
    expect(bySocialCareForm.rows.map((row) => row.reference)).toEqual([first.reference, second.reference]);
    expect(bySocialCareForm.rows[0]).toMatchObject({
      id: first.id,
      formTitle: "Child/Young Person Safeguarding Concern",
      formId: socialCareForm.id,
      team: "social-care",
      peopleNames: [`Carl Brown${run}`, `Dana Brown${run}`],
      status: "submitted",
      version: 1,
      submittedAt: at(10),
    });

    // By reference: exact, or its beginning, in any case.
    const exact = await inboxOf(admin, { tab: "new", search: first.reference, page: 1, pageSize: 10 });
    expect(exact.rows.map((row) => row.id)).toEqual([first.id]);
    const prefix = await inboxOf(caseworker, { tab: "new", search: ` ${second.reference.slice(0, 9).toLowerCase()} `, formId: socialCareForm.id, page: 1, pageSize: 10 });
    expect(prefix.rows.map((row) => row.id)).toContain(second.id);
    expect(prefix.rows.every((row) => row.reference.startsWith(second.reference.slice(0, 9)))).toBe(true);
    // A reference's middle is not a match (references match from their start).
    expect((await inboxOf(caseworker, { tab: "new", search: first.reference.slice(3), page: 1, pageSize: 10 })).total).toBe(0);

    // By a child's name: any part of any person's name, any case.
    const byName = await inboxOf(caseworker, { tab: "new", search: `DANA BROWN${run}`, page: 1, pageSize: 10 });
    expect(byName.rows.map((row) => row.id)).toEqual([first.id]);
    const bySurnamePart = await inboxOf(caseworker, { tab: "new", search: `own${run}`, page: 1, pageSize: 10 });
    expect(bySurnamePart.rows.map((row) => row.id)).toEqual([first.id]);
    const nobody = await inboxOf(caseworker, { tab: "new", search: `%${run}`, page: 1, pageSize: 10 });
    expect(nobody.total).toBe(0);

    // By team.
    const earlyHelp = await inboxOf(caseworker, { tab: "new", team: "early-help", search: run, page: 1, pageSize: 10 });
    expect(earlyHelp.rows.map((row) => row.id)).toEqual([third.id]);
    const socialCare = await inboxOf(caseworker, { tab: "new", team: "social-care", search: run, page: 1, pageSize: 10 });
    expect(socialCare.rows.map((row) => row.id)).toEqual([first.id, second.id]);

    // Paging.
    const page1 = await inboxOf(caseworker, { tab: "new", search: run, page: 1, pageSize: 2 });
    const page2 = await inboxOf(caseworker, { tab: "new", search: run, page: 2, pageSize: 2 });
    expect(page1.total).toBe(3);
    expect(page2.total).toBe(3);
    expect(page1.rows.map((row) => row.id)).toEqual([first.id, second.id]);
    expect(page2.rows.map((row) => row.id)).toEqual([third.id]);

    // Another tab does not list them.
    expect((await inboxOf(caseworker, { tab: "closed", search: run, page: 1, pageSize: 10 })).total).toBe(0);
  });

  it("is refused to a referrer, and so is every staff action, with nothing written", async () => {
    const sent = await aSubmission(referrer, at(40));
    expect(await listInbox({ db }, referrer, { tab: "new", page: 1, pageSize: 10 })).toEqual({ status: "forbidden" });
    const parent: StaffUser = { ...referrer, role: "parent" };
    expect(await listInbox({ db }, parent, { tab: "new", page: 1, pageSize: 10 })).toEqual({ status: "forbidden" });
    for (const actor of [referrer, parent]) {
      expect(await viewReferral(referralDepsAt(at(41)), actor, sent.id)).toEqual({ status: "forbidden" });
      expect(await respond(referralDepsAt(at(41)), actor, { id: sent.id, response: "Hello" })).toEqual({ status: "forbidden" });
      expect(await requestInformation(referralDepsAt(at(41)), actor, { id: sent.id, reason: "other", comments: "More" })).toEqual({ status: "forbidden" });
      expect(await close(referralDepsAt(at(41)), actor, { id: sent.id })).toEqual({ status: "forbidden" });
      expect(await moveTeam(referralDepsAt(at(41)), actor, { id: sent.id, team: "lado" })).toEqual({ status: "forbidden" });
    }
    expect(await statusOf(sent.id)).toEqual({ status: "submitted", team: "social-care" });
    expect((await eventsOf(sent.id)).map((event) => event.kind)).toEqual(["submitted"]);
    expect(await auditsOf(sent.id)).toEqual([]);
  });
});

describe("a referral's actions", () => {
  it("posts a response from New, then refuses a second response, and closes it", async () => {
    const sent = await aSubmission(referrer, at(50));
    const { mail, sent: emails } = recordingMailer();

    expect(await respond(referralDepsAt(at(51), { mail }), caseworker, { id: sent.id, response: "  We have contacted the family.  " })).toEqual({ status: "done" });
    const [row] = await db.select().from(submissions).where(eq(submissions.id, sent.id));
    expect(row).toMatchObject({ status: "response-posted", response: "We have contacted the family.", respondedAt: at(51) });
    // The referrer is emailed that a response was posted, never what it says.
    expect(emails).toEqual([
      { kind: "response-posted", to: await emailOf(referrer), forename: "Rita", formTitle: "Child/Young Person Safeguarding Concern", reference: sent.reference },
    ]);

    expect(await respond(referralDepsAt(at(52)), caseworker, { id: sent.id, response: "Again" })).toEqual({ status: "wrong-state", current: "response-posted" });
    expect(await requestInformation(referralDepsAt(at(52)), caseworker, { id: sent.id, reason: "insufficient-detail", comments: "" })).toEqual({ status: "wrong-state", current: "response-posted" });
    expect(await close(referralDepsAt(at(53)), admin, { id: sent.id })).toEqual({ status: "done" });
    expect(await statusOf(sent.id)).toMatchObject({ status: "closed" });
    expect(await close(referralDepsAt(at(54)), admin, { id: sent.id })).toEqual({ status: "wrong-state", current: "closed" });
    expect(await moveTeam(referralDepsAt(at(54)), caseworker, { id: sent.id, team: "lado" })).toEqual({ status: "wrong-state", current: "closed" });

    expect((await eventsOf(sent.id)).map((event) => [event.kind, event.actorId])).toEqual([
      ["submitted", referrer.userId],
      ["responded", caseworker.userId],
      ["closed", admin.userId],
    ]);
    expect((await auditsOf(sent.id)).map((audit) => [audit.event, audit.userId, audit.ip]).sort()).toEqual(
      [
        ["referral-closed", admin.userId, "203.0.113.9"],
        ["referral-responded", caseworker.userId, "203.0.113.9"],
      ].sort(),
    );
  });

  it("moves a referral to another team, keeping its status, and refuses the team it is in or an empty response", async () => {
    const sent = await aSubmission(referrer, at(60));
    expect(await moveTeam(referralDepsAt(at(61)), caseworker, { id: sent.id, team: "social-care" })).toMatchObject({ status: "invalid" });
    expect(await respond(referralDepsAt(at(61)), caseworker, { id: sent.id, response: "   " })).toMatchObject({ status: "invalid" });
    expect(await moveTeam(referralDepsAt(at(62)), caseworker, { id: sent.id, team: "lado" })).toEqual({ status: "done" });
    expect(await statusOf(sent.id)).toEqual({ status: "submitted", team: "lado" });
    const moved = (await eventsOf(sent.id)).find((event) => event.kind === "moved");
    expect(moved?.detail).toEqual({ fromTeam: "social-care", toTeam: "lado" });
    expect((await auditsOf(sent.id)).map((audit) => audit.event)).toEqual(["referral-moved"]);
    const lado = await inboxOf(caseworker, { tab: "new", team: "lado", search: sent.reference, page: 1, pageSize: 10 });
    expect(lado.rows.map((row) => row.id)).toEqual([sent.id]);
  });

  it("refuses every action on a referral that does not exist", async () => {
    for (const id of [randomUUID(), "not-a-uuid"]) {
      expect(await viewReferral(referralDepsAt(at(70)), caseworker, id)).toEqual({ status: "not-found" });
      expect(await respond(referralDepsAt(at(70)), caseworker, { id, response: "Hello" })).toEqual({ status: "not-found" });
      expect(await requestInformation(referralDepsAt(at(70)), caseworker, { id, reason: "other", comments: "More" })).toEqual({ status: "not-found" });
      expect(await close(referralDepsAt(at(70)), caseworker, { id })).toEqual({ status: "not-found" });
      expect(await moveTeam(referralDepsAt(at(70)), caseworker, { id, team: "lado" })).toEqual({ status: "not-found" });
    }
  });

  it("writes nothing when the referrer's email cannot be queued: the change, its event, its audit row and its email share one transaction", async () => {
    const sent = await aSubmission(referrer, at(80));
    const failing = async () => {
      throw new Error("the outbox is down");
    };
    await expect(respond(referralDepsAt(at(81), { mail: failing }), caseworker, { id: sent.id, response: "Hello" })).rejects.toThrow("the outbox is down");
    await expect(requestInformation(referralDepsAt(at(81), { mail: failing }), caseworker, { id: sent.id, reason: "other", comments: "More" })).rejects.toThrow();
    const [row] = await db.select().from(submissions).where(eq(submissions.id, sent.id));
    expect(row).toMatchObject({ status: "submitted", team: "social-care", response: null, respondedAt: null, closedAt: null });
    expect((await eventsOf(sent.id)).map((event) => event.kind)).toEqual(["submitted"]);
    expect(await auditsOf(sent.id)).toEqual([]);

    // Moving and closing email nobody, so the mailer is not asked.
    expect(await moveTeam(referralDepsAt(at(82), { mail: failing }), caseworker, { id: sent.id, team: "send" })).toEqual({ status: "done" });
    expect(await close(referralDepsAt(at(83), { mail: failing }), caseworker, { id: sent.id })).toEqual({ status: "done" });
  });

  it("shows a referral with its files and history, and records who viewed it", async () => {
    const sent = await aSubmission(referrer, at(90), { file: "school-report.txt" });
    const viewed = await viewReferral(referralDepsAt(at(91)), caseworker, sent.id);
    if (viewed.status !== "found") throw new Error("expected the referral");
    expect(viewed.referral).toMatchObject({
      id: sent.id,
      reference: sent.reference,
      status: "submitted",
      team: "social-care",
      formTitle: "Child/Young Person Safeguarding Concern",
      answers: { referrerName: "Sam Sender" },
      people: [{ forename: "Amy" }],
      referrer: { id: referrer.userId, forename: "Rita", surname: "Referrer" },
      files: [{ fileName: "school-report.txt", sizeBytes: 12 }],
      previous: null,
      next: [],
    });
    expect(viewed.referral.history.map((entry) => [entry.kind, entry.actor.name])).toEqual([
      ["submitted", "Rita Referrer"],
      ["viewed", "Casey Worker"],
    ]);
    expect(await auditsOf(sent.id)).toEqual([expect.objectContaining({ event: "referral-viewed", userId: caseworker.userId, at: at(91) })]);
  });
});

describe("more information and resubmission", () => {
  it("sends a form back, lets its owner add information and resubmit it as -V2, and closes the original", async () => {
    const original = await aSubmission(referrer, at(100), { file: "first.txt" });
    const { mail, sent: emails } = recordingMailer();

    // Not sent back yet: Add info is refused.
    expect(await startAddInfoDraft(referralDepsAt(at(101)), referrer, { submissionId: original.id, retentionDays: 30 })).toEqual({ status: "wrong-state", current: "submitted" });

    expect(await requestInformation(referralDepsAt(at(102), { mail }), caseworker, { id: original.id, reason: "consent-not-evidenced", comments: "Please say how consent was given." })).toEqual({ status: "done" });
    expect(emails).toEqual([
      { kind: "more-information-requested", to: await emailOf(referrer), forename: "Rita", formTitle: "Child/Young Person Safeguarding Concern", reference: original.reference, reason: "consent-not-evidenced" },
    ]);
    expect(await statusOf(original.id)).toMatchObject({ status: "more-information-requested" });
    expect(await respond(referralDepsAt(at(103)), caseworker, { id: original.id, response: "x" })).toEqual({ status: "wrong-state", current: "more-information-requested" });
    const awaiting = await inboxOf(caseworker, { tab: "awaiting-information", search: original.reference, page: 1, pageSize: 10 });
    expect(awaiting.rows.map((row) => row.id)).toEqual([original.id]);

    // The referrer's "Forms requesting more information"; nobody else's list has it.
    expect(await listMoreInformationRequests(db, referrer.userId)).toEqual([
      {
        submissionId: original.id,
        reference: original.reference,
        formId: socialCareForm.id,
        formTitle: "Child/Young Person Safeguarding Concern",
        submittedAt: at(100),
        requestedAt: at(102),
        requestedBy: "Casey Worker",
        reason: "consent-not-evidenced",
        reasonLabel: "Consent not evidenced",
        comments: "Please say how consent was given.",
      },
    ]);
    expect(await listMoreInformationRequests(db, otherReferrer.userId)).toEqual([]);

    // Another referrer cannot Add info on it.
    expect(await startAddInfoDraft(referralDepsAt(at(104)), otherReferrer, { submissionId: original.id, retentionDays: 30 })).toEqual({ status: "not-found" });

    const started = await startAddInfoDraft(referralDepsAt(at(105)), referrer, { submissionId: original.id, retentionDays: 30 });
    if (started.status !== "started") throw new Error("expected a draft");
    expect(started.isNew).toBe(true);
    expect(await startAddInfoDraft(referralDepsAt(at(106)), referrer, { submissionId: original.id, retentionDays: 30 })).toEqual({ status: "started", draftId: started.draftId, isNew: false });
    const draft = await findDraftForOwner(db, referrer.userId, started.draftId, at(106));
    expect(draft).toMatchObject({ formId: socialCareForm.id, answers: { referrerName: "Sam Sender" }, people: [{ forename: "Amy", surname: `Smith${run}` }] });
    expect((await db.select({ of: drafts.resubmissionOf }).from(drafts).where(eq(drafts.id, started.draftId)))[0]?.of).toBe(original.id);

    expect(await saveDraft(db, { ownerId: referrer.userId, draftId: started.draftId, expectedRevision: draft!.revision, answers: { referrerName: "Sam Sender", consent: "yes" }, now: at(107) })).toMatchObject({ status: "saved" });
    const sent = await submitDraft(submissionDepsAt(at(108)), { userId: referrer.userId }, { draftId: started.draftId, definitionFor });
    expect(sent).toEqual({ status: "submitted", reference: `${original.reference}-V2`, isNew: true });

    const [v2] = await db.select().from(submissions).where(eq(submissions.reference, `${original.reference}-V2`));
    expect(v2).toMatchObject({ status: "resubmitted", previousSubmissionId: original.id, version: 2, team: "social-care", ownerId: referrer.userId, answers: { consent: "yes" } });
    expect(await db.select().from(submissions).where(eq(submissions.id, original.id))).toEqual([expect.objectContaining({ status: "closed", closedAt: at(108) })]);
    expect((await eventsOf(original.id)).map((event) => event.kind)).toEqual(["submitted", "more-information-requested", "resubmitted"]);
    expect((await eventsOf(original.id)).at(-1)?.detail).toEqual({ nextSubmissionId: v2!.id, nextReference: v2!.reference });
    expect((await eventsOf(v2!.id)).map((event) => [event.kind, event.detail])).toEqual([["resubmitted", { previousSubmissionId: original.id, previousReference: original.reference }]]);
    expect(await listMoreInformationRequests(db, referrer.userId)).toEqual([]);
    expect(await startAddInfoDraft(referralDepsAt(at(109)), referrer, { submissionId: original.id, retentionDays: 30 })).toEqual({ status: "wrong-state", current: "closed" });

    // Staff see it in Resubmitted, linked both ways; a name search finds it too.
    const resubmitted = await inboxOf(caseworker, { tab: "resubmitted", search: original.reference, page: 1, pageSize: 10 });
    expect(resubmitted.rows).toEqual([expect.objectContaining({ id: v2!.id, reference: v2!.reference, version: 2, status: "resubmitted" })]);
    const view = await viewReferral(referralDepsAt(at(110)), caseworker, v2!.id);
    if (view.status !== "found") throw new Error("expected the resubmission");
    expect(view.referral.previous).toMatchObject({ id: original.id, reference: original.reference, version: 1, status: "closed" });
    expect(view.referral.files).toEqual([]);
    const originalView = await viewReferral(referralDepsAt(at(111)), caseworker, original.id);
    if (originalView.status !== "found") throw new Error("expected the original");
    expect(originalView.referral.next).toEqual([expect.objectContaining({ id: v2!.id, reference: v2!.reference, version: 2 })]);
    expect(originalView.referral.files.map((file) => file.fileName)).toEqual(["first.txt"]);

    // A second round: V2 sent back and resubmitted becomes V3, linked to V2.
    expect(await requestInformation(referralDepsAt(at(112)), admin, { id: v2!.id, reason: "other", comments: "One more thing." })).toEqual({ status: "done" });
    const again = await startAddInfoDraft(referralDepsAt(at(113)), referrer, { submissionId: v2!.id, retentionDays: 30 });
    if (again.status !== "started") throw new Error("expected a draft");
    expect(await submitDraft(submissionDepsAt(at(114)), { userId: referrer.userId }, { draftId: again.draftId, definitionFor })).toMatchObject({ reference: `${original.reference}-V3` });
    const [v3] = await db.select().from(submissions).where(and(eq(submissions.previousSubmissionId, v2!.id)));
    expect(v3).toMatchObject({ reference: `${original.reference}-V3`, version: 3, status: "resubmitted" });
    expect(await statusOf(v2!.id)).toMatchObject({ status: "closed" });
    expect(await respond(referralDepsAt(at(115)), caseworker, { id: v3!.id, response: "Thank you, we are acting on this." })).toEqual({ status: "done" });
  });

  it("refuses 'other' without comments", async () => {
    const sent = await aSubmission(referrer, at(120));
    expect(await requestInformation(referralDepsAt(at(121)), caseworker, { id: sent.id, reason: "other", comments: " " })).toMatchObject({ status: "invalid" });
    expect(await statusOf(sent.id)).toMatchObject({ status: "submitted" });
  });
});
