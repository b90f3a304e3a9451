/**
 * Malware scanning of uploads (issue 14, point 7), failing closed. A Scanner is either clamd at
 * CLAMAV_URL, or off: off only when no CLAMAV_URL is set (development on a machine without
 * clamd), and then every file is stored marked "unscanned" and the banner and /api/health say so.
 * With a scanner, a file is kept only when clamd says it is clean; infected, unreachable, slow
 * or garbled all refuse it.
 */
import { InstreamScan, parseClamdUrl, type ClamdAddress } from "./clamd";

export type Scanner = { enabled: true; address: ClamdAddress; timeoutMs: number } | { enabled: false };

/** Stored with each file: what the scan found (infected files are never stored). */
export type ScanStatus = "clean" | "unscanned";

export type ScanOutcome = { status: ScanStatus } | { status: "infected"; signature: string } | { status: "unavailable"; reason: string };

export const SCANNING_OFF: Scanner = { enabled: false };

/** How long clamd may keep us waiting at any one step. */
export const DEFAULT_SCAN_TIMEOUT_MS = 30_000;

export function scannerFor(clamavUrl: string | undefined, timeoutMs = DEFAULT_SCAN_TIMEOUT_MS): Scanner {
  return clamavUrl ? { enabled: true, address: parseClamdUrl(clamavUrl), timeoutMs } : SCANNING_OFF;
}

/** One file on its way through the scanner, fed chunk by chunk as it streams to storage. */
export type ScanSession = {
  /** True once the scanner has failed: the upload can stop there. */
  readonly failed: boolean;
  write(chunk: Buffer): Promise<void>;
  finish(): Promise<ScanOutcome>;
  abort(): void;
};

export function startScan(scanner: Scanner): ScanSession {
  if (!scanner.enabled) {
    return { failed: false, write: async () => undefined, finish: async () => ({ status: "unscanned" }), abort: () => undefined };
  }
  return new InstreamScan(scanner.address, scanner.timeoutMs);
}
