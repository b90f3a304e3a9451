/**
 * Teams (issue 16): every staff read of referrals is scoped by the acting staff member's teams in
 * its query. An Early Help caseworker meets a LADO referral nowhere (inbox, counts, search, by id,
 * its versions, its PDF, its files), and a forged action on it changes nothing; moving hands a
 * referral over; a team manager assigns, and "My work" lists what is assigned to me.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { attachments, auditEvents, councils, referralEvents, submissions, users } from "@/db/schema";
import { saveDraft, startDraft } from "@/lib/drafts/drafts";
import { findAttachmentForDownload } from "@/lib/attachments";
import { earlyHelpAssessment } from "@/lib/forms/definitions/early-help-assessment";
import { ladoReferral } from "@/lib/forms/definitions/lado-referral";
import type { FormDefinition } from "@/lib/forms/types";
import { assignReferral, close, moveTeam, requestInformation, respond, startAddInfoDraft, viewReferral, type StaffUser } from "@/lib/referrals";
import { listMyWork } from "@/lib/staff/my-work";
import { findSubmittedForm } from "@/lib/submissions/find-submission";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { db, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";
import { joinTeams } from "@/tests/support/staff-teams";
import { inboxOf, referralDepsAt } from "@/tests/support/referral-fixture";
import { submissionDepsAt } from "@/tests/support/submission-fixture";

const run = randomUUID().slice(0, 8);
const ladoForm: FormDefinition = { ...ladoReferral, id: `teams-test-lado-${run}` };
const earlyHelpForm: FormDefinition = { ...earlyHelpAssessment, id: `teams-test-eh-${run}` };
const definitionFor = (formId: string) => [ladoForm, earlyHelpForm].find((form) => form.id === formId);

const t0 = new Date("2028-06-01T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

async function aUser(role: "referrer" | "caseworker" | "admin", surname: string): Promise<StaffUser> {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [user] = await db.insert(users).values({ councilId: council!.id, email: uniqueEmail(role), role, passwordHash: "not-used", forename: "Test", surname }).returning({ id: users.id });
  return { userId: user!.id, role, ip: "203.0.113.16" };
}

/** A referrer sends a form (with one file) about a child of this run; returns the submission row. */
async function aReferral(form: FormDefinition, when: Date, child = `Child${run}`) {
  const draft = await startDraft(db, { ownerId: referrer.userId, form, retentionDays: 30, now: when });
  await saveDraft(db, { ownerId: referrer.userId, draftId: draft.id, expectedRevision: 1, people: [{ id: "p1", forename: "Kit", surname: child }], answers: {}, now: when });
  await db.insert(attachments).values({ ownerId: referrer.userId, draftId: draft.id, objectKey: `attachments/${randomUUID()}`, fileName: "note.txt", contentType: "text/plain", sizeBytes: 1, kind: "text", createdAt: when });
  const sent = await submitDraft(submissionDepsAt(when), { userId: referrer.userId }, { draftId: draft.id, definitionFor });
  if (sent.status !== "submitted") throw new Error("expected a submission");
  return (await db.select().from(submissions).where(eq(submissions.reference, sent.reference)))[0]!;
}

const fileOf = async (submissionId: string) => (await db.select({ id: attachments.id }).from(attachments).where(eq(attachments.submissionId, submissionId)))[0]!.id;
const rowOf = async (id: string) => (await db.select({ status: submissions.status, team: submissions.team, assignedTo: submissions.assignedTo }).from(submissions).where(eq(submissions.id, id)))[0];
const historyOf = async (id: string) => (await db.select({ kind: referralEvents.kind }).from(referralEvents).where(eq(referralEvents.submissionId, id))).map((row) => row.kind).sort();
const auditsOf = async (id: string) => (await db.select({ event: auditEvents.event }).from(auditEvents).where(eq(auditEvents.subjectId, id))).map((row) => row.event);
const inbox = (staff: StaffUser, search: string | null = run) => inboxOf(staff, { tab: "new", search, page: 1, pageSize: 50 });

let referrer: StaffUser;
let earlyHelp: StaffUser;
let lado: StaffUser;
let earlyHelpManager: StaffUser;
let ladoManager: StaffUser;
let councilAdmin: StaffUser;

beforeAll(async () => {
  await ensureCouncil();
  referrer = await aUser("referrer", "Referrer");
  earlyHelp = await aUser("caseworker", "Earlyhelp");
  lado = await aUser("caseworker", "Lado");
  earlyHelpManager = await aUser("caseworker", "Manager");
  ladoManager = await aUser("caseworker", "Ladomanager");
  councilAdmin = await aUser("admin", "Admin");
  await joinTeams(earlyHelp.userId, ["early-help"]);
  await joinTeams(lado.userId, ["lado"]);
  await joinTeams(earlyHelpManager.userId, ["early-help"], "team-manager");
  await joinTeams(ladoManager.userId, ["lado"], "team-manager");
  await joinTeams(councilAdmin.userId, [], "caseworker", { isAdmin: true });
});

