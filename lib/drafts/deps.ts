/**
 * What lib/drafts' housekeeping needs, passed in as its first argument in the one dependency style
 * of lib/ (lib/referrals/deps.ts): the database, the clock, the mail port and object storage. The
 * draft functions that only read or write rows (drafts.ts) take the database handle instead, so a
 * caller can run them inside its own transaction (Add info, Send to Local Authority).
 */
import type { Db, DbOrTx } from "@/db/client";
import type { Storage } from "@/lib/storage";

export type DraftEmail =
  /** To the owner, once, in the last three days before their draft is deleted: the form and the date, never an answer. */
  { kind: "expiry-reminder"; to: string; forename: string; formId: string; expiresAt: Date; draftId: string };

/** Renders the email and queues it in the outbox with the handle it is given (emails/draft-expiry-reminder.tsx). */
export type DraftMailer = (db: DbOrTx, email: DraftEmail) => Promise<void>;

export type DraftDeps = {
  db: Db;
  now: Date;
  mail: DraftMailer;
  /** Where the drafts' files are; lib/storage's getStorage() unless given. */
  storage?: Pick<Storage, "delete" | "list">;
};
