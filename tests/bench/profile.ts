/**
 * `BENCH_PROFILE=<folder> npm run bench`: a CPU profile of the portal's web server over each load
 * at 50 users of the forms part (and of any part that wraps its load in `profiled`), one file per
 * row and process, named after the row. How the profiler is loaded: tests/bench/profile.mjs; how to
 * read a profile: `node --import tsx tests/bench/profile-summary.ts <file>` or Chrome DevTools.
 */
import { mkdirSync, readdirSync, renameSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { webServerPids } from "./server-processes";

const folder = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : null;

/** What the bench portal's environment gains when a profile is asked for (nothing otherwise). */
export function profilerSettings(): Record<string, string> {
  if (!folder) return {};
  mkdirSync(folder, { recursive: true });
  return { NODE_OPTIONS: `--import ${pathToFileURL(path.resolve("tests/bench/profile.mjs")).href}`, BENCH_PROFILE_DIR: folder };
}

/** Runs `work` with the web server profiled when BENCH_PROFILE is set; the files are named `<label>-<n>.cpuprofile`. */
export async function profiled<T>(port: string, label: string, work: () => Promise<T>): Promise<T> {
  if (!folder) return work();
  const pids = webServerPids(port).map(Number);
  const before = new Set(readdirSync(folder));
  for (const pid of pids) process.kill(pid, "SIGUSR2");
  try {
    return await work();
  } finally {
    for (const pid of pids) process.kill(pid, "SIGUSR2");
    const name = label.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
    // Each process writes its file when it stops its profiler: wait for them (a large profile takes a moment).
    for (let tries = 0; tries < 50; tries++) {
      const written = readdirSync(folder).filter((file) => !before.has(file) && /^\d+-\d+\.cpuprofile$/.test(file));
      if (written.length >= pids.length) {
        await sleep(500);
        written.forEach((file, index) => renameSync(path.join(folder, file), path.join(folder, `${name}-${index + 1}.cpuprofile`)));
        break;
      }
      await sleep(200);
    }
  }
}
