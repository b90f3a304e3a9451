/**
 * The log lines a test writes: logging switched on (the tests run with PORTAL_QUIET_LOGS=1) and
 * stdout captured instead of printed, for each test of the file that calls it. `lines()` gives
 * what was written so far, one string per write.
 */
import { afterEach, beforeEach, vi } from "vitest";

export function captureLogs(): { lines: () => string[] } {
  let written: string[] = [];
  beforeEach(() => {
    written = [];
    vi.stubEnv("PORTAL_QUIET_LOGS", "");
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });
  return { lines: () => written };
}
