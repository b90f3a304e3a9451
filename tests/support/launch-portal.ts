/**
 * Runs the real launcher (what `npm start` runs) as a child process, for tests that check
 * start-up, health and shutdown the way a newcomer would see them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { waitFor } from "./wait-for";

export type LaunchedPortal = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

export function launchPortal(env: Record<string, string>): LaunchedPortal {
  let output = "";
  // Only the basics from this process: no settings leak in from the test run.
  const baseEnv = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production" } as const;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "lib/runtime/cli.ts", "start"], {
    env: { ...baseEnv, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code: number | null) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves once the start-up banner is printed; fails early if the launcher exits. */
export async function waitForBanner(portal: LaunchedPortal, timeoutMs: number): Promise<void> {
  let hasExited = false;
  void portal.exited.then(() => (hasExited = true));
  await waitFor(
    () => {
      if (hasExited) throw new Error(`the launcher exited before it was ready:\n${portal.output()}`);
      return portal.output().includes("Ctrl-C stops everything");
    },
    timeoutMs,
    "the start-up banner",
  );
}
