/**
 * What every lib/referrals verb needs, passed in as its first argument: `verb(deps, actor, input)`
 * (the one dependency style of lib/, as lib/send/deps.ts and lib/auth/deps.ts). Tests pass the
 * real database, a fixed clock and a mailer of their own; a verb that needs less takes a `Pick`.
 *
 * The mail port: lib/referrals names the email to send and the mailer (emails/referral-mailer.tsx)
 * renders it and queues it in the outbox with the handle it is given, the change's own transaction,
 * so if the change fails no email goes and if the email cannot be queued nothing is written.
 */
import type { DomainDeps, Mailer } from "@/lib/deps";
import type { InformationReason } from "./vocabulary";

/**
 * The referrer's emails about a change, whoever made it (a caseworker in /staff or the case system
 * through the API). Each names the form and its reference and links to Submitted Forms; never a
 * child's name, an answer, or what the caseworker wrote (there is no place for it here).
 */
export type ReferralEmail =
  /** "Your form has been sent back for more information", with the reason's label. */
  | { kind: "more-information-requested"; to: string; forename: string; formTitle: string; reference: string; reason: InformationReason }
  /** "A response has been posted". */
  | { kind: "response-posted"; to: string; forename: string; formTitle: string; reference: string };

export type ReferralMailer = Mailer<ReferralEmail>;

/** Storage: for Add info, which copies the files that were sent onto its draft. */
export type ReferralDeps = DomainDeps<ReferralEmail, "copy" | "delete">;
