/**
 * Which headless Chromium to drive: CHROMIUM_PATH when set, else the one @sparticuz/chromium
 * unpacks into the temp folder (no system install needed), else the system's.
 */
import { existsSync } from "node:fs";

export type ResolvedChromium = { path: string; source: "CHROMIUM_PATH" | "@sparticuz/chromium" | "system" };

const SYSTEM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export async function resolveChromium(configuredPath?: string): Promise<ResolvedChromium> {
  if (configuredPath) {
    if (!existsSync(configuredPath)) throw new Error(`CHROMIUM_PATH points at ${configuredPath}, which does not exist`);
    return { path: configuredPath, source: "CHROMIUM_PATH" };
  }
  try {
    const { default: chromium } = await import("@sparticuz/chromium");
    const path = await chromium.executablePath();
    if (path && existsSync(path)) return { path, source: "@sparticuz/chromium" };
  } catch {
    // Not installed or cannot unpack here: fall through to the system's.
  }
  const system = SYSTEM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (system) return { path: system, source: "system" };
  throw new Error("No headless Chromium found: set CHROMIUM_PATH, or install @sparticuz/chromium or the system's chromium");
}

/** Flags for a locked-down headless browser on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--disable-extensions",
  "--no-first-run",
  "--no-zygote",
  "--font-render-hinting=none",
];
