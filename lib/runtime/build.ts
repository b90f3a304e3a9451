/**
 * Builds the app when the last build was not made from the current sources. The stamp is a
 * hash of every source file's path and content, so a checkout or an edit triggers a build and
 * a restart with nothing changed does not.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

/** What the build stamp hashes: a build is current only while these are unchanged. */
export const SOURCE_DIRS = ["app", "components", "lib", "db", "emails", "public"];
export const SOURCE_FILES = ["next.config.ts", "proxy.ts", "instrumentation.ts", "tsconfig.json", "postcss.config.mjs", "package-lock.json"];
/** Where Next builds to: `.next`, or `PORTAL_DIST_DIR` (so two checkouts' test runs can build side by side). */
export const distDir = () => process.env.PORTAL_DIST_DIR || ".next";
const stampFile = () => path.join(distDir(), "portal-sources.sha256");

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

export function sourceHash(root = process.cwd()): string {
  const hash = createHash("sha256");
  const files = [...SOURCE_DIRS.flatMap((dir) => listFiles(path.join(root, dir))), ...SOURCE_FILES.map((f) => path.join(root, f))]
    .filter((file) => existsSync(file) && statSync(file).isFile())
    .sort();
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

export function isBuildCurrent(root = process.cwd()): boolean {
  const stamp = path.join(root, stampFile());
  return existsSync(path.join(root, distDir(), "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === sourceHash(root);
}

/** Runs `next build` if needed; returns whether it built. Throws when the build fails. */
export function ensureBuild(env: NodeJS.ProcessEnv, root = process.cwd()): boolean {
  if (isBuildCurrent(root)) return false;
  const hash = sourceHash(root);
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  writeFileSync(path.join(root, stampFile()), `${hash}\n`);
  return true;
}
