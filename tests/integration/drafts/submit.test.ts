import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { councils, deliveries, submissions, users } from "@/db/schema";
import { findDraftForOwner, saveDraft, startDraft } from "@/lib/drafts/drafts";
import { safeguardingConcern } from "@/lib/forms/definitions/safeguarding-concern";
import { isReference } from "@/lib/submissions/reference";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { db, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";
import { submissionDepsAt } from "@/tests/support/submission-fixture";
import type { SubmissionEmail, SubmissionMailer } from "@/lib/submissions/deps";

const now = new Date("2026-11-20T10:00:00Z");
const definitionFor = (formId: string) => (formId === safeguardingConcern.id ? safeguardingConcern : undefined);

async function aUser(): Promise<string> {
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  const [user] = await db.insert(users).values({ councilId: council!.id, email: uniqueEmail("sender"), passwordHash: "not-used", forename: "Sam", surname: "Sender" }).returning({ id: users.id });
  return user!.id;
}

async function aFilledDraft(ownerId: string) {
  const draft = await startDraft(db, { ownerId, form: safeguardingConcern, retentionDays: 30, now });
  const people = [{ id: "p1", forename: "Amy", surname: "Smith" }];
  await saveDraft(db, { ownerId, draftId: draft.id, expectedRevision: 1, people, answers: { referrerName: "Sam Sender" }, now });
  return draft;
}

beforeAll(ensureCouncil);

describe("Send to Local Authority", () => {
  it("freezes the answers, people and definition with a readable reference, and the draft leaves Recover a form", async () => {
    const owner = await aUser();
    const draft = await aFilledDraft(owner);
    const result = await submitDraft(submissionDepsAt(now), { userId: owner }, { draftId: draft.id, definitionFor });
    if (result.status !== "submitted") throw new Error("expected a submission");
    expect(isReference(result.reference)).toBe(true);
    const [row] = await db.select().from(submissions).where(eq(submissions.reference, result.reference));
    expect(row).toMatchObject({ ownerId: owner, formVersion: 1, answers: { referrerName: "Sam Sender" }, people: [{ forename: "Amy" }], status: "submitted" });
    expect((row?.definition as { title: string }).title).toBe("Child/Young Person Safeguarding Concern");
    expect(await findDraftForOwner(db, owner, draft.id, now)).toBeNull();
  });

  it("makes one submission from two requests at once, and both get its reference", async () => {
    const owner = await aUser();
    const draft = await aFilledDraft(owner);
    const confirmations: SubmissionEmail[] = [];
    const mail: SubmissionMailer = async (_tx, email) => void confirmations.push(email);
    const [first, second] = await Promise.all([
      submitDraft(submissionDepsAt(now, mail), { userId: owner }, { draftId: draft.id, definitionFor }),
      submitDraft(submissionDepsAt(now, mail), { userId: owner }, { draftId: draft.id, definitionFor }),
    ]);
    const rows = await db.select().from(submissions).where(eq(submissions.draftId, draft.id));
    expect(rows).toHaveLength(1);
    expect(first).toMatchObject({ status: "submitted", reference: rows[0]!.reference });
    expect(second).toMatchObject({ status: "submitted", reference: rows[0]!.reference });
    expect([first, second].filter((r) => r.status === "submitted" && r.isNew)).toHaveLength(1);
    // The confirmation email is queued once, by the request that made the submission, to its owner.
    const [account] = await db.select({ email: users.email }).from(users).where(eq(users.id, owner));
    expect(confirmations).toEqual([{ kind: "submission-confirmation", to: account!.email, forename: "Sam", formTitle: safeguardingConcern.title, reference: rows[0]!.reference }]);
    // It is owed to the case system once: one delivery, queued, with its webhook id fixed.
    const owed = await db.select().from(deliveries).where(eq(deliveries.submissionId, rows[0]!.id));
    expect(owed).toEqual([expect.objectContaining({ status: "queued", attempts: 0, deliveredAt: null, webhookId: expect.stringMatching(/^msg_[0-9a-f]{32}$/) })]);
    // A retry later (the back button) finds the same submission.
    expect(await submitDraft(submissionDepsAt(now), { userId: owner }, { draftId: draft.id, definitionFor })).toMatchObject({ reference: rows[0]!.reference, isNew: false });
  });

  it("refuses another user's draft", async () => {
    const owner = await aUser();
    const stranger = await aUser();
    const draft = await aFilledDraft(owner);
    expect(await submitDraft(submissionDepsAt(now), { userId: stranger }, { draftId: draft.id, definitionFor })).toEqual({ status: "not-found" });
    expect(await findDraftForOwner(db, owner, draft.id, now)).not.toBeNull();
  });

  it("does not send a draft that is not complete when sending asks for it, judged on the draft as locked", async () => {
    const owner = await aUser();
    const draft = await aFilledDraft(owner);
    // As if another tab's autosave had just cleared answers after the page checked them.
    expect(await submitDraft(submissionDepsAt(now), { userId: owner }, { draftId: draft.id, definitionFor, requireComplete: true })).toEqual({ status: "incomplete" });
    expect(await db.select().from(submissions).where(eq(submissions.draftId, draft.id))).toEqual([]);
    expect(await findDraftForOwner(db, owner, draft.id, now)).not.toBeNull();
  });
});