describe("an Early Help caseworker and a LADO referral", () => {
  it("does not list it, count it or find it by search; a LADO caseworker does", async () => {
    const ladoSent = await aReferral(ladoForm, at(1));
    const ehSent = await aReferral(earlyHelpForm, at(2));
    expect([ladoSent.team, ehSent.team]).toEqual(["lado", "early-help"]);

    const seenByEarlyHelp = await inbox(earlyHelp);
    expect(seenByEarlyHelp.rows.map((row) => row.id)).toEqual([ehSent.id]);
    expect(seenByEarlyHelp.total).toBe(1);
    expect((await inbox(earlyHelp, ladoSent.reference)).total).toBe(0);
    expect((await inboxOf(earlyHelp, { tab: "new", team: "lado", search: run, page: 1, pageSize: 50 })).total).toBe(0);
    expect((await inboxOf(earlyHelp, { tab: "new", formId: ladoForm.id, page: 1, pageSize: 50 })).total).toBe(0);

    const seenByLado = await inbox(lado);
    expect(seenByLado.rows.map((row) => row.id)).toEqual([ladoSent.id]);
    expect((await inbox(lado, ladoSent.reference)).total).toBe(1);
  });

  it("answers not found for it by id, PDF and file, exactly as for one that does not exist", async () => {
    const ladoSent = await aReferral(ladoForm, at(3));
    expect(await viewReferral(referralDepsAt(at(4)), earlyHelp, ladoSent.id)).toEqual({ status: "not-found" });
    expect(await viewReferral(referralDepsAt(at(4)), earlyHelp, randomUUID())).toEqual({ status: "not-found" });
    expect(await findSubmittedForm(db, earlyHelp, ladoSent.reference)).toBeNull();
    const fileId = await fileOf(ladoSent.id);
    expect(await findAttachmentForDownload(db, { ...earlyHelp, attachmentId: fileId })).toBeNull();
    // Nothing was recorded for the refused reads.
    expect(await historyOf(ladoSent.id)).toEqual(["submitted"]);
    expect(await auditsOf(ladoSent.id)).toEqual([]);

    // The LADO team reads all three.
    expect((await viewReferral(referralDepsAt(at(5)), lado, ladoSent.id)).status).toBe("found");
    expect(await findSubmittedForm(db, lado, ladoSent.reference)).toMatchObject({ id: ladoSent.id });
    expect(await findAttachmentForDownload(db, { ...lado, attachmentId: fileId })).toMatchObject({ id: fileId });
  });

  it("hides every version of it, and the links between them", async () => {
    const v1 = await aReferral(ladoForm, at(6));
    expect(await requestInformation(referralDepsAt(at(7)), lado, { id: v1.id, reason: "other", comments: "More please" })).toEqual({ status: "done" });
    const addInfo = await startAddInfoDraft(referralDepsAt(at(8)), referrer, { submissionId: v1.id, retentionDays: 30 });
    if (addInfo.status !== "started") throw new Error("expected a draft");
    const sent = await submitDraft(submissionDepsAt(at(9)), { userId: referrer.userId }, { draftId: addInfo.draftId, definitionFor });
    if (sent.status !== "submitted") throw new Error("expected a resubmission");
    const [v2] = await db.select().from(submissions).where(eq(submissions.reference, sent.reference));

    for (const id of [v1.id, v2!.id]) expect(await viewReferral(referralDepsAt(at(10)), earlyHelp, id)).toEqual({ status: "not-found" });
    expect((await inboxOf(earlyHelp, { tab: "resubmitted", search: v1.reference, page: 1, pageSize: 50 })).total).toBe(0);
    const seen = await viewReferral(referralDepsAt(at(10)), lado, v2!.id);
    if (seen.status !== "found") throw new Error("the LADO team should see its resubmission");
    expect(seen.referral.previous?.id).toBe(v1.id);
  });

  it("changes nothing through a forged action (respond, ask, close, move, assign)", async () => {
    const ladoSent = await aReferral(ladoForm, at(11));
    const notFound = { status: "not-found" };
    expect(await respond(referralDepsAt(at(12)), earlyHelp, { id: ladoSent.id, response: "Forged" })).toEqual(notFound);
    expect(await requestInformation(referralDepsAt(at(12)), earlyHelp, { id: ladoSent.id, reason: "other", comments: "Forged" })).toEqual(notFound);
    expect(await close(referralDepsAt(at(12)), earlyHelp, { id: ladoSent.id })).toEqual(notFound);
    expect(await moveTeam(referralDepsAt(at(12)), earlyHelp, { id: ladoSent.id, team: "early-help" })).toEqual(notFound);
    expect(await assignReferral(referralDepsAt(at(12)), earlyHelpManager, { id: ladoSent.id, assigneeId: earlyHelp.userId })).toEqual(notFound);
    expect(await rowOf(ladoSent.id)).toEqual({ status: "submitted", team: "lado", assignedTo: null });
    expect(await historyOf(ladoSent.id)).toEqual(["submitted"]);
    expect(await auditsOf(ladoSent.id)).toEqual([]);
  });
});

