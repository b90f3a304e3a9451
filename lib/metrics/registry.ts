/**
 * The portal's Prometheus metrics, in one registry, served at /api/metrics (see the README's
 * "Health, metrics and logs"). Every family is named here, so the list is in one place:
 *
 * - portal_http_request_duration_seconds{method,route,status}: each request through the portal's
 *   web server, labelled by Next's route pattern (/drafts/[draftId]), never the raw path;
 * - portal_server_action_duration_seconds{action,outcome}: each server action, by its name;
 * - portal_job_queue_depth{queue}, portal_jobs_failed{queue}: pg-boss jobs waiting (created or
 *   retry) and failed, read from the database at scrape time;
 * - portal_mail_outbox_pending, portal_mail_outbox_oldest_pending_age_seconds: the outbox, ditto;
 * - portal_worker_heartbeat_age_seconds: the freshest job worker's heartbeat, ditto;
 * - portal_pdf_render_duration_seconds, portal_pdf_render_queue (renders waiting for a page),
 *   portal_pdf_renders_in_progress, portal_pdf_refused_total{reason};
 * - portal_upload_size_bytes{kind}: each stored upload's size; portal_uploads_total{outcome};
 * - portal_sign_in_failures_total{reason}: wrong password or unknown address, locked, disabled,
 *   throttled, code refused;
 * - prom-client's default process metrics (portal_process_*, portal_nodejs_*).
 *
 * Two registries. `registry` holds what this process counts (requests, actions, PDFs, uploads,
 * sign-ins, prom-client's process metrics); `databaseRegistry` holds the gauges read from shared
 * rows at scrape time, which are the same whichever process reads them.
 *
 * With several web processes (WEB_CONCURRENCY, lib/runtime/web-cluster.ts) a scrape reaches one
 * of them, which reports the instance's totals: it asks the primary (cluster-metrics.ts), which
 * gathers every listening process's `registry` and adds them up (prom-client's
 * AggregatorRegistry.aggregate: sums, except the event loop lag's own min/max/mean and
 * portal_process_start_time_seconds, left out), then appends its own `portal_web_processes` and
 * `portal_web_process_restarts_total`. The database gauges are never summed: the answering
 * process reads them afresh and appends them once. The counters and histograms of a process that
 * died stay in the totals as last gathered, so they never go down. Across instances, each is scraped on its own and Prometheus adds them up;
 * the database-backed gauges read the same shared rows on each, so take max() of those.
 *
 * The registry is kept on globalThis: the web server loads this file through tsx and Next.js
 * bundles its own copy into the routes, and both must count into one registry (prom-client
 * itself is a server-external package, loaded once).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

function createMetrics() {
  const registry = new Registry();
  const databaseRegistry = new Registry();
  const registers = [registry];
  const databaseRegisters = [databaseRegistry];
  collectDefaultMetrics({ register: registry, prefix: "portal_" });
  return {
    registry,
    databaseRegistry,
    httpRequestDuration: new Histogram({
      name: "portal_http_request_duration_seconds",
      help: "Requests through the portal's web server, by method, route pattern and status.",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    serverActionDuration: new Histogram({
      name: "portal_server_action_duration_seconds",
      help: "Server actions, by action name and outcome (ok, invalid, redirect, refused, error).",
      labelNames: ["action", "outcome"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    jobQueueDepth: new Gauge({ name: "portal_job_queue_depth", help: "Jobs waiting to run (created or retry), by queue.", labelNames: ["queue"] as const, registers: databaseRegisters }),
    jobsFailed: new Gauge({ name: "portal_jobs_failed", help: "Jobs that failed for good and are still kept by pg-boss, by queue.", labelNames: ["queue"] as const, registers: databaseRegisters }),
    mailOutboxPending: new Gauge({ name: "portal_mail_outbox_pending", help: "Emails in the outbox not yet sent.", registers: databaseRegisters }),
    mailOutboxOldestAge: new Gauge({ name: "portal_mail_outbox_oldest_pending_age_seconds", help: "Age of the oldest email not yet sent (0 when none).", registers: databaseRegisters }),
    workerHeartbeatAge: new Gauge({ name: "portal_worker_heartbeat_age_seconds", help: "Seconds since the freshest job worker's heartbeat (-1 when none ever beat).", registers: databaseRegisters }),
    pdfRenderDuration: new Histogram({
      name: "portal_pdf_render_duration_seconds",
      help: "Drawing one PDF, once it has a page (waiting excluded).",
      buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30],
      registers,
    }),
    pdfQueue: new Gauge({ name: "portal_pdf_render_queue", help: "PDF renders waiting for a page of the pool.", registers }),
    pdfInProgress: new Gauge({ name: "portal_pdf_renders_in_progress", help: "PDF renders holding a page.", registers }),
    pdfRefused: new Counter({ name: "portal_pdf_refused_total", help: "PDF renders refused as busy, by reason.", labelNames: ["reason"] as const, registers }),
    uploadSize: new Histogram({
      name: "portal_upload_size_bytes",
      help: "Size of each stored upload, by kind.",
      labelNames: ["kind"] as const,
      buckets: [10_000, 100_000, 500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000, 25_000_000],
      registers,
    }),
    uploads: new Counter({ name: "portal_uploads_total", help: "Uploads by outcome (stored, refused, infected, storage-down).", labelNames: ["outcome"] as const, registers }),
    signInFailures: new Counter({ name: "portal_sign_in_failures_total", help: "Failed sign-ins, by reason.", labelNames: ["reason"] as const, registers }),
  };
}

export type PortalMetrics = ReturnType<typeof createMetrics>;

const METRICS_KEY = Symbol.for("childrens-portal.metrics");
const holder = globalThis as typeof globalThis & { [METRICS_KEY]?: PortalMetrics };

export function portalMetrics(): PortalMetrics {
  return (holder[METRICS_KEY] ??= createMetrics());
}

/** Runs `work` and hands `observe` its seconds and outcome: `outcomeOf(result)`, or from the error it threw. */
export async function timed<T>(observe: (seconds: number, outcome: string) => void, work: () => Promise<T>, outcomeOf: (result: T) => string = () => "ok"): Promise<T> {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const result = await work();
    observe(seconds(), outcomeOf(result));
    return result;
  } catch (error) {
    observe(seconds(), errorOutcome(error));
    throw error;
  }
}

/** Next's redirect() and notFound()/forbidden() throw: they are answers, not failures. */
function errorOutcome(error: unknown): string {
  const digest = error && typeof error === "object" && "digest" in error ? String((error as { digest: unknown }).digest) : "";
  if (digest.startsWith("NEXT_REDIRECT")) return "redirect";
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK")) return "refused";
  return "error";
}
