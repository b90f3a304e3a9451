/**
 * What "Send to Local Authority" (submit-draft.ts) needs, passed in as its first argument, in the
 * one dependency style of lib/ (lib/referrals/deps.ts): the database, the clock, the mail port and
 * the portal's address for links. The mailer renders each email and queues it in the outbox with
 * the handle it is given, the submission's own transaction (emails/submission-mailer.ts), so a
 * submission that fails emails nobody and an email that cannot be queued sends nothing.
 */
import type { DomainDeps, Mailer } from "@/lib/deps";
import type { SendEmail } from "@/lib/send/mail-port";

/** The SEND team's email when a family sends a form it asked for (lib/send/assigned-forms.ts). */
export type ActionSubmittedEmail = Extract<SendEmail, { kind: "action-submitted" }>;

export type SubmissionEmail =
  /** To the sender: the form arrived, with its reference; never an answer. */
  | { kind: "submission-confirmation"; to: string; forename: string; formTitle: string; reference: string }
  | ActionSubmittedEmail;

export type SubmissionMailer = Mailer<SubmissionEmail>;

export type SubmissionDeps = Omit<DomainDeps<SubmissionEmail>, "storage"> & {
  /** The portal's address, for the SEND team's link to a form it asked for (APP_URL). */
  appUrl: string;
};
