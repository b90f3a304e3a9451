/**
 * PostgreSQL's own dump and restore programs, found and run for the backup check. A pg_dump
 * older than the server refuses to dump it, so the check compares major versions first and says
 * which client to install rather than let pg_dump fail halfway. Passwords go to the programs in
 * PGPASSWORD, never on their command line (which any user of the machine can read).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export type PgTools = { pgDump: string; pgRestore: string; major: number; version: string };

/** PG_DUMP (a path) or `pg_dump` on PATH; pg_restore beside it, or PG_RESTORE. Null when none is found. */
export function findPgTools(env: NodeJS.ProcessEnv = process.env): PgTools | null {
  const pgDump = env.PG_DUMP || whichOnPath("pg_dump", env);
  if (!pgDump || !existsSync(pgDump)) return null;
  const beside = path.join(path.dirname(pgDump), "pg_restore");
  const pgRestore = env.PG_RESTORE || (existsSync(beside) ? beside : whichOnPath("pg_restore", env));
  if (!pgRestore || !existsSync(pgRestore)) return null;
  const version = execFileSync(pgDump, ["--version"], { encoding: "utf8" }).trim();
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(version);
  if (!match) return null;
  return { pgDump, pgRestore, major: Number(match[1]), version };
}

function whichOnPath(program: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, program);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * A libpq connection URI without its password, and the password apart. postgres.js's `ssl=`
 * query parameter becomes libpq's `sslmode=`.
 */
export function libpqTarget(databaseUrl: string): { uri: string; password: string } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  const ssl = url.searchParams.get("ssl");
  if (ssl !== null) {
    url.searchParams.delete("ssl");
    if (!url.searchParams.has("sslmode")) url.searchParams.set("sslmode", ssl === "false" || ssl === "disable" ? "disable" : "require");
  }
  return { uri: url.toString(), password };
}

/** The URL with its password hidden, for the report. */
export function describeDatabase(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/** Runs a PostgreSQL program; rejects with its exit code and the last lines it printed. */
export function runPgProgram(program: string, args: string[], password: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: "10" }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(program)} exited with ${code}:\n${stderr.trim()}`));
    });
  });
}
