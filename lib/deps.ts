/**
 * The one dependency style of lib/ (README › Layout › "One shape"): a domain verb takes its
 * domain's deps object first. What the domains share: the database, the clock, and the domain's
 * mail port, which renders an email and queues it in the outbox with the handle it is given (the
 * change's own transaction), so a change that fails sends nothing and an email that cannot be
 * queued writes nothing. Each domain adds what it needs (storage, the portal's address, …).
 */
import type { Db, DbOrTx } from "@/db/client";
import type { Storage } from "@/lib/storage";

export type Mailer<Email> = (db: DbOrTx, email: Email) => Promise<void>;

export type DomainDeps<Email, StorageOps extends keyof Storage = never> = {
  db: Db;
  now: Date;
  mail: Mailer<Email>;
  /** The object storage operations the domain uses; lib/storage's getStorage() unless given. */
  storage?: Pick<Storage, StorageOps>;
};
