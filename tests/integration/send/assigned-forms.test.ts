/**
 * Actions to Complete (issue 9): a caseworker assigns a SEND form; the parent with active access
 * opens it (a draft of the form about the child) and sends it; the assignment leaves the family's
 * list, is linked to the submission, and the caseworker is emailed. A second parent, a revoked
 * parent and anyone without access get nothing, and staff-only functions refuse families.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { drafts, sendActions } from "@/db/schema";
import { SEND_SUBJECTS } from "@/emails/send-mailer";
import { saveDraft } from "@/lib/drafts/drafts";
import { assignForm, listAssignedFormsForStaff, listOpenFormsForFamily, openAssignedForm, withdrawAssignedForm } from "@/lib/send/assigned-forms";
import { revokeAccess } from "@/lib/send";
import { db, emailsTo, ensureCouncil } from "@/tests/support/auth-fixture";
import { aFamilyUser, anActiveCase, aStaffUser, auditEventsFor, caseInput, sendAssignedDraft, sendDepsAt, type TestStaff } from "@/tests/support/send-fixture";

const t0 = new Date("2023-03-01T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

let caseworker: TestStaff;

beforeAll(async () => {
  await ensureCouncil();
  caseworker = await aStaffUser("caseworker");
});

/** A case with one parent (at the requestor's address) whose access is active. */
const activeCase = (overrides: Parameters<typeof caseInput>[1] = {}) => anActiveCase(caseworker, t0, overrides);

