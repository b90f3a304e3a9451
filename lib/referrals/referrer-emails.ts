import "server-only";
import type { DbOrTx } from "@/db/client";
import { queueMoreInformationRequested, queueResponsePosted } from "@/emails/referral-emails";
import { councilSettings } from "@/lib/config/council";
import { appSettings } from "@/lib/config/env";
import { jobSender } from "@/lib/jobs/boss";
import type { ReferralChange } from "./referral";
import { REASON_LABELS } from "./vocabulary";

/**
 * The one hook (`onChanged`) that emails the referrer about a change, whoever made it: a
 * caseworker in /staff or the case system through the API (app/api/v1/submissions/…/response).
 * The referrer's email about a change, queued in the change's own transaction: "sent back for
 * more information" or "a response has been posted". It names the form and its reference and
 * links to Submitted Forms; never a child's name, an answer, or what the caseworker wrote.
 */
export async function emailReferrer(tx: DbOrTx, change: ReferralChange): Promise<void> {
  const common = {
    councilName: councilSettings().name,
    forename: change.referrer.forename,
    formTitle: change.formTitle,
    reference: change.reference,
    link: new URL("/submitted", appSettings().APP_URL).toString(),
  };
  if (change.action === "request-information") {
    await queueMoreInformationRequested(tx, jobSender(), change.referrer.email, { ...common, reasonLabel: change.reason ? REASON_LABELS[change.reason] : "" });
  } else if (change.action === "respond") {
    await queueResponsePosted(tx, jobSender(), change.referrer.email, common);
  }
}
