/**
 * A form the SEND team assigns (Actions to Complete) is sent like any other, so it has a case
 * system document too: with the team "send", the parent as its sender, the child as the person
 * it is about, and valid against its form version's JSON Schema.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { drafts, submissions } from "@/db/schema";
import { submissionDocument } from "@/lib/delivery/document";
import { saveDraft } from "@/lib/drafts/drafts";
import { aboutMyChild } from "@/lib/forms/definitions/about-my-child";
import { assignForm, openAssignedForm } from "@/lib/send/assigned-forms";
import { db, ensureCouncil } from "@/tests/support/auth-fixture";
import { describeErrors, documentValidator } from "@/tests/support/document-schema";
import { anActiveCase, aStaffUser, caseInput, sendAssignedDraft, sendDepsAt, type TestStaff } from "@/tests/support/send-fixture";

const t0 = new Date("2023-06-01T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

let caseworker: TestStaff;

beforeAll(async () => {
  await ensureCouncil();
  caseworker = await aStaffUser("caseworker");
});

describe("the document of a SEND assigned form", () => {
  it("is the SEND team's, from the parent, about the child, and valid against its schema", async () => {
    const { caseId, parent } = await anActiveCase(caseworker, t0);
    const assigned = await assignForm(sendDepsAt(at(1)), caseworker, { caseId, formId: aboutMyChild.id });
    if (assigned.status !== "done") throw new Error("not assigned");
    const opened = await openAssignedForm(sendDepsAt(at(2)), parent, { caseId, actionId: assigned.actionId });
    if (opened.status !== "done") throw new Error(`not opened: ${opened.status}`);
    const [draft] = await db.select().from(drafts).where(eq(drafts.id, opened.draftId));
    const answers = { ...(draft!.answers as object), likeAndAdmire: "Kind and funny", importantNow: "Swimming on Saturdays" };
    await saveDraft(db, { ownerId: parent.userId, draftId: opened.draftId, expectedRevision: draft!.revision, people: draft!.people as never, answers, now: at(3) });
    const sent = await sendAssignedDraft(parent, opened.draftId, at(4));
    if (sent.status !== "submitted") throw new Error("not sent");

    const [row] = await db.select({ id: submissions.id }).from(submissions).where(eq(submissions.reference, sent.reference));
    const result = await submissionDocument(db, row!.id, { appUrl: "http://localhost:3000" });
    if (result.status !== "found") throw new Error("no document");
    const { document } = result;
    expect(describeErrors(documentValidator(aboutMyChild).errorsOf(document))).toEqual([]);
    expect(document).toMatchObject({ team: "send", form: { id: "about-my-child", version: 1 }, referrer: { email: parent.email }, files: [] });
    expect(document.people.map((person) => person.forename)).toEqual([caseInput(caseworker).childForename]);
    expect(document.answers.map((answer) => [answer.questionId, answer.value])).toEqual([
      ["likeAndAdmire", "Kind and funny"],
      ["importantNow", "Swimming on Saturdays"],
    ]);
  });
});
