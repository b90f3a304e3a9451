// This machine's npm registry serves only the Linux builds of packages that ship one binary
// package per platform (@next/swc-darwin-*, @tailwindcss/oxide-win32-*, ...). `npm install`
// then leaves those optional entries out of package-lock.json, and `npm ci` refuses the lock
// ("Missing: … from lock file"). This adds the missing platform entries (version, os, cpu,
// optional), exactly as npm writes them on a machine that can see the whole registry; npm
// skips them on install here because their os/cpu do not match. Run it after changing
// dependencies: `node .ci/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from "node:fs";

const OS = ["darwin", "win32", "linux", "android", "freebsd", "openharmony", "sunos", "aix", "openbsd", "netbsd"];
const CPU = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "mips64el"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  if (parts.includes("wasm32") || parts.includes("wasi")) return { cpu: ["wasm32"] };
  const os = parts.find((part) => OS.includes(part));
  const cpu = parts.find((part) => CPU.includes(part));
  if (!os || !cpu) return undefined;
  const libc = parts.some((p) => p.startsWith("musl")) ? ["musl"] : os === "linux" && parts.some((p) => p.startsWith("gnu")) ? ["glibc"] : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const added = [];
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ""}node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
    const platform = platformOf(name);
    const version = String(spec).replace(/^[\^~=]/, "");
    if (!platform || !/^\d+\.\d+\.\d+/.test(version)) continue;
    lock.packages[`node_modules/${name}`] = { version, ...platform, optional: true };
    added.push(`${name}@${version}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(added.length ? `added ${added.length} platform entries:\n  ${added.join("\n  ")}\n` : "lock file complete\n");
