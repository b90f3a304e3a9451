/**
 * Teams on the SEND side (issue 16): an EHC case is the SEND team's. A caseworker of another team
 * (Early Help here) finds it in no list and opens none of it: the case, its messages, documents,
 * Actions to Complete, invitations and family access all answer "not-found", and a forged action
 * changes nothing. A SEND team manager gives a case to a SEND caseworker, whose My work lists it.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sendCaseEvents, sendCases, sendDocuments } from "@/db/schema";
import {
  activateAccess,
  assignCase,
  assignForm,
  cancelInvitation,
  createCase,
  invite,
  listAssignedFormsForStaff,
  listCaseMessages,
  listCases,
  listCasesWithUnreadFamilyMessages,
  listDocumentsForStaff,
  openDocumentForStaff,
  readTeamMessage,
  recordStage,
  resendInvitation,
  revokeAccess,
  sendFamilyMessage,
  sendTeamMessage,
  verifyIdentity,
  viewCase,
} from "@/lib/send";
import { listMyWork } from "@/lib/staff/my-work";
import { db, ensureCouncil } from "@/tests/support/auth-fixture";
import { anActiveCase, aStaffUser, caseInput, sendDepsAt, type TestStaff } from "@/tests/support/send-fixture";
import { joinTeams } from "@/tests/support/staff-teams";

const t0 = new Date("2028-07-03T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const notFound = { status: "not-found" };

let sendCaseworker: TestStaff;
let otherSendCaseworker: TestStaff;
let sendManager: TestStaff;
let earlyHelp: TestStaff;

beforeAll(async () => {
  await ensureCouncil();
  sendCaseworker = await aStaffUser("caseworker");
  otherSendCaseworker = await aStaffUser("caseworker", "Otto");
  sendManager = await aStaffUser("caseworker", "Mona");
  await joinTeams(sendManager.userId, ["send"], "team-manager");
  earlyHelp = await aStaffUser("caseworker", "Erin");
  await joinTeams(earlyHelp.userId, ["early-help"]);
});

const eventsOf = async (caseId: string) => (await db.select({ kind: sendCaseEvents.kind }).from(sendCaseEvents).where(eq(sendCaseEvents.caseId, caseId))).map((row) => row.kind);

describe("another team's caseworker and a SEND case", () => {
  it("lists it nowhere and opens none of it", async () => {
    const { caseId, input, parent } = await anActiveCase(sendCaseworker, at(0));
    const deps = sendDepsAt(at(10));
    const sent = await sendFamilyMessage(deps, parent, { caseId, type: "general", subject: "Hello", body: "From the family" });
    if (sent.status !== "done") throw new Error("expected a family message");
    const [document] = await db
      .insert(sendDocuments)
      .values({ caseId, objectKey: `send-documents/${randomUUID()}`, fileName: "plan.pdf", contentType: "application/pdf", sizeBytes: 1, documentDate: "2028-07-01", description: "Plan", publishedAt: at(10), publishedBy: sendCaseworker.userId })
      .returning({ id: sendDocuments.id });

    const search = input.childSurname;
    const listed = await listCases(deps, earlyHelp, { stage: "all", search });
    expect(listed).toMatchObject({ rows: [], total: 0 });
    expect(await listCases(deps, sendCaseworker, { stage: "all", search })).toMatchObject({ rows: [{ id: caseId }], total: 1 });
    const unread = await listCasesWithUnreadFamilyMessages(deps, earlyHelp);
    expect(Array.isArray(unread) && unread.some((row) => row.caseId === caseId)).toBe(false);
    const unreadForSend = await listCasesWithUnreadFamilyMessages(deps, sendCaseworker);
    expect(Array.isArray(unreadForSend) && unreadForSend.some((row) => row.caseId === caseId)).toBe(true);

    expect(await viewCase(deps, earlyHelp, caseId)).toEqual(notFound);
    expect(await listCaseMessages(deps, earlyHelp, caseId)).toEqual(notFound);
    expect(await readTeamMessage(deps, earlyHelp, caseId, sent.messageId)).toEqual(notFound);
    expect(await listDocumentsForStaff(deps, earlyHelp, caseId)).toEqual(notFound);
    expect(await openDocumentForStaff(deps, earlyHelp, caseId, document!.id)).toEqual(notFound);
    expect(await listAssignedFormsForStaff(deps, earlyHelp, caseId)).toEqual(notFound);
    // The SEND team opens them all.
    expect((await viewCase(deps, sendCaseworker, caseId)).status).toBe("found");
    expect((await readTeamMessage(deps, sendCaseworker, caseId, sent.messageId)).status).toBe("found");
    expect((await openDocumentForStaff(deps, sendCaseworker, caseId, document!.id)).status).toBe("found");
  });

  it("changes nothing through a forged action on it, its invitation or its access", async () => {
    const { caseId, accessId } = await anActiveCase(sendCaseworker, at(20));
    const deps = sendDepsAt(at(30));
    const invited = await invite(deps, sendCaseworker, caseId, { email: `second.${randomUUID().slice(0, 8)}@example.org` });
    if (invited.status !== "done") throw new Error("expected an invitation");
    const before = await eventsOf(caseId);

    expect(await invite(deps, earlyHelp, caseId)).toEqual(notFound);
    expect(await verifyIdentity(deps, earlyHelp, { invitationId: invited.invitationId, code: "AAAA-AAAA" })).toEqual(notFound);
    expect(await resendInvitation(deps, earlyHelp, invited.invitationId)).toEqual(notFound);
    expect(await cancelInvitation(deps, earlyHelp, invited.invitationId)).toEqual(notFound);
    expect(await revokeAccess(deps, earlyHelp, accessId)).toEqual(notFound);
    expect(await activateAccess(deps, earlyHelp, accessId)).toEqual(notFound);
    expect(await sendTeamMessage(deps, earlyHelp, { caseId, type: "general", subject: "Forged", body: "Forged" })).toEqual(notFound);
    expect(await recordStage(deps, earlyHelp, { caseId, kind: "assess-decision", outcome: "yes", date: "2028-07-03" })).toEqual(notFound);
    expect(await assignForm(deps, earlyHelp, { caseId, formId: "about-my-child" })).toEqual(notFound);
    expect(await assignCase(deps, earlyHelp, { caseId, caseworkerId: earlyHelp.userId })).toEqual(notFound);
    expect(await eventsOf(caseId)).toEqual(before);
  });

  it("cannot open a case at all when not in the SEND team", async () => {
    expect(await createCase(sendDepsAt(at(40)), earlyHelp, caseInput(sendCaseworker))).toEqual({ status: "forbidden" });
  });
});

describe("assigning a SEND case", () => {
  it("is a SEND team manager's, to a SEND caseworker, and shows in their My work", async () => {
    const { caseId } = await anActiveCase(sendCaseworker, at(50));
    const deps = sendDepsAt(at(60));
    expect(await assignCase(deps, sendCaseworker, { caseId, caseworkerId: otherSendCaseworker.userId })).toEqual({ status: "forbidden" });
    expect(await assignCase(deps, sendManager, { caseId, caseworkerId: earlyHelp.userId })).toMatchObject({ status: "invalid" });
    expect((await listMyWork(db, sendCaseworker)).cases.map((row) => row.id)).toContain(caseId);

    expect(await assignCase(deps, sendManager, { caseId, caseworkerId: otherSendCaseworker.userId })).toEqual({ status: "done" });
    const [row] = await db.select({ caseworkerId: sendCases.caseworkerId }).from(sendCases).where(eq(sendCases.id, caseId));
    expect(row?.caseworkerId).toBe(otherSendCaseworker.userId);
    expect((await listMyWork(db, otherSendCaseworker)).cases.map((item) => item.id)).toContain(caseId);
    expect((await listMyWork(db, sendCaseworker)).cases.map((item) => item.id)).not.toContain(caseId);
    expect(await eventsOf(caseId)).toContain("caseworker-assigned");
    // Someone out of the SEND team does not see a case even where they are named on it.
    await db.update(sendCases).set({ caseworkerId: earlyHelp.userId }).where(eq(sendCases.id, caseId));
    expect((await listMyWork(db, earlyHelp)).cases.map((item) => item.id)).not.toContain(caseId);
  });
});
