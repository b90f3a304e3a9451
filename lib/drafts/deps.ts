/**
 * What lib/drafts' housekeeping and section saves need, passed in as their first argument in the
 * one dependency style of lib/ (lib/referrals/deps.ts): the database, the clock, the mail port and
 * object storage. The draft functions that only read or write rows (drafts.ts) take the database
 * handle instead, so a caller can run them inside its own transaction (Add info, Send to Local
 * Authority).
 */
import type { DomainDeps, Mailer } from "@/lib/deps";

export type DraftEmail =
  /** To the owner, once, in the last three days before their draft is deleted: the form and the date, never an answer. */
  | { kind: "expiry-reminder"; to: string; forename: string; formId: string; expiresAt: Date; draftId: string }
  /** To the owner on "Save for later": the form, the link that opens it after sign-in, and when it will be deleted. */
  | { kind: "saved-for-later"; to: string; forename: string; formTitle: string; link: string; expiresAt: Date; draftId: string };

/** Renders the email and queues it in the outbox with the handle it is given (emails/draft-mailer.ts). */
export type DraftMailer = Mailer<DraftEmail>;

/** Storage: where the drafts' files are, for the housekeeping that deletes them. */
export type DraftDeps = DomainDeps<DraftEmail, "delete" | "list">;

/** A section save: "Save for later" emails the owner a link to the draft on the portal's address. */
export type SectionSaveDeps = Pick<DraftDeps, "db" | "now" | "mail"> & { appUrl: string };