describe("a council admin alone", () => {
  it("opens no case record: an empty inbox, and not found by id, PDF or file", async () => {
    const ladoSent = await aReferral(ladoForm, at(13));
    expect((await inbox(councilAdmin)).total).toBe(0);
    expect(await viewReferral(referralDepsAt(at(14)), councilAdmin, ladoSent.id)).toEqual({ status: "not-found" });
    expect(await findSubmittedForm(db, councilAdmin, ladoSent.reference)).toBeNull();
    expect(await findAttachmentForDownload(db, { ...councilAdmin, attachmentId: await fileOf(ladoSent.id) })).toBeNull();
  });
});

describe("moving a referral to another team", () => {
  it("hands it over: the old team loses it, its assignee is cleared, the new team has it", async () => {
    const child = `Moved${run}`;
    const ehSent = await aReferral(earlyHelpForm, at(20), child);
    expect(await assignReferral(referralDepsAt(at(21)), earlyHelpManager, { id: ehSent.id, assigneeId: earlyHelp.userId })).toEqual({ status: "done" });
    expect(await moveTeam(referralDepsAt(at(22)), earlyHelp, { id: ehSent.id, team: "lado" })).toEqual({ status: "done" });

    expect(await rowOf(ehSent.id)).toEqual({ status: "submitted", team: "lado", assignedTo: null });
    expect((await inbox(earlyHelp, child)).total).toBe(0);
    expect(await viewReferral(referralDepsAt(at(23)), earlyHelp, ehSent.id)).toEqual({ status: "not-found" });
    expect(await findSubmittedForm(db, earlyHelp, ehSent.reference)).toBeNull();
    expect((await listMyWork(db, earlyHelp)).referrals.map((row) => row.id)).not.toContain(ehSent.id);
    expect((await inbox(lado, child)).rows.map((row) => row.id)).toEqual([ehSent.id]);
    // Moving it back is now the LADO team's to do, not the old team's.
    expect(await moveTeam(referralDepsAt(at(24)), earlyHelp, { id: ehSent.id, team: "early-help" })).toEqual({ status: "not-found" });
    expect(await moveTeam(referralDepsAt(at(24)), lado, { id: ehSent.id, team: "no-such-team" })).toEqual({ status: "invalid", errors: { team: "Select a team" } });
  });
});

describe("assigning, and My work", () => {
  it("lets a team manager assign to a caseworker of the team, and lists it in that caseworker's My work", async () => {
    const ehSent = await aReferral(earlyHelpForm, at(30), `Assigned${run}`);
    // Not a manager: refused. A caseworker of another team: not someone to assign to.
    expect(await assignReferral(referralDepsAt(at(31)), earlyHelp, { id: ehSent.id, assigneeId: earlyHelp.userId })).toEqual({ status: "forbidden" });
    expect(await assignReferral(referralDepsAt(at(31)), earlyHelpManager, { id: ehSent.id, assigneeId: lado.userId })).toEqual({ status: "invalid", errors: { assignee: "Select a caseworker of this referral's team" } });
    expect(await rowOf(ehSent.id)).toMatchObject({ assignedTo: null });

    expect(await assignReferral(referralDepsAt(at(32)), earlyHelpManager, { id: ehSent.id, assigneeId: earlyHelp.userId })).toEqual({ status: "done" });
    expect(await rowOf(ehSent.id)).toMatchObject({ assignedTo: earlyHelp.userId });
    expect((await listMyWork(db, earlyHelp)).referrals.map((row) => row.id)).toContain(ehSent.id);
    expect((await listMyWork(db, earlyHelpManager)).referrals.map((row) => row.id)).not.toContain(ehSent.id);
    expect(await historyOf(ehSent.id)).toEqual(["assigned", "submitted"]);
    expect(await auditsOf(ehSent.id)).toEqual(["referral-assigned"]);
    const seen = await viewReferral(referralDepsAt(at(33)), earlyHelp, ehSent.id);
    expect(seen.status === "found" && seen.referral.assignedTo).toEqual({ id: earlyHelp.userId, name: "Test Earlyhelp" });

    // Closed work leaves My work.
    expect(await close(referralDepsAt(at(34)), earlyHelp, { id: ehSent.id })).toEqual({ status: "done" });
    expect((await listMyWork(db, earlyHelp)).referrals.map((row) => row.id)).not.toContain(ehSent.id);
  });
});
