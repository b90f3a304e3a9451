/**
 * The referrer's emails lib/referrals asks for (lib/referrals/deps.ts), rendered
 * (referral-emails.tsx) and queued in the caller's transaction: the change's own, so a change that
 * fails sends nothing. The reason for a request is sent as its fixed label, never the comments.
 */
import type PgBoss from "pg-boss";
import type { ReferralMailer } from "@/lib/referrals/deps";
import { REASON_LABELS } from "@/lib/referrals/vocabulary";
import { queueMoreInformationRequested, queueResponsePosted } from "./referral-emails";

export function createReferralMailer(sender: PgBoss, councilName: string, appUrl: string): ReferralMailer {
  return async (db, email) => {
    const common = { councilName, forename: email.forename, formTitle: email.formTitle, reference: email.reference, link: new URL("/submitted", appUrl).toString() };
    switch (email.kind) {
      case "more-information-requested":
        return queueMoreInformationRequested(db, sender, email.to, { ...common, reasonLabel: REASON_LABELS[email.reason] });
      case "response-posted":
        return queueResponsePosted(db, sender, email.to, common);
    }
  };
}
