/**
 * `npm run worker`: the job worker alone (mail delivery, housekeeping), for a deployment that
 * runs it in its own process or container beside web instances started with PORTAL_WORKER=off.
 * It needs the same production settings as the web instances and starts nothing embedded (in
 * development `npm start` runs the worker itself). It migrates first (under the advisory lock,
 * so it can start together with the web instances) and stops cleanly on SIGTERM or Ctrl-C,
 * finishing the job in hand (at most 10 s).
 */
import { applyMigrations } from "@/db/migrate";
import { readCouncilSettings } from "@/lib/config/council";
import { ConfigError, deploymentProblems, isProductionMode, readLaunchSettings } from "@/lib/config/env";
import { startWorker, workerOptionsFor } from "@/lib/jobs/worker";
import { startServices } from "./services";

async function main(): Promise<void> {
  let settings;
  try {
    settings = readLaunchSettings();
    if (!isProductionMode(settings)) throw new ConfigError(["npm run worker is for a deployment: set PORTAL_ENV=production and every production setting. In development, npm start runs the worker itself"]);
    const problems = deploymentProblems(settings);
    if (problems.length > 0) throw new ConfigError(problems);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`The job worker cannot start.\n${error.message}\nSee .env.example for every setting.\n`);
    process.exit(1);
  }
  // Production mode: every service is external, so this starts nothing and fills in the defaults.
  const services = await startServices(settings);
  Object.assign(process.env, services.env);
  await applyMigrations(services.env.DATABASE_URL!);
  const worker = await startWorker(workerOptionsFor(settings, readCouncilSettings(), services.env));
  process.stdout.write(`Job worker ${worker.id} running: mail delivery and housekeeping. SIGTERM or Ctrl-C stops it.\n`);
  let isStopping = false;
  const stop = (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    process.stdout.write(`Job worker stopping (${signal}).\n`);
    worker.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(`The job worker could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
