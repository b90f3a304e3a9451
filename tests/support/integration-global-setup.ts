/**
 * Starts the real embedded services once for the integration tests, on a fresh data folder,
 * applies the migrations, and hands the settings to the test files. Stops them afterwards.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { readLaunchSettings } from "@/lib/config/env";
import { startServices } from "@/lib/runtime/services";
import { applyMigrations } from "@/db/migrate";
import { installJobQueue } from "@/lib/jobs/worker";

declare module "vitest" {
  export interface ProvidedContext {
    portalEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  // One folder per run, so two runs (a developer's and a helper's) never share a database.
  const dataDir = path.resolve(`.data/test-integration-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const services = await startServices(readLaunchSettings({ DATA_DIR: dataDir, PORT: "3999" }));
  await applyMigrations(services.env.DATABASE_URL!);
  await installJobQueue(services.env.DATABASE_URL!, { retryLimit: 20, retryDelaySeconds: 1 });
  project.provide("portalEnv", { ...services.env, DATA_DIR: dataDir, PORTAL_QUIET_LOGS: "1" });
  return async () => {
    await services.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
