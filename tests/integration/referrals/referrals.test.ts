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
  NotStaffError,
  requestInformation,
  respond,
  startAddInfoDraft,
  viewReferral,
  type ReferralChange,
  type StaffUser,
} from "@/lib/referrals";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { db, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";
import { joinEveryTeam } from "@/tests/support/staff-teams";

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
  const result = await submitDraft(db, { ownerId: owner.userId, draftId: draft.id, definitionFor, now: when });
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

    const bySocialCareForm = await listInbox(db, caseworker, { tab: "new", formId: socialCareForm.id, page: 1, pageSize: 10 });
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
    const exact = await listInbox(db, admin, { tab: "new", search: first.reference, page: 1, pageSize: 10 });
    expect(exact.rows.map((row) => row.id)).toEqual([first.id]);
    const prefix = await listInbox(db, caseworker, { tab: "new", search: ` ${second.reference.slice(0, 9).toLowerCase()} `, formId: socialCareForm.id, page: 1, pageSize: 10 });
    expect(prefix.rows.map((row) => row.id)).toContain(second.id);
    expect(prefix.rows.every((row) => row.reference.startsWith(second.reference.slice(0, 9)))).toBe(true);
    // A reference's middle is not a match (references match from their start).
    expect((await listInbox(db, caseworker, { tab: "new", search: first.reference.slice(3), page: 1, pageSize: 10 })).total).toBe(0);

    // By a child's name: any part of any person's name, any case.
    const byName = await listInbox(db, caseworker, { tab: "new", search: `DANA BROWN${run}`, page: 1, pageSize: 10 });
    expect(byName.rows.map((row) => row.id)).toEqual([first.id]);
    const bySurnamePart = await listInbox(db, caseworker, { tab: "new", search: `own${run}`, page: 1, pageSize: 10 });
    expect(bySurnamePart.rows.map((row) => row.id)).toEqual([first.id]);
    const nobody = await listInbox(db, caseworker, { tab: "new", search: `%${run}`, page: 1, pageSize: 10 });
    expect(nobody.total).toBe(0);

    // By team.
    const earlyHelp = await listInbox(db, caseworker, { tab: "new", team: "early-help", search: run, page: 1, pageSize: 10 });
    expect(earlyHelp.rows.map((row) => row.id)).toEqual([third.id]);
    const socialCare = await listInbox(db, caseworker, { tab: "new", team: "social-care", search: run, page: 1, pageSize: 10 });
    expect(socialCare.rows.map((row) => row.id)).toEqual([first.id, second.id]);

    // Paging.
    const page1 = await listInbox(db, caseworker, { tab: "new", search: run, page: 1, pageSize: 2 });
    const page2 = await listInbox(db, caseworker, { tab: "new", search: run, page: 2, pageSize: 2 });
    expect(page1.total).toBe(3);
    expect(page2.total).toBe(3);
    expect(page1.rows.map((row) => row.id)).toEqual([first.id, second.id]);
    expect(page2.rows.map((row) => row.id)).toEqual([third.id]);

    // Another tab does not list them.
    expect((await listInbox(db, caseworker, { tab: "closed", search: run, page: 1, pageSize: 10 })).total).toBe(0);
  });

  it("is refused to a referrer, and so is every staff action, with nothing written", async () => {
    const sent = await aSubmission(referrer, at(40));
    await expect(listInbox(db, referrer, { tab: "new", page: 1, pageSize: 10 })).rejects.toBeInstanceOf(NotStaffError);
    const parent: StaffUser = { ...referrer, role: "parent" };
    await expect(listInbox(db, parent, { tab: "new", page: 1, pageSize: 10 })).rejects.toBeInstanceOf(NotStaffError);
    for (const actor of [referrer, parent]) {
      expect(await viewReferral(db, actor, sent.id, at(41))).toEqual({ status: "forbidden" });
      expect(await respond(db, actor, { id: sent.id, response: "Hello", now: at(41) })).toEqual({ status: "forbidden" });
      expect(await requestInformation(db, actor, { id: sent.id, reason: "other", comments: "More", now: at(41) })).toEqual({ status: "forbidden" });
      expect(await close(db, actor, { id: sent.id, now: at(41) })).toEqual({ status: "forbidden" });
      expect(await moveTeam(db, actor, { id: sent.id, team: "lado", now: at(41) })).toEqual({ status: "forbidden" });
    }
    expect(await statusOf(sent.id)).toEqual({ status: "submitted", team: "social-care" });
    expect((await eventsOf(sent.id)).map((event) => event.kind)).toEqual(["submitted"]);
    expect(await auditsOf(sent.id)).toEqual([]);
  });
});

