import "server-only";
import { redirect } from "next/navigation";
import type { SessionUser } from "@/lib/auth/sessions";
import { getDb } from "@/db/client";
import { createSubmissionMailer } from "@/emails/submission-mailer";
import { formById } from "@/lib/forms/catalogue";
import { submitDraft } from "@/lib/submissions/submit-draft";
import { now } from "@/lib/clock";
import { councilSettings } from "@/lib/config/council";
import { appSettings } from "@/lib/config/env";
import { jobSender } from "@/lib/jobs/boss";
import { logEvent } from "@/lib/log";
import { draftPaths } from "./paths";
import { loadDraftForAction } from "./load-draft-for-action";

/**
 * "Send to Local Authority", once the user has confirmed. Every section that applies must be
 * complete (a forged post of an unfinished form goes back to Check your answers). Sending is
 * idempotent, so a double click, a retried request or the back button lands on the same Thank
 * You page, and the confirmation email goes once, in the submission's transaction (as does
 * completing a form the SEND team assigned: lib/submissions/submit-draft.ts).
 */
export async function sendDraft(user: SessionUser, draftId: string): Promise<never> {
  // No draft may mean it was sent a moment ago: submitDraft then finds that submission.
  const target = await loadDraftForAction(user.userId, draftId);
  if (target?.statuses.some((status) => status.isShown && status.state !== "complete")) redirect(`${draftPaths(draftId).checkAnswers}?incomplete=1`);
  const { APP_URL } = appSettings();
  const deps = { db: getDb(), now: now(), mail: createSubmissionMailer(jobSender(), councilSettings().name, APP_URL), appUrl: APP_URL };
  const result = await submitDraft(deps, user, { draftId, definitionFor: formById, requireComplete: true });
  if (result.status === "not-found") redirect("/drafts?gone=1");
  // Changed since the check above (an autosave from another tab): back to Check your answers.
  if (result.status === "incomplete") redirect(`${draftPaths(draftId).checkAnswers}?incomplete=1`);
  if (result.isNew) logEvent("draft.submitted", { draftId, reference: result.reference });
  redirect(`/submitted/${result.reference}/thank-you`);
}
