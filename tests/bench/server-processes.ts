/**
 * The bench portal's web server processes, read from /proc (Linux only; elsewhere none): the CPU
 * figure (forms.ts, serverCpuReader) sums them with their children, the profiler (profile.ts)
 * signals each of them.
 */
import { readdirSync, readFileSync } from "node:fs";

/** A /proc file's text, or "" when the process has gone (or there is no /proc). */
export function readProcFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** Every process's id. */
export function processIds(): string[] {
  try {
    return readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
}

/** The processes running lib/runtime/web-server.ts for `port`: one, or a cluster's primary and its workers (they share the PORT setting). */
export function webServerPids(port: string): string[] {
  return processIds().filter((pid) => readProcFile(`/proc/${pid}/cmdline`).includes("web-server.ts") && readProcFile(`/proc/${pid}/environ`).split("\0").includes(`PORT=${port}`));
}
