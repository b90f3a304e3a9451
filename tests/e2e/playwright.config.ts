import { execFileSync } from "node:child_process";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS } from "../../lib/pdf/resolve-chromium";

const root = path.resolve(__dirname, "../..");
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

// The same headless Chromium the portal renders PDFs with: no `playwright install` needed.
// Resolved once in the main process; workers inherit it through the environment.
process.env.E2E_CHROMIUM_PATH ??= execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/chromium-path.ts"], {
  cwd: root,
  encoding: "utf8",
}).trim();

export default defineConfig({
  testDir: ".",
  // Per port, so a second run beside the first keeps its own traces.
  outputDir: `../.reports/playwright-output${process.env.E2E_PORT ? `-${port}` : ""}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: path.join(root, "tests/.reports/playwright.json") }]],
  timeout: 60_000,
  // A busy 2-core CI machine can take more than the default 5 s to answer a sign-in (argon2).
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.E2E_CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "no-javascript", use: { ...devices["Desktop Chrome"], channel: undefined, javaScriptEnabled: false }, grep: /@core/ },
    { name: "phone", use: { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true }, grep: /@core/ },
  ],
  // The real launcher, as `npm start` runs it: embedded services, production build.
  webServer: {
    command: "node --import tsx lib/runtime/cli.ts start",
    cwd: root,
    url: `${baseURL}/api/health`,
    timeout: 400_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGINT", timeout: 20_000 },
    env: { PORT: String(port), DATA_DIR: `.data/e2e-${port}`, PORTAL_QUIET_LOGS: "1", NODE_ENV: "production", PORTAL_TEST_CLOCK: "1",
      // Every test signs in from 127.0.0.1; the per-IP limit itself is covered by integration tests.
      COUNCIL_SIGN_IN_ATTEMPTS_PER_IP: "100000",
      // The demo accounts sign in many times an hour across the suite; code limits have their own integration tests.
      COUNCIL_CODES_PER_ACCOUNT_PER_HOUR: "1000",
      COUNCIL_CODES_PER_IP_PER_HOUR: "100000",
      // Webhook retries in seconds, not a day: a push to an unreachable endpoint fails in a few seconds (delivery-admin.spec.ts).
      DELIVERY_RETRY_BASE_SECONDS: "1",
      DELIVERY_RETRY_WINDOW_SECONDS: "1",
      DELIVERY_POLL_SECONDS: "1",
    },
  },
});
