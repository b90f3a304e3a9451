/**
 * The drafts' mail port (lib/drafts/deps.ts): each email rendered and queued in the caller's
 * transaction: the expiry reminder (draft-expiry-reminder.tsx, from the housekeeping job) and the
 * "Save for later" email (form-emails.tsx, from the section save).
 */
import type PgBoss from "pg-boss";
import type { DraftMailer } from "@/lib/drafts/deps";
import { queueDraftExpiryReminder } from "./draft-expiry-reminder";
import { queueSavedForLater } from "./form-emails";

export function createDraftMailer(sender: PgBoss, councilName: string): DraftMailer {
  return async (tx, email) => {
    if (email.kind === "expiry-reminder") return queueDraftExpiryReminder(tx, sender, councilName, email);
    const { to, forename, formTitle, link, expiresAt } = email;
    await queueSavedForLater(tx, sender, to, { councilName, forename, formTitle, link, expiresAt });
  };
}
