/**
 * Starts the cluster (support/cluster.ts) before the cluster tests and returns the teardown that
 * stops all of it. The tests find it through the environment (CLUSTER_INFO), which Playwright
 * passes from here to its workers.
 */
import type { FullConfig } from "@playwright/test";
import { clusterEnv, startCluster } from "./support/cluster";

export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const started = Date.now();
  // nginx's port is the one in the tests' baseURL (CLUSTER_PORT).
  const cluster = await startCluster(Number(new URL(String(config.projects[0]!.use.baseURL)).port));
  Object.assign(process.env, clusterEnv(cluster.info));
  process.stdout.write(`cluster: ready at ${cluster.info.appUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return async () => {
    const stopping = Date.now();
    await cluster.stop();
    process.stdout.write(`cluster: stopped in ${((Date.now() - stopping) / 1000).toFixed(1)} s, no process left\n`);
  };
}
