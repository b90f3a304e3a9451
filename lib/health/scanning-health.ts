/**
 * Malware scanning in /api/health: "off" (no CLAMAV_URL: development on a machine without clamd;
 * files are stored unscanned), "on" with the signature database's date and age from clamd's
 * VERSION answer (null when clamd runs on the portal's own small database only), or "down" (clamd
 * does not answer: every upload is refused until it does, so the portal counts as down).
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { clamdVersion } from "@/lib/scanning/clamd";
import type { Scanner } from "@/lib/scanning/scanner";
import type { HealthReport } from "./check-health";

export type ScanningHealth =
  | { state: "off"; note: string }
  | { state: "on"; engine: string; signaturesDate: string | null; signaturesAgeDays: number | null }
  | { state: "down" };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The newest signature file's time in a database folder we know (the embedded clamd's), or null. */
function newestSignatures(databaseDir: string | undefined): Date | null {
  if (!databaseDir) return null;
  try {
    const times = readdirSync(databaseDir)
      .filter((name) => /\.(hdb|hsb|ndb|cvd|cld|cud)$/.test(name))
      .map((name) => statSync(path.join(databaseDir, name)).mtime.getTime());
    return times.length > 0 ? new Date(Math.max(...times)) : null;
  } catch {
    return null;
  }
}

/** `databaseDir`: the embedded clamd's signature folder, for the age when clamd's VERSION gives no date (no official databases). */
export async function checkScanning(scanner: Scanner, now: Date, timeoutMs = 5_000, databaseDir?: string): Promise<ScanningHealth> {
  if (!scanner.enabled) return { state: "off", note: "No virus scanner: files are stored unscanned (development only). Set CLAMAV_URL or install clamd." };
  try {
    const version = await clamdVersion(scanner.address, timeoutMs);
    const date = version.databaseDate ?? newestSignatures(databaseDir);
    return {
      state: "on",
      engine: version.engine,
      signaturesDate: date ? date.toISOString() : null,
      signaturesAgeDays: date ? Math.max(0, Math.floor((now.getTime() - date.getTime()) / DAY_MS)) : null,
    };
  } catch {
    return { state: "down" };
  }
}

export type PortalHealth = Omit<HealthReport, "down"> & { down: string[]; scanning: ScanningHealth };

/** The parts' report with scanning added: a scanner that is down makes the portal down. */
export function withScanning(report: HealthReport, scanning: ScanningHealth): PortalHealth {
  const down: string[] = scanning.state === "down" ? [...report.down, "scanning"] : report.down;
  return { ...report, status: down.length === 0 ? "ok" : "down", down, scanning };
}
