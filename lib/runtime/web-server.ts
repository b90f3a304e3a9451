/**
 * The portal's web server: Next.js behind a plain Node HTTP server of ours, so that three
 * decisions are made once, before any route sees a request:
 *
 * - who the client is: the socket's address, or X-Forwarded-For read right to left through
 *   TRUSTED_PROXIES only (proxy-addr), passed on in one header that overwrites anything a
 *   client sent in it (lib/security/client-address.ts);
 * - cross-site writes: a POST (or any other state-changing method) must come from a page of
 *   ours (Sec-Fetch-Site, else Origin), or it gets a plain 403 page before its body is read;
 * - development pages (/dev/*) exist only in embedded development mode, for loopback clients;
 * - each request's id, duration and log line (request-observer.ts).
 *
 * Started by the launcher (lib/runtime/portal.ts) as `node --import tsx lib/runtime/web-server.ts
 * start|dev`, with the full settings in its environment. It listens on HOST (127.0.0.1 unless
 * a deployment opens it up). With WEB_CONCURRENCY above 1 (`start` only) this process becomes the
 * cluster's primary (web-cluster.ts) and forks that many copies of itself, which serve.
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import path from "node:path";
import { readLaunchSettings, webProcessCount } from "@/lib/config/env";
import { answerProcessMetricsRequests } from "@/lib/metrics/cluster-metrics";
import { portalMetrics } from "@/lib/metrics/registry";
import { loadRouteMatcher } from "@/lib/metrics/route-pattern";
import { portalRequestGate } from "./request-gate";
import { requestObserver } from "./request-observer";
import { runWebCluster } from "./web-cluster";

type Mode = "start" | "dev";

async function serve(mode: Mode): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST || "127.0.0.1";
  // Loaded here, not at the top: a cluster's primary serves nothing and needs no Next.js.
  const { default: next } = await import("next");
  // quiet: in production Next would print every request error whole (messages may hold values);
  // instrumentation.ts's onRequestError logs a scrubbed line instead.
  const app = next({ dev: mode === "dev", quiet: mode !== "dev", dir: process.cwd(), hostname: host === "0.0.0.0" || host === "::" ? "localhost" : host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const gate = portalRequestGate({
    appUrl: process.env.APP_URL ?? `http://localhost:${port}`,
    trustedProxies: process.env.TRUSTED_PROXIES,
    // The mailbox needs the embedded mail server; the clock needs the test setting.
    hasDevPages: Boolean(process.env.DEV_MAILBOX_DIR) || process.env.PORTAL_TEST_CLOCK === "1",
  });
  const observe = requestObserver({ trustedProxies: process.env.TRUSTED_PROXIES, routeOf: loadRouteMatcher(path.resolve(process.env.PORTAL_DIST_DIR || ".next")) });
  const server = createServer((request, response) => {
    observe(request, response, () => {
      if (gate(request, response)) void handle(request, response);
    });
  });
  // In a cluster, the primary gathers every process's counts for /api/metrics.
  answerProcessMetricsRequests(portalMetrics().registry);
  server.listen(port, host);
  // Stop taking new requests, let those in flight finish (at most 5 s), then exit. Once: a
  // process of a cluster may get both the terminal's SIGINT and its primary's SIGTERM.
  let isStopping = false;
  const stop = () => {
    if (isStopping) return;
    isStopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), IN_FLIGHT_GRACE_MS).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

/** How long requests in flight may take to finish once the server is asked to stop. */
const IN_FLIGHT_GRACE_MS = 5_000;

async function main(mode: Mode): Promise<void> {
  if (cluster.isWorker) return serve(mode);
  const processes = webProcessCount(readLaunchSettings({ WEB_CONCURRENCY: process.env.WEB_CONCURRENCY }), mode);
  if (processes === 1) return serve(mode);
  runWebCluster({ processes, graceMs: IN_FLIGHT_GRACE_MS });
}

if (process.argv[1]?.endsWith("web-server.ts")) {
  main(process.argv[2] === "dev" ? "dev" : "start").catch((error: unknown) => {
    // Start-up holds no personal data yet: the whole error helps whoever runs the portal.
    process.stderr.write(`The web server could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
