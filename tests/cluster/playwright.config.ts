/**
 * `npm run test:cluster`: two production portal instances behind nginx (global-setup.ts starts
 * them and every service they use; see support/cluster.ts), and one person's journey across
 * both. CLUSTER_PORT (3300 unless set) is nginx's https port; the instances take the next two.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS } from "../../lib/pdf/resolve-chromium";

const root = path.resolve(__dirname, "../..");
export const clusterPort = Number(process.env.CLUSTER_PORT ?? 3300);

// The same headless Chromium the portal renders PDFs with: no `playwright install` needed.
process.env.E2E_CHROMIUM_PATH ??= execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/chromium-path.ts"], { cwd: root, encoding: "utf8" }).trim();

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  outputDir: "../.reports/playwright-cluster-output",
  globalSetup: "./global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  // Its own report beside the end-to-end one; .ci/run counts both.
  reporter: [["list"], ["json", { outputFile: path.join(root, "tests/.reports/playwright-cluster.json") }]],
  timeout: 300_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `https://localhost:${clusterPort}`,
    // nginx's certificate is made at the start of the run, signed by nobody.
    ignoreHTTPSErrors: true,
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.E2E_CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "cluster", use: { ...devices["Desktop Chrome"], channel: undefined } }],
});
