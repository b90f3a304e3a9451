/**
 * "Send to Local Authority": freezes the draft's answers, its people and the form definition
 * into a submission with a reference number, and removes the draft from Recover a form, in one
 * transaction. Idempotent: the submission is unique per draft, so a double click, a retried
 * request or the back button finds the first submission instead of making a second.
 *
 * A draft made by "Add info" (drafts.resubmissionOf) becomes a resubmission: linked to the
 * original, the next version of its reference, status "resubmitted", and the original closed
 * (lib/referrals/resubmit.ts; the rules are in lib/referrals/status-rules.ts).
 *
 * In the same transaction, once, when the submission is made: the sender's confirmation email,
 * and, for a form the SEND team assigned (Actions to Complete), that action marked done with its
 * email to the caseworker; both emails through `deps.mail` (deps.ts).
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { drafts, submissions, users } from "@/db/schema";
import { freezeAttachments } from "@/lib/attachments/freeze-attachments";
import { recordDelivery } from "@/lib/delivery/outbox";
import { sectionStates } from "@/lib/forms/journey";
import { sectionValidator } from "@/lib/forms/section-form";
import type { Answers, FormDefinition, Person } from "@/lib/forms/types";
import { planSubmission, recordSubmission } from "@/lib/referrals/resubmit";
import { completeAssignedFormForDraft } from "@/lib/send/assigned-forms";
import type { NotFound } from "@/lib/result";
import type { SubmissionDeps } from "./deps";
import { newReference } from "./reference";

/** `incomplete`: a section that applies is not complete, judged on the draft as locked for sending. */
export type SubmitResult = { status: "submitted"; reference: string; isNew: boolean } | NotFound | { status: "incomplete" };

/** The draft's owner, sending it: only the user id, from the session. */
export type DraftOwner = { userId: string };

export async function submitDraft(
  deps: SubmissionDeps,
  owner: DraftOwner,
  request: {
    draftId: string;
    definitionFor: (formId: string) => FormDefinition | undefined;
    /**
     * Send only a draft whose every section that applies is complete, judged on the row locked
     * for sending (an autosave from another tab can land between a check made before and the
     * lock). "Send to Local Authority" always asks for it; test fixtures that send partial
     * answers to make a submission do not.
     */
    requireComplete?: boolean;
  },
): Promise<SubmitResult> {
  const input = { ...request, ownerId: owner.userId, now: deps.now };
  return deps.db.transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(drafts)
      .where(and(eq(drafts.id, input.draftId), eq(drafts.ownerId, input.ownerId)))
      .for("update");
    if (!draft) return alreadySubmitted(tx, input.ownerId, input.draftId);
    const definition = input.definitionFor(draft.formId);
    if (!definition) throw new Error(`no definition for form ${draft.formId}`);
    if (input.requireComplete && !isComplete(definition, draft.answers as Answers, draft.people as Person[])) return { status: "incomplete" as const };
    const plan = await planSubmission(tx, draft, definition);
    const [created] = await tx
      .insert(submissions)
      .values({
        reference: plan.reference ?? newReference(),
        ownerId: input.ownerId,
        draftId: draft.id,
        formId: draft.formId,
        formVersion: draft.formVersion,
        definition,
        people: draft.people,
        answers: draft.answers,
        submittedAt: input.now,
        status: plan.status,
        team: plan.team,
        peopleNames: plan.peopleNames,
        previousSubmissionId: plan.previousSubmissionId,
        version: plan.version,
      })
      .onConflictDoNothing({ target: submissions.draftId })
      .returning({ id: submissions.id, reference: submissions.reference });
    // The draft's files go with it, in this transaction (before the draft row, which they name).
    if (created) {
      await freezeAttachments(tx, { draftId: draft.id, submissionId: created.id });
      await recordSubmission(tx, plan, { id: created.id, reference: created.reference, ownerId: input.ownerId, at: input.now });
      await recordDelivery(tx, created.id, input.now);
    }
    await tx.delete(drafts).where(eq(drafts.id, draft.id));
    if (created) {
      const [sender] = await tx.select({ email: users.email, forename: users.forename }).from(users).where(eq(users.id, input.ownerId));
      if (sender) await deps.mail(tx, { kind: "submission-confirmation", to: sender.email, forename: sender.forename, formTitle: definition.title, reference: created.reference });
      await completeAssignedFormForDraft(tx, { draftId: draft.id, reference: created.reference, userId: input.ownerId, now: input.now, mail: deps.mail, appUrl: deps.appUrl });
      return { status: "submitted" as const, reference: created.reference, isNew: true };
    }
    return alreadySubmitted(tx, input.ownerId, input.draftId);
  });
}

function isComplete(definition: FormDefinition, answers: Answers, people: Person[]): boolean {
  return sectionStates(definition, answers, sectionValidator(definition, answers, people)).every((state) => !state.isShown || state.state === "complete");
}

async function alreadySubmitted(db: Pick<Db, "select">, ownerId: string, draftId: string): Promise<SubmitResult> {
  const [existing] = await db
    .select({ reference: submissions.reference })
    .from(submissions)
    .where(and(eq(submissions.draftId, draftId), eq(submissions.ownerId, ownerId)));
  return existing ? { status: "submitted", reference: existing.reference, isNew: false } : { status: "not-found" };
}

/** The reference of the submission made from this user's draft, if it has been sent. */
export async function referenceForSentDraft(db: Pick<Db, "select">, ownerId: string, draftId: string): Promise<string | null> {
  const result = await alreadySubmitted(db, ownerId, draftId);
  return result.status === "submitted" ? result.reference : null;
}

export type SentForm = { reference: string; formId: string; submittedAt: Date };

/** One of this user's submissions by reference (another user's reference finds nothing). */
export async function findSentForm(db: Pick<Db, "select">, ownerId: string, reference: string): Promise<SentForm | null> {
  const [row] = await db
    .select({ reference: submissions.reference, formId: submissions.formId, submittedAt: submissions.submittedAt })
    .from(submissions)
    .where(and(eq(submissions.reference, reference), eq(submissions.ownerId, ownerId)));
  return row ?? null;
}
