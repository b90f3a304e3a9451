/**
 * The emails "Send to Local Authority" asks for (lib/submissions/deps.ts), rendered and queued in
 * the caller's transaction (the submission's own): the sender's confirmation (form-emails.tsx) and,
 * for a form the SEND team assigned, the SEND team's notice (send-mailer.tsx).
 */
import type PgBoss from "pg-boss";
import type { SubmissionMailer } from "@/lib/submissions/deps";
import { queueSubmissionConfirmation } from "./form-emails";
import { createSendMailer } from "./send-mailer";

export function createSubmissionMailer(sender: PgBoss, councilName: string, appUrl: string): SubmissionMailer {
  const send = createSendMailer(sender, councilName);
  return async (db, email) => {
    if (email.kind === "action-submitted") return send(db, email);
    await queueSubmissionConfirmation(db, sender, email.to, {
      councilName,
      forename: email.forename,
      formTitle: email.formTitle,
      reference: email.reference,
      link: new URL("/submitted", appUrl).toString(),
    });
  };
}
