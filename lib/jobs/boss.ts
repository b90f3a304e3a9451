import "server-only";
/**
 * The app's handle on the job queue, for sending only: it opens no pool of its own and runs
 * nothing in the background (the worker, started by the launcher, does the work).
 */
import PgBoss from "pg-boss";
import type { DbOrTx } from "@/db/client";
import { getDb } from "@/db/client";
import { executorFor } from "./sql-executor";

let sender: PgBoss | undefined;

export function jobSender(): PgBoss {
  sender ??= new PgBoss({ db: executorFor(getDb()), supervise: false, schedule: false, migrate: false });
  return sender;
}

/** Queues a job in the given transaction (or straight away when given the database). */
export async function sendJob(db: DbOrTx, queue: string, data: object): Promise<void> {
  await jobSender().send(queue, data, { db: executorFor(db) });
}
