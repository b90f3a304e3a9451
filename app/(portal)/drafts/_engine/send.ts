import "server-only";
import { redirect } from "next/navigation";
import type { SessionUser } from "@/lib/auth/sessions";
import { getDb } from "@/db/client";
import { formById } from "@/lib/forms/catalogue";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { now } from "@/lib/clock";
import { logEvent } from "@/lib/log";
import { emailSubmissionConfirmation } from "./form-emails";
import { sendDeps } from "@/app/_send/send-deps";
import { completeAssignedFormForDraft } from "@/lib/send/assigned-forms";
import { draftPaths } from "./paths";
import { loadDraftForAction } from "./load-draft-for-action";

/**
 * "Send to Local Authority", once the user has confirmed. Every section that applies must be
 * complete (a forged post of an unfinished form goes back to Check your answers). Sending is
 * idempotent, so a double click, a retried request or the back button lands on the same Thank
 * You page, and the confirmation email goes once, in the submission's transaction.
 */
export async function sendDraft(user: SessionUser, draftId: string): Promise<never> {
  // No draft may mean it was sent a moment ago: submitDraft then finds that submission.
  const target = await loadDraftForAction(user.userId, draftId);
  if (target?.statuses.some((status) => status.isShown && status.state !== "complete")) redirect(`${draftPaths(draftId).checkAnswers}?incomplete=1`);
  const result = await submitDraft(getDb(), {
    ownerId: user.userId,
    draftId,
    definitionFor: formById,
    now: now(),
    requireComplete: true,
    onSubmitted: async (tx, submission) => {
      await emailSubmissionConfirmation(tx, user, submission.formTitle, submission.reference);
      // A form the SEND team assigned (Actions to Complete) is done once sent, in the same transaction.
      const deps = sendDeps();
      await completeAssignedFormForDraft(tx, { draftId, reference: submission.reference, userId: user.userId, now: deps.now, mail: deps.mail, appUrl: deps.appUrl });
    },
  });
  if (result.status === "not-found") redirect("/drafts?gone=1");
  // Changed since the check above (an autosave from another tab): back to Check your answers.
  if (result.status === "incomplete") redirect(`${draftPaths(draftId).checkAnswers}?incomplete=1`);
  if (result.isNew) logEvent("draft.submitted", { draftId, reference: result.reference });
  redirect(`/submitted/${result.reference}/thank-you`);
}