describe("forms the SEND team assigns", () => {
  it("are assigned by staff only, with a real due date, and the family is emailed", async () => {
    const { caseId, parent } = await activeCase();
    const family = { userId: parent.userId, role: "referrer" as const };
    expect(await assignForm(sendDepsAt(at(2)), family, { caseId, formId: "parental-preference" })).toEqual({ status: "forbidden" });
    expect(await assignForm(sendDepsAt(at(2)), caseworker, { caseId, formId: "safeguarding-concern" })).toMatchObject({ status: "invalid", errors: { formId: expect.any(String) } });
    expect(await assignForm(sendDepsAt(at(2)), caseworker, { caseId, formId: "parental-preference", dueDate: "2023-02-30" })).toMatchObject({ status: "invalid", errors: { dueDate: expect.any(String) } });
    const assigned = await assignForm(sendDepsAt(at(2)), caseworker, { caseId, formId: "parental-preference", dueDate: "2023-04-01" });
    expect(assigned.status).toBe("done");
    const emails = await emailsTo(parent.email);
    expect(emails[0]?.subject).toBe(SEND_SUBJECTS["action-assigned"]);
    expect(await listOpenFormsForFamily(db, parent, caseId)).toEqual([expect.objectContaining({ title: "Parental Preference Form", dueDate: "2023-04-01", inProgress: false })]);
    // The assignment and the caseworker's view of the list are both audited.
    await listAssignedFormsForStaff(sendDepsAt(at(3)), caseworker, caseId);
    const audited = (await auditEventsFor(caseId)).filter((row) => row.userId === caseworker.userId).map((row) => row.event);
    expect(audited).toEqual(expect.arrayContaining(["send-action-assigned", "send-case-viewed"]));
  });

  it("open as the parent's own draft about the child, and sending it completes the assignment and tells the caseworker", async () => {
    const { caseId, parent } = await activeCase();
    const assigned = await assignForm(sendDepsAt(at(2)), caseworker, { caseId, formId: "about-my-child" });
    if (assigned.status !== "done") throw new Error("not assigned");
    const opened = await openAssignedForm(sendDepsAt(at(3)), parent, { caseId, actionId: assigned.actionId });
    if (opened.status !== "done") throw new Error(`not opened: ${opened.status}`);
    expect(opened.isNew).toBe(true);
    // Opening again finds the same draft.
    expect(await openAssignedForm(sendDepsAt(at(4)), parent, { caseId, actionId: assigned.actionId })).toEqual({ ...opened, isNew: false });
    const [draft] = await db.select().from(drafts).where(eq(drafts.id, opened.draftId));
    expect(draft?.ownerId).toBe(parent.userId);
    expect(draft?.formId).toBe("about-my-child");
    expect((draft?.people as { forename: string }[])[0]?.forename).toBe(caseInput(caseworker).childForename);
    expect(await listOpenFormsForFamily(db, parent, caseId)).toEqual([expect.objectContaining({ inProgress: true })]);

    await saveDraft(db, { ownerId: parent.userId, draftId: opened.draftId, expectedRevision: draft!.revision, people: draft!.people as never, answers: { ...(draft!.answers as object), likeAndAdmire: "Kind and funny" }, now: at(5) });
    const sent = await sendAssignedDraft(parent, opened.draftId, at(6));
    expect(sent.status).toBe("submitted");
    expect(await listOpenFormsForFamily(db, parent, caseId)).toEqual([]);
    const forStaff = await listAssignedFormsForStaff(sendDepsAt(at(7)), caseworker, caseId);
    expect(forStaff.status === "found" ? forStaff.items : forStaff).toEqual([expect.objectContaining({ status: "sent", submission: expect.objectContaining({ reference: sent.status === "submitted" ? sent.reference : "" }) })]);
    expect((await emailsTo(caseworker.email)).map((email) => email.subject)).toContain(SEND_SUBJECTS["action-submitted"]);
    // A sent assignment can no longer be withdrawn.
    expect(await withdrawAssignedForm(sendDepsAt(at(8)), caseworker, { caseId, actionId: assigned.actionId })).toMatchObject({ status: "invalid" });
  });

  it("are out of reach of a second parent, a revoked parent, and after withdrawal", async () => {
    const { caseId, parent, accessId } = await activeCase();
    const stranger = await aFamilyUser();
    const assigned = await assignForm(sendDepsAt(at(2)), caseworker, { caseId, formId: "parental-preference" });
    if (assigned.status !== "done") throw new Error("not assigned");
    expect(await listOpenFormsForFamily(db, stranger, caseId)).toEqual([]);
    expect(await openAssignedForm(sendDepsAt(at(3)), stranger, { caseId, actionId: assigned.actionId })).toEqual({ status: "not-found" });
    expect(await listAssignedFormsForStaff(sendDepsAt(at(3)), { userId: parent.userId, role: "referrer" }, caseId)).toEqual({ status: "forbidden" });

    expect((await revokeAccess(sendDepsAt(at(4)), caseworker, accessId)).status).toBe("done");
    expect(await listOpenFormsForFamily(db, parent, caseId)).toEqual([]);
    expect(await openAssignedForm(sendDepsAt(at(5)), parent, { caseId, actionId: assigned.actionId })).toEqual({ status: "not-found" });

    const other = await activeCase();
    const second = await assignForm(sendDepsAt(at(6)), caseworker, { caseId: other.caseId, formId: "parental-preference" });
    if (second.status !== "done") throw new Error("not assigned");
    // An assignment id from another case is not found through this case.
    expect(await openAssignedForm(sendDepsAt(at(7)), other.parent, { caseId: other.caseId, actionId: assigned.actionId })).toEqual({ status: "not-found" });
    expect((await withdrawAssignedForm(sendDepsAt(at(8)), caseworker, { caseId: other.caseId, actionId: second.actionId })).status).toBe("done");
    expect(await listOpenFormsForFamily(db, other.parent, other.caseId)).toEqual([]);
    expect(await openAssignedForm(sendDepsAt(at(9)), other.parent, { caseId: other.caseId, actionId: second.actionId })).toEqual({ status: "not-found" });
    const [row] = await db.select().from(sendActions).where(eq(sendActions.id, second.actionId));
    expect(row?.withdrawnAt).not.toBeNull();
  });
});
