/**
 * What the portal's web server records about every request (see web-server.ts), before the gate
 * and Next.js see it:
 *
 * - a request id: the incoming X-Request-Id when the request came straight from a trusted proxy
 *   (TRUSTED_PROXIES) and the value is a plain token of at most 128 characters, else a new UUID.
 *   It is sent back as X-Request-Id, passed on to Next in the same request header, and carried
 *   with AsyncLocalStorage so every log line written while the request is handled has it;
 * - its route pattern, passed on to Next in X-Portal-Route (for the server actions' metrics);
 * - its duration, into portal_http_request_duration_seconds by method, route pattern and status;
 * - one log line when it ends: http.request with the method, route pattern (never the raw path,
 *   whose query may hold an email address), status and milliseconds.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logEvent } from "@/lib/log";
import { portalMetrics } from "@/lib/metrics/registry";
import type { RouteMatcher } from "@/lib/metrics/route-pattern";
import { REQUEST_ID_HEADER, ROUTE_PATTERN_HEADER, runInRequest } from "@/lib/request-context";
import { compileTrust, type Trust } from "@/lib/security/trusted-proxies";

const SANE_REQUEST_ID = /^[A-Za-z0-9._:@=+/-]{1,128}$/;
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export function requestIdFor(request: IncomingMessage, trust: Trust): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  const peer = request.socket.remoteAddress;
  if (typeof incoming === "string" && SANE_REQUEST_ID.test(incoming) && peer && trust(peer, 0)) return incoming;
  return randomUUID();
}

export function requestObserver(options: { trustedProxies: string | undefined; routeOf: RouteMatcher }) {
  const trust = compileTrust(options.trustedProxies);
  const { httpRequestDuration } = portalMetrics();
  return (request: IncomingMessage, response: ServerResponse, handle: () => void): void => {
    const requestId = requestIdFor(request, trust);
    const route = options.routeOf((request.url ?? "/").split(/[?#]/)[0] ?? "/");
    request.headers[REQUEST_ID_HEADER] = requestId;
    request.headers[ROUTE_PATTERN_HEADER] = route;
    response.setHeader("X-Request-Id", requestId);
    const started = process.hrtime.bigint();
    response.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const method = METHODS.has(request.method ?? "") ? request.method! : "OTHER";
      const status = response.writableFinished ? String(response.statusCode) : "aborted";
      httpRequestDuration.observe({ method, route, status }, seconds);
      if (!route.startsWith("/_next")) runInRequest({ requestId }, () => logEvent("http.request", { method, route, status, ms: Math.round(seconds * 1000) }));
    });
    runInRequest({ requestId }, handle);
  };
}
