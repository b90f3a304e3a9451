/**
 * The machine's clamd (Debian's clamav-daemon), started for the portal on a free loopback port
 * with a configuration and signature folder of its own under the data folder. Offline machines
 * have no official signatures (freshclam cannot reach the internet), so the folder always holds
 * the portal's own small database, portal.hdb, which detects the EICAR test file; official
 * databases found in /var/lib/clamav (freshclam's) are copied in beside it.
 */
import { spawn } from "node:child_process";
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { clamdVersion } from "@/lib/scanning/clamd";
import { findFreePort } from "./free-port";
import type { RunningService } from "./embedded-postgres";

/** The EICAR test file's MD5 and size: enough for clamd to start and for the tests to see a detection. */
export const PORTAL_SIGNATURES = "44d88612fea8a8f36de82e1278abb02f:68:Test.EICAR-Portal\n";
const OFFICIAL_DATABASES = "/var/lib/clamav";
const START_TIMEOUT_MS = 120_000;

/** clamd on PATH, else where Debian puts it; null when the machine has none. */
export function findClamd(): string | null {
  const candidates = [...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, "clamd")), "/usr/sbin/clamd", "/usr/local/sbin/clamd"];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function prepareDatabaseDir(directory: string): void {
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, "portal.hdb"), PORTAL_SIGNATURES);
  if (!existsSync(OFFICIAL_DATABASES)) return;
  for (const name of readdirSync(OFFICIAL_DATABASES)) {
    if (/\.(cvd|cld)$/.test(name)) copyFileSync(path.join(OFFICIAL_DATABASES, name), path.join(directory, name));
  }
}

/** A clamd left running by a launcher that was killed (not stopped) is stopped first. */
function stopStale(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  if (!pid) return;
  try {
    if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("clamd")) process.kill(pid, "SIGTERM");
  } catch {
    // gone already
  }
}

export async function startEmbeddedClamd(clamdPath: string, dataDir: string): Promise<RunningService> {
  const directory = path.resolve(dataDir);
  // The signatures sit beside clamd.conf and its pid file (clamd reads only database files there).
  const databaseDir = directory;
  prepareDatabaseDir(databaseDir);
  const pidFile = path.join(directory, "clamd.pid");
  stopStale(pidFile);
  const port = await findFreePort();
  const config = path.join(directory, "clamd.conf");
  writeFileSync(
    config,
    [
      "Foreground yes",
      `TCPSocket ${port}`,
      "TCPAddr 127.0.0.1",
      `DatabaseDirectory ${databaseDir}`,
      `PidFile ${pidFile}`,
      // Larger than any upload the council allows; a bigger stream is cut by clamd and refused by us.
      "StreamMaxLength 100M",
      ...(process.getuid?.() === 0 ? ["User root"] : []),
    ].join("\n") + "\n",
  );
  const child = spawn(clamdPath, ["-c", config], { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr.on("data", (data: Buffer) => (errors = (errors + data.toString()).slice(-2000)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await exited;
  };

  const address = { host: "127.0.0.1", port };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`clamd stopped while starting (exit ${child.exitCode}): ${errors.trim()}`);
    try {
      await clamdVersion(address, 2_000);
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`clamd did not answer within ${START_TIMEOUT_MS / 1000} s`);
      }
      // clamd loads its signatures before it listens: poll until it answers.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { url: `tcp://127.0.0.1:${port}`, stop };
}
