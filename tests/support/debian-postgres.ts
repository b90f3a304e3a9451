/**
 * A PostgreSQL server from Debian's packages (`/usr/lib/postgresql/<major>/bin`), started in a
 * folder of the test's own on a free port. The backup check's test needs a server that the
 * machine's pg_dump can dump: Debian 12 has no pg_dump for the embedded PostgreSQL 18, so the
 * source is a Debian server of pg_dump's own major version (`.ci/run` installs it).
 */
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { findFreePort } from "@/lib/runtime/free-port";

export type DebianPostgres = { url: string; stop: () => Promise<void> };

export async function startDebianPostgres(folder: string, major: number): Promise<DebianPostgres> {
  const bin = `/usr/lib/postgresql/${major}/bin`;
  if (!existsSync(path.join(bin, "initdb"))) throw new Error(`PostgreSQL ${major}'s server is not installed (${bin}): apt-get install postgresql-${major}, as .ci/run does`);
  const dataDir = path.join(folder, "data");
  mkdirSync(folder, { recursive: true });
  // PostgreSQL refuses to run as root: as root, the server runs as Debian's "postgres" user.
  const isRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) =>
    execFileSync(isRoot ? "runuser" : path.join(bin, program), isRoot ? ["-u", "postgres", "--", path.join(bin, program), ...args] : args, { stdio: "pipe" });
  if (isRoot) {
    chmodSync(path.dirname(folder), 0o755);
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    chownSync(folder, uid, Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })));
  }
  run("initdb", ["-D", dataDir, "-U", "portal", "--auth=trust", "--no-sync"]);
  const port = await findFreePort();
  run("pg_ctl", ["-D", dataDir, "-o", `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1`, "-l", path.join(folder, "log"), "-w", "start"]);
  const admin = postgres({ host: "127.0.0.1", port, user: "portal", database: "postgres", max: 1, onnotice: () => {} });
  await admin.unsafe("create database portal").finally(() => admin.end());
  return {
    url: `postgres://portal@127.0.0.1:${port}/portal`,
    stop: async () => {
      run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
    },
  };
}
