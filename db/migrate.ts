/**
 * Applies the committed migrations; safe to run on every start, and from several instances
 * starting at once: each takes a PostgreSQL advisory lock (held by its one connection, so it
 * ends with the connection if the process dies) before migrating, so the first migrates and the
 * others then find nothing left to do.
 */
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { sql } from "drizzle-orm";
import path from "node:path";
import { createDb } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** The advisory lock's key: any fixed 64-bit number no other code of ours uses ("cp-migr"). */
export const MIGRATION_LOCK_KEY = 0x63702d6d696772;

export async function applyMigrations(url: string): Promise<void> {
  // One connection: the lock, the migration and the unlock are one session.
  const { db, close } = createDb(url, { max: 1 });
  try {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migrate(db, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    await close();
  }
}
