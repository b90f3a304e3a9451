/**
 * The launcher behind `npm start` and `npm run dev`: validates settings, starts what is
 * embedded, migrates and seeds the database, runs the job worker, builds if needed, serves
 * the app, prints one block of URLs and logins, and on Ctrl-C stops everything it started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import exitHook from "async-exit-hook";
import { deploymentProblems, isProductionMode, readLaunchSettings, webProcessCount, ConfigError, type LaunchSettings } from "@/lib/config/env";
import { readCouncilSettings, type CouncilSettings } from "@/lib/config/council";
import { applyMigrations } from "@/db/migrate";
import { createDb } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { ensureCouncil } from "@/db/ensure-council";
import { getStorage } from "@/lib/storage";
import { startWorker, workerOptionsFor, type RunningWorker } from "@/lib/jobs/worker";
import { startServices, type StartedServices } from "./services";
import { ensureBuild } from "./build";
import { waitForAnswer } from "./wait-for-answer";
import { startupBanner } from "./startup-banner";

export type PortalMode = "start" | "dev";

function readSettingsOrExit(): { settings: LaunchSettings; council: CouncilSettings } {
  let isProduction = false;
  try {
    const settings = readLaunchSettings();
    isProduction = isProductionMode(settings);
    const problems = deploymentProblems(settings);
    if (problems.length > 0) throw new ConfigError(problems);
    return { settings, council: readCouncilSettings() };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const mode = isProduction
      ? "Production mode (PORTAL_ENV=production, or DATABASE_URL, S3_ENDPOINT or SMTP_URL set) needs every external setting and starts nothing embedded.\n"
      : "";
    process.stderr.write(`The portal cannot start.\n${mode}${error.message}\nSee .env.example for every setting.\n`);
    process.exit(1);
  }
}

export async function runPortal(mode: PortalMode): Promise<void> {
  const { settings, council } = readSettingsOrExit();
  const services = await startServices(settings);
  const running: { server?: ChildProcess; worker?: RunningWorker } = {};
  let isStopping = false;

  // Each step is bounded, so stopping takes at most about 10 s even with a dependency already
  // down: the web server (5 s for requests in flight, then killed; with WEB_CONCURRENCY above 1
  // its primary passes the signal on to each web process and exits when they have), the worker (its job in hand,
  // 2 s), then the embedded services together, the database among them (3 s: a database already
  // gone never answers its stop).
  const stopAll = async () => {
    isStopping = true;
    const { server } = running;
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      if (!(await within(exited, 5_500))) server.kill("SIGKILL");
    }
    await within(running.worker?.stop(1_500).catch(() => undefined), 2_000);
    await within(services.stop(), 3_000);
  };
  // Ctrl-C or SIGTERM: the web server first, then the worker, then the embedded services.
  exitHook((done: () => void) => void stopAll().finally(done));

  try {
    const isDemo = await prepareDatabase(settings, council, services);
    if (settings.PORTAL_WORKER === "on") running.worker = await startWorker(workerOptionsFor(settings, council, services.env));
    running.server = serveApp(mode, settings, services);
    running.server.once("exit", (code) => {
      if (isStopping) return;
      process.stderr.write(`The web server stopped (exit ${code}); stopping the portal.\n`);
      process.kill(process.pid, "SIGTERM");
    });
    const health = await waitForAnswer(`http://127.0.0.1:${settings.PORT}/api/health`, 180_000);
    process.stdout.write(startupBanner({ appUrl: services.env.APP_URL!, mode, services, isDemo, health, hasWorker: settings.PORTAL_WORKER === "on", webProcesses: webProcessCount(settings, mode), host: settings.HOST, port: settings.PORT, dataDir: settings.DATA_DIR }));
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Whether the promise settled within `ms` (it is not cancelled either way). */
async function within(promise: Promise<unknown> | undefined, ms: number): Promise<boolean> {
  if (!promise) return true;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function prepareDatabase(settings: LaunchSettings, council: CouncilSettings, services: StartedServices): Promise<boolean> {
  Object.assign(process.env, services.env);
  await applyMigrations(services.env.DATABASE_URL!);
  // Demo accounts only where nobody's real data lives, unless asked for explicitly.
  const isDemo = settings.SEED_DEMO_DATA ?? services.embedded.database;
  const { db, close } = createDb(services.env.DATABASE_URL!, { max: 1 });
  try {
    if (isDemo) await seedDemoData(db, council.name, new Date(), { secret: services.env.AUTH_SECRET!, council, storage: getStorage() });
    // After the demo seed, which makes the demo council: production's first start makes the council's row.
    await ensureCouncil(db, council.name);
  } finally {
    await close();
  }
  return isDemo;
}

function serveApp(mode: PortalMode, settings: LaunchSettings, services: StartedServices): ChildProcess {
  const env = { ...process.env, ...services.env, HOST: settings.HOST, NEXT_TELEMETRY_DISABLED: "1" };
  if (mode === "start") ensureBuild(env);
  // Our own server around Next (client address, cross-site refusal, dev pages), started as
  // `node …` so the PID held here is the server's own.
  return spawn(process.execPath, ["--import", "tsx", path.join(process.cwd(), "lib/runtime/web-server.ts"), mode], {
    env: { ...env, PORT: String(settings.PORT), NODE_ENV: mode === "dev" ? "development" : "production" },
    stdio: ["ignore", "inherit", "inherit"],
  });
}
