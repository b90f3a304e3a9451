/**
 * /api/metrics through its route handler: off (404) without METRICS_TOKEN, 401 without the
 * token or with a wrong one, and with it the Prometheus text of every metric family, counting
 * what happened in this process (requests by route pattern, a failed sign-in, a stored upload)
 * and what the database holds (the mail outbox, the job queues).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { streamUpload } from "@/lib/attachments/stream-upload";
import { beginSignIn } from "@/lib/auth/sign-in";
import { routeMatcherFor } from "@/lib/metrics/route-pattern";
import { requestObserver } from "@/lib/runtime/request-observer";
import { SCANNING_OFF } from "@/lib/scanning/scanner";
import { getStorage } from "@/lib/storage";
import { depsAt, ensureCouncil, uniqueEmail } from "@/tests/support/auth-fixture";
import { pdf } from "@/tests/support/attachment-files";

const TOKEN = "metrics-token-for-the-integration-test-0123";

/** The route as a fresh start would load it, with METRICS_TOKEN as given (settings are read once per start). */
async function metricsRoute(token: string | undefined) {
  vi.stubEnv("METRICS_TOKEN", token ?? "");
  vi.resetModules();
  return (await import("@/app/api/metrics/route")).GET;
}

const scrape = (get: (request: Request) => Promise<Response>, authorization?: string) =>
  get(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

afterEach(() => vi.unstubAllEnvs());

describe("/api/metrics", () => {
  it("does not exist without METRICS_TOKEN", async () => {
    const get = await metricsRoute(undefined);
    const response = await scrape(get, `Bearer ${TOKEN}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("portal_");
  });

  it("refuses a caller without the token, or with a wrong one, and says nothing else", async () => {
    const get = await metricsRoute(TOKEN);
    for (const authorization of [undefined, `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}`, TOKEN]) {
      const response = await scrape(get, authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await response.text()).not.toContain("portal_");
    }
  });

  it("gives the token's holder every metric family in Prometheus text, counting requests by route pattern, sign-in failures and uploads", async () => {
    await ensureCouncil();
    // A request through the web server's observer.
    const routeOf = routeMatcherFor({ dynamicRoutes: [{ page: "/drafts/[draftId]", regex: "^/drafts/([^/]+?)(?:/)?$" }] });
    const observe = requestObserver({ trustedProxies: undefined, routeOf });
    const server = createServer((request, response) => observe(request, response, () => response.end("ok")));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/drafts/9d2e1c7a-5555-4666-8777-888899990000`);
    server.close();
    // A sign-in with an address nobody registered, and a stored PDF.
    expect((await beginSignIn(depsAt(new Date()), { email: uniqueEmail("nobody"), password: "Wrong-Password-1" })).status).toBe("invalid");
    const file = pdf();
    expect((await streamUpload(getStorage(), { fileName: "letter.pdf", stream: Readable.from([file]), maxBytes: 1_000_000, scanner: SCANNING_OFF })).status).toBe("stored");

    const get = await metricsRoute(TOKEN);
    const response = await scrape(get, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    for (const [family, type] of [
      ["portal_http_request_duration_seconds", "histogram"],
      ["portal_server_action_duration_seconds", "histogram"],
      ["portal_job_queue_depth", "gauge"],
      ["portal_jobs_failed", "gauge"],
      ["portal_mail_outbox_pending", "gauge"],
      ["portal_mail_outbox_oldest_pending_age_seconds", "gauge"],
      ["portal_worker_heartbeat_age_seconds", "gauge"],
      ["portal_pdf_render_duration_seconds", "histogram"],
      ["portal_pdf_render_queue", "gauge"],
      ["portal_upload_size_bytes", "histogram"],
      ["portal_sign_in_failures_total", "counter"],
      ["portal_process_cpu_seconds_total", "counter"],
    ]) {
      expect(text).toContain(`# TYPE ${family} ${type}`);
    }
    expect(text).toMatch(/portal_http_request_duration_seconds_count\{method="GET",route="\/drafts\/\[draftId\]",status="200"\} [1-9]/);
    expect(text).not.toContain("9d2e1c7a");
    expect(text).toMatch(/portal_sign_in_failures_total\{reason="unknown-email"\} [1-9]/);
    expect(text).toMatch(new RegExp(`portal_upload_size_bytes_sum\\{kind="pdf"\\} ${file.length}`));
    expect(text).toMatch(/portal_job_queue_depth\{queue="mail\.deliver"\} \d+/);
    expect(text).toMatch(/portal_mail_outbox_oldest_pending_age_seconds \d/);
  });
});