describe("a referral's actions", () => {
  it("posts a response from New, then refuses a second response, and closes it", async () => {
    const sent = await aSubmission(referrer, at(50));
    const changes: ReferralChange[] = [];
    const onChanged = async (_tx: unknown, change: ReferralChange) => void changes.push(change);

    expect(await respond(db, caseworker, { id: sent.id, response: "  We have contacted the family.  ", now: at(51), onChanged })).toEqual({ status: "done" });
    const [row] = await db.select().from(submissions).where(eq(submissions.id, sent.id));
    expect(row).toMatchObject({ status: "response-posted", response: "We have contacted the family.", respondedAt: at(51) });
    expect(changes).toEqual([
      expect.objectContaining({ action: "respond", submissionId: sent.id, reference: sent.reference, status: "response-posted", response: "We have contacted the family.", referrer: expect.objectContaining({ id: referrer.userId, forename: "Rita" }) }),
    ]);

    expect(await respond(db, caseworker, { id: sent.id, response: "Again", now: at(52) })).toEqual({ status: "wrong-state", current: "response-posted" });
    expect(await requestInformation(db, caseworker, { id: sent.id, reason: "insufficient-detail", comments: "", now: at(52) })).toEqual({ status: "wrong-state", current: "response-posted" });
    expect(await close(db, admin, { id: sent.id, now: at(53) })).toEqual({ status: "done" });
    expect(await statusOf(sent.id)).toMatchObject({ status: "closed" });
    expect(await close(db, admin, { id: sent.id, now: at(54) })).toEqual({ status: "wrong-state", current: "closed" });
    expect(await moveTeam(db, caseworker, { id: sent.id, team: "lado", now: at(54) })).toEqual({ status: "wrong-state", current: "closed" });

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
    expect(await moveTeam(db, caseworker, { id: sent.id, team: "social-care", now: at(61) })).toMatchObject({ status: "invalid" });
    expect(await respond(db, caseworker, { id: sent.id, response: "   ", now: at(61) })).toMatchObject({ status: "invalid" });
    expect(await moveTeam(db, caseworker, { id: sent.id, team: "lado", now: at(62) })).toEqual({ status: "done" });
    expect(await statusOf(sent.id)).toEqual({ status: "submitted", team: "lado" });
    const moved = (await eventsOf(sent.id)).find((event) => event.kind === "moved");
    expect(moved?.detail).toEqual({ fromTeam: "social-care", toTeam: "lado" });
    expect((await auditsOf(sent.id)).map((audit) => audit.event)).toEqual(["referral-moved"]);
    const lado = await listInbox(db, caseworker, { tab: "new", team: "lado", search: sent.reference, page: 1, pageSize: 10 });
    expect(lado.rows.map((row) => row.id)).toEqual([sent.id]);
  });

  it("refuses every action on a referral that does not exist", async () => {
    for (const id of [randomUUID(), "not-a-uuid"]) {
      expect(await viewReferral(db, caseworker, id, at(70))).toEqual({ status: "not-found" });
      expect(await respond(db, caseworker, { id, response: "Hello", now: at(70) })).toEqual({ status: "not-found" });
      expect(await requestInformation(db, caseworker, { id, reason: "other", comments: "More", now: at(70) })).toEqual({ status: "not-found" });
      expect(await close(db, caseworker, { id, now: at(70) })).toEqual({ status: "not-found" });
      expect(await moveTeam(db, caseworker, { id, team: "lado", now: at(70) })).toEqual({ status: "not-found" });
    }
  });

  it("writes nothing when the hook fails: the change, its event and its audit row share one transaction", async () => {
    const sent = await aSubmission(referrer, at(80));
    const failing = async () => {
      throw new Error("the outbox is down");
    };
    await expect(respond(db, caseworker, { id: sent.id, response: "Hello", now: at(81), onChanged: failing })).rejects.toThrow("the outbox is down");
    await expect(requestInformation(db, caseworker, { id: sent.id, reason: "other", comments: "More", now: at(81), onChanged: failing })).rejects.toThrow();
    await expect(close(db, caseworker, { id: sent.id, now: at(81), onChanged: failing })).rejects.toThrow();
    await expect(moveTeam(db, caseworker, { id: sent.id, team: "send", now: at(81), onChanged: failing })).rejects.toThrow();
    const [row] = await db.select().from(submissions).where(eq(submissions.id, sent.id));
    expect(row).toMatchObject({ status: "submitted", team: "social-care", response: null, respondedAt: null, closedAt: null });
    expect((await eventsOf(sent.id)).map((event) => event.kind)).toEqual(["submitted"]);
    expect(await auditsOf(sent.id)).toEqual([]);
  });

  it("shows a referral with its files and history, and records who viewed it", async () => {
    const sent = await aSubmission(referrer, at(90), { file: "school-report.txt" });
    const viewed = await viewReferral(db, caseworker, sent.id, at(91));
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
    const changes: ReferralChange[] = [];
    const onChanged = async (_tx: unknown, change: ReferralChange) => void changes.push(change);

    // Not sent back yet: Add info is refused.
    expect(await startAddInfoDraft(db, { ownerId: referrer.userId, submissionId: original.id, retentionDays: 30, now: at(101) })).toEqual({ status: "wrong-state", current: "submitted" });

    expect(await requestInformation(db, caseworker, { id: original.id, reason: "consent-not-evidenced", comments: "Please say how consent was given.", now: at(102), onChanged })).toEqual({ status: "done" });
    expect(changes[0]).toMatchObject({ action: "request-information", status: "more-information-requested", reason: "consent-not-evidenced", comments: "Please say how consent was given." });
    expect(await statusOf(original.id)).toMatchObject({ status: "more-information-requested" });
    expect(await respond(db, caseworker, { id: original.id, response: "x", now: at(103) })).toEqual({ status: "wrong-state", current: "more-information-requested" });
    const awaiting = await listInbox(db, caseworker, { tab: "awaiting-information", search: original.reference, page: 1, pageSize: 10 });
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
    expect(await startAddInfoDraft(db, { ownerId: otherReferrer.userId, submissionId: original.id, retentionDays: 30, now: at(104) })).toEqual({ status: "not-found" });

    const started = await startAddInfoDraft(db, { ownerId: referrer.userId, submissionId: original.id, retentionDays: 30, now: at(105) });
    if (started.status !== "started") throw new Error("expected a draft");
    expect(started.isNew).toBe(true);
    expect(await startAddInfoDraft(db, { ownerId: referrer.userId, submissionId: original.id, retentionDays: 30, now: at(106) })).toEqual({ status: "started", draftId: started.draftId, isNew: false });
    const draft = await findDraftForOwner(db, referrer.userId, started.draftId, at(106));
    expect(draft).toMatchObject({ formId: socialCareForm.id, answers: { referrerName: "Sam Sender" }, people: [{ forename: "Amy", surname: `Smith${run}` }] });
    expect((await db.select({ of: drafts.resubmissionOf }).from(drafts).where(eq(drafts.id, started.draftId)))[0]?.of).toBe(original.id);

    expect(await saveDraft(db, { ownerId: referrer.userId, draftId: started.draftId, expectedRevision: draft!.revision, answers: { referrerName: "Sam Sender", consent: "yes" }, now: at(107) })).toMatchObject({ status: "saved" });
    const sent = await submitDraft(db, { ownerId: referrer.userId, draftId: started.draftId, definitionFor, now: at(108) });
    expect(sent).toEqual({ status: "submitted", reference: `${original.reference}-V2`, isNew: true });

    const [v2] = await db.select().from(submissions).where(eq(submissions.reference, `${original.reference}-V2`));
    expect(v2).toMatchObject({ status: "resubmitted", previousSubmissionId: original.id, version: 2, team: "social-care", ownerId: referrer.userId, answers: { consent: "yes" } });
    expect(await db.select().from(submissions).where(eq(submissions.id, original.id))).toEqual([expect.objectContaining({ status: "closed", closedAt: at(108) })]);
    expect((await eventsOf(original.id)).map((event) => event.kind)).toEqual(["submitted", "more-information-requested", "resubmitted"]);
    expect((await eventsOf(original.id)).at(-1)?.detail).toEqual({ nextSubmissionId: v2!.id, nextReference: v2!.reference });
    expect((await eventsOf(v2!.id)).map((event) => [event.kind, event.detail])).toEqual([["resubmitted", { previousSubmissionId: original.id, previousReference: original.reference }]]);
    expect(await listMoreInformationRequests(db, referrer.userId)).toEqual([]);
    expect(await startAddInfoDraft(db, { ownerId: referrer.userId, submissionId: original.id, retentionDays: 30, now: at(109) })).toEqual({ status: "wrong-state", current: "closed" });

    // Staff see it in Resubmitted, linked both ways; a name search finds it too.
    const resubmitted = await listInbox(db, caseworker, { tab: "resubmitted", search: original.reference, page: 1, pageSize: 10 });
    expect(resubmitted.rows).toEqual([expect.objectContaining({ id: v2!.id, reference: v2!.reference, version: 2, status: "resubmitted" })]);
    const view = await viewReferral(db, caseworker, v2!.id, at(110));
    if (view.status !== "found") throw new Error("expected the resubmission");
    expect(view.referral.previous).toMatchObject({ id: original.id, reference: original.reference, version: 1, status: "closed" });
    expect(view.referral.files).toEqual([]);
    const originalView = await viewReferral(db, caseworker, original.id, at(111));
    if (originalView.status !== "found") throw new Error("expected the original");
    expect(originalView.referral.next).toEqual([expect.objectContaining({ id: v2!.id, reference: v2!.reference, version: 2 })]);
    expect(originalView.referral.files.map((file) => file.fileName)).toEqual(["first.txt"]);

    // A second round: V2 sent back and resubmitted becomes V3, linked to V2.
    expect(await requestInformation(db, admin, { id: v2!.id, reason: "other", comments: "One more thing.", now: at(112) })).toEqual({ status: "done" });
    const again = await startAddInfoDraft(db, { ownerId: referrer.userId, submissionId: v2!.id, retentionDays: 30, now: at(113) });
    if (again.status !== "started") throw new Error("expected a draft");
    expect(await submitDraft(db, { ownerId: referrer.userId, draftId: again.draftId, definitionFor, now: at(114) })).toMatchObject({ reference: `${original.reference}-V3` });
    const [v3] = await db.select().from(submissions).where(and(eq(submissions.previousSubmissionId, v2!.id)));
    expect(v3).toMatchObject({ reference: `${original.reference}-V3`, version: 3, status: "resubmitted" });
    expect(await statusOf(v2!.id)).toMatchObject({ status: "closed" });
    expect(await respond(db, caseworker, { id: v3!.id, response: "Thank you, we are acting on this.", now: at(115) })).toEqual({ status: "done" });
  });

  it("refuses 'other' without comments", async () => {
    const sent = await aSubmission(referrer, at(120));
    expect(await requestInformation(db, caseworker, { id: sent.id, reason: "other", comments: " ", now: at(121) })).toMatchObject({ status: "invalid" });
    expect(await statusOf(sent.id)).toMatchObject({ status: "submitted" });
  });
});
