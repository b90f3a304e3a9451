/**
 * "Send to Local Authority": freezes the draft's answers, its people and the form definition
 * into a submission with a reference number, and removes the draft from Recover a form, in one
 * transaction. Idempotent: the submission is unique per draft, so a double click, a retried
 * request or the back button finds the first submission instead of making a second.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { drafts, submissions } from "@/db/schema";
import type { FormDefinition } from "@/lib/forms/types";
import { newReference } from "./reference";

export type SubmitResult = { status: "submitted"; reference: string; isNew: boolean } | { status: "not-found" };

export async function submitDraft(db: Db, input: { ownerId: string; draftId: string; definitionFor: (formId: string) => FormDefinition | undefined; now: Date }): Promise<SubmitResult> {
  return db.transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(drafts)
      .where(and(eq(drafts.id, input.draftId), eq(drafts.ownerId, input.ownerId)))
      .for("update");
    if (!draft) return alreadySubmitted(tx, input.ownerId, input.draftId);
    const definition = input.definitionFor(draft.formId);
    if (!definition) throw new Error(`no definition for form ${draft.formId}`);
    const [created] = await tx
      .insert(submissions)
      .values({
        reference: newReference(),
        ownerId: input.ownerId,
        draftId: draft.id,
        formId: draft.formId,
        formVersion: draft.formVersion,
        definition,
        people: draft.people,
        answers: draft.answers,
        submittedAt: input.now,
      })
      .onConflictDoNothing({ target: submissions.draftId })
      .returning({ reference: submissions.reference });
    await tx.delete(drafts).where(eq(drafts.id, draft.id));
    if (created) return { status: "submitted" as const, reference: created.reference, isNew: true };
    return alreadySubmitted(tx, input.ownerId, input.draftId);
  });
}

async function alreadySubmitted(db: Pick<Db, "select">, ownerId: string, draftId: string): Promise<SubmitResult> {
  const [existing] = await db
    .select({ reference: submissions.reference })
    .from(submissions)
    .where(and(eq(submissions.draftId, draftId), eq(submissions.ownerId, ownerId)));
  return existing ? { status: "submitted", reference: existing.reference, isNew: false } : { status: "not-found" };
}
