/**
 * What lib/attachments' changes need, passed in as their first argument in the one dependency
 * style of lib/ (`verb(deps, owner, input)`, as lib/referrals/deps.ts): the database, the clock,
 * object storage and the malware scanner. Each verb takes a `Pick` of what it uses, so a test
 * passes the real database and storage with a fixed clock, or a storage that fails on purpose.
 */
import type { Db } from "@/db/client";
import type { Scanner } from "@/lib/scanning/scanner";
import type { Storage } from "@/lib/storage";

export type AttachmentDeps = {
  db: Db;
  now: Date;
  storage: Pick<Storage, "put" | "delete" | "copy" | "list">;
  /** The malware scanner; CLAMAV_URL's (lib/scanning's getScanner) unless given. */
  scanner?: Scanner;
};

/** The deps of a verb that uses only these storage operations (a test may pass a storage that fails on purpose). */
export type StorageDeps<Op extends keyof Storage> = { db: Db; storage: Pick<Storage, Op> };

/** The person whose files they are: only the user id, from the session. */
export type FileOwner = { userId: string };
