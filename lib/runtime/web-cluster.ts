/**
 * Several web server processes on one port (WEB_CONCURRENCY > 1), with node:cluster. This is the
 * primary: it serves nothing itself and loads no Next.js. It forks the web processes (each runs
 * web-server.ts's `serve`, listening on PORT; the primary accepts connections and hands them out
 * in turn), and:
 *
 * - replaces a process that dies, after a delay that doubles while replacements keep dying young
 *   (restart-backoff.ts); a process that dies before any has ever listened is a failed start, so
 *   the primary stops the rest and exits 1, as one web server that cannot start does;
 * - on SIGTERM or SIGINT passes SIGTERM to every process (each stops taking connections and
 *   finishes its requests in flight, within web-server.ts's grace) and exits 0 once they have all
 *   exited; any still alive a moment after the grace is killed;
 * - gathers the instance's metrics for the process that is scraped (lib/metrics/cluster-metrics.ts),
 *   adding its own, portal_web_processes and portal_web_process_restarts_total, and keeping a dead
 *   process's counts in the totals.
 *
 * Every process holds its own state: its PostgreSQL pool, its kept PDF browser (started on its
 * first PDF), its session-cookie decode cache, its counts. README "Web processes" lists them.
 */
import cluster, { type Worker } from "node:cluster";
import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";
import { logEvent } from "@/lib/log";
import { instanceMetricsGatherer } from "@/lib/metrics/cluster-metrics";
import { nextRestartDelay } from "./restart-backoff";

type Slot = { index: number; startedAt: number };

export function runWebCluster(options: { processes: number; graceMs: number }): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "portal_" });
  const processesGauge = new Gauge({ name: "portal_web_processes", help: "Web server processes of this instance listening now (WEB_CONCURRENCY asks for how many).", registers: [registry] });
  const restarts = new Counter({ name: "portal_web_process_restarts_total", help: "Web server processes started again after one died.", registers: [registry] });

  const slots = new Map<Worker, Slot>();
  const listening = new Set<Worker>();
  const lastDelays = new Map<number, number>();
  let hasListened = false;
  let isStopping = false;
  let stopCode = 0;
  const metrics = instanceMetricsGatherer(registry, () => [...listening]);

  const fork = (index: number) => slots.set(cluster.fork(), { index, startedAt: Date.now() });
  const stop = (exitCode: number) => {
    if (isStopping) return;
    isStopping = true;
    stopCode = exitCode;
    for (const worker of slots.keys()) worker.process.kill("SIGTERM");
    if (slots.size === 0) process.exit(exitCode);
    setTimeout(() => {
      for (const worker of slots.keys()) worker.process.kill("SIGKILL");
      process.exit(exitCode);
    }, options.graceMs + 250).unref();
  };

  cluster.on("listening", (worker) => {
    listening.add(worker);
    hasListened = true;
    processesGauge.set(listening.size);
  });
  cluster.on("message", (worker, message: unknown) => {
    metrics.answer(worker, message);
  });
  cluster.on("exit", (worker, code, signal) => {
    const slot = slots.get(worker);
    slots.delete(worker);
    listening.delete(worker);
    processesGauge.set(listening.size);
    metrics.retire(worker);
    if (isStopping) {
      if (slots.size === 0) process.exit(stopCode);
      return;
    }
    if (!hasListened) {
      process.stderr.write(`A web server process stopped before the web server was listening (exit ${code ?? signal}); stopping.\n`);
      stop(1);
      return;
    }
    if (!slot) return;
    const delayMs = nextRestartDelay(lastDelays.get(slot.index), Date.now() - slot.startedAt);
    lastDelays.set(slot.index, delayMs);
    logEvent("web.process-died", { webProcessPid: worker.process.pid ?? 0, exitCode: code ?? -1, signal: signal ?? "", restartInMs: delayMs });
    setTimeout(() => {
      if (isStopping) return;
      restarts.inc();
      fork(slot.index);
    }, delayMs);
  });

  for (let index = 0; index < options.processes; index++) fork(index);
  process.once("SIGTERM", () => stop(0));
  process.once("SIGINT", () => stop(0));
}
