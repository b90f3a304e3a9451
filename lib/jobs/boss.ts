import "server-only";
/**
 * The app's handle on the job queue, for sending only: it opens no pool of its own and runs
 * nothing in the background (the worker, started by the launcher, does the work).
 */
import PgBoss from "pg-boss";
import { getDb } from "@/db/client";
import { executorFor } from "./sql-executor";

let sender: PgBoss | undefined;

export function jobSender(): PgBoss {
  sender ??= new PgBoss({ db: executorFor(getDb()), supervise: false, schedule: false, migrate: false });
  return sender;
}
