/**
 * The web server's request observer (lib/runtime/request-observer.ts) on a real HTTP server: each
 * request gets an id (a trusted proxy's own, or a new one), sent back in X-Request-Id and carried
 * into every log line logs.lines() while it is handled, and its duration is counted by route pattern.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logEvent } from "@/lib/log";
import { portalMetrics } from "@/lib/metrics/registry";
import { routeMatcherFor } from "@/lib/metrics/route-pattern";
import { requestObserver } from "@/lib/runtime/request-observer";
import { captureLogs } from "@/tests/support/captured-logs";

const routeOf = routeMatcherFor({ dynamicRoutes: [{ page: "/drafts/[draftId]", regex: "^/drafts/([^/]+?)(?:/)?$" }] });

function serverTrusting(trustedProxies: string | undefined): Promise<{ server: Server; base: string }> {
  const observe = requestObserver({ trustedProxies, routeOf });
  const server = createServer((request, response) =>
    observe(request, response, () => {
      logEvent("handler.start", { step: 1 });
      // Work that crosses an await, as a route handler's would.
      setTimeout(() => {
        logEvent("handler.end", { step: 2 });
        // What Next sees: the route pattern of ours, whatever the client sent in that header.
        response.end(String(request.headers["x-portal-route"]));
      }, 5);
    }),
  );
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

const logs = captureLogs();

type Line = { event: string; requestId?: string; route?: string; status?: string };
const logLines = () => logs.lines().flatMap((chunk) => chunk.split("\n").filter(Boolean)).map((line) => JSON.parse(line) as Line);

async function settled(count: number) {
  // The closing line is logs.lines() when the response's socket closes, just after fetch resolves.
  for (let i = 0; i < 100 && logLines().filter((line) => line.event === "http.request").length < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("request ids and durations", () => {
  let direct: { server: Server; base: string };
  let behindProxy: { server: Server; base: string };
  beforeAll(async () => {
    direct = await serverTrusting(undefined);
    behindProxy = await serverTrusting("loopback");
  });
  afterAll(() => {
    direct.server.close();
    behindProxy.server.close();
  });

  it("gives each request a new id, sends it back, and puts it on every log line of that request", async () => {
    const first = await fetch(`${direct.base}/drafts/0b7e6a52-1111-4222-8333-444455556666?email=jo%40example.org`, { headers: { "X-Portal-Route": "/made-up" } });
    expect(await first.text()).toBe("/drafts/[draftId]");
    const second = await fetch(`${direct.base}/drafts/another`);
    await settled(2);
    const [firstId, secondId] = [first.headers.get("x-request-id"), second.headers.get("x-request-id")];
    expect(firstId).toMatch(/^[0-9a-f-]{36}$/);
    expect(secondId).toMatch(/^[0-9a-f-]{36}$/);
    expect(firstId).not.toBe(secondId);
    const lines = logLines();
    expect(lines.filter((line) => line.requestId === firstId).map((line) => line.event)).toEqual(["handler.start", "handler.end", "http.request"]);
    expect(lines.filter((line) => line.requestId === secondId).map((line) => line.event)).toEqual(["handler.start", "handler.end", "http.request"]);
    // The closing line names the route pattern, never the path with its id or query.
    expect(lines.find((line) => line.requestId === firstId && line.event === "http.request")).toMatchObject({ route: "/drafts/[draftId]", status: "200" });
    expect(logs.lines().join("")).not.toContain("0b7e6a52");
    expect(logs.lines().join("")).not.toContain("example.org");
  });

  it("keeps the id a trusted proxy sent, and ignores one from anybody else or one that is not a plain token", async () => {
    const fromProxy = await fetch(`${behindProxy.base}/drafts/x`, { headers: { "X-Request-Id": "lb-7f3a9c" } });
    expect(fromProxy.headers.get("x-request-id")).toBe("lb-7f3a9c");
    const fromClient = await fetch(`${direct.base}/drafts/x`, { headers: { "X-Request-Id": "lb-7f3a9c" } });
    expect(fromClient.headers.get("x-request-id")).not.toBe("lb-7f3a9c");
    const odd = await fetch(`${behindProxy.base}/drafts/x`, { headers: { "X-Request-Id": "has spaces\tand tabs" } });
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    await settled(3);
    expect(logLines().filter((line) => line.requestId === "lb-7f3a9c").map((line) => line.event)).toEqual(["handler.start", "handler.end", "http.request"]);
  });

  it("counts each request's duration by method, route pattern and status", async () => {
    const before = (await portalMetrics().httpRequestDuration.get()).values.filter((value) => value.metricName?.endsWith("_count") && value.labels.route === "/drafts/[draftId]").reduce((sum, value) => sum + value.value, 0);
    await fetch(`${direct.base}/drafts/a1`);
    await fetch(`${direct.base}/drafts/b2`);
    await fetch(`${direct.base}/not/a/route`);
    await settled(3);
    const counts = (await portalMetrics().httpRequestDuration.get()).values.filter((value) => value.metricName?.endsWith("_count"));
    const forDrafts = counts.filter((value) => value.labels.route === "/drafts/[draftId]").reduce((sum, value) => sum + value.value, 0);
    expect(forDrafts - before).toBe(2);
    expect(counts.map((value) => value.labels.route)).toContain("(other)");
    expect(counts.map((value) => value.labels.route)).not.toContain("/drafts/a1");
  });
});
