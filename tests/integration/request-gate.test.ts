/**
 * The portal's web server's gate, on a real HTTP server over loopback: the client address a
 * route sees, cross-site writes, and development pages.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { portalRequestGate } from "@/lib/runtime/request-gate";
import { CLIENT_ADDRESS_HEADER } from "@/lib/security/client-address";

let server: Server | undefined;

/** A server whose "app" answers with the client address it was given. */
async function serveWithGate(options: { trustedProxies?: string; hasDevPages?: boolean } = {}): Promise<string> {
  const gate = portalRequestGate({ appUrl: "http://portal.test", trustedProxies: options.trustedProxies, hasDevPages: options.hasDevPages ?? false });
  server = createServer((request, response) => {
    if (!gate(request, response)) return;
    response.end(String(request.headers[CLIENT_ADDRESS_HEADER]));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe("the portal's request gate", () => {
  it("gives the app the socket's address, whatever X-Forwarded-For or our own header a client sends", async () => {
    const base = await serveWithGate();
    for (let i = 0; i < 5; i++) {
      const answer = await fetch(`${base}/account/sign-in`, { headers: { "x-forwarded-for": `198.51.100.${i}`, [CLIENT_ADDRESS_HEADER]: `203.0.113.${i}` } });
      expect(await answer.text()).toBe("127.0.0.1");
    }
  });

  it("believes X-Forwarded-For only through a trusted proxy, from the right", async () => {
    const base = await serveWithGate({ trustedProxies: "loopback" });
    const answer = await fetch(`${base}/`, { headers: { "x-forwarded-for": "1.1.1.1, 198.51.100.7" } });
    expect(await answer.text()).toBe("198.51.100.7");
  });

  it("refuses a cross-site post with a plain 403 page before the app sees it", async () => {
    const base = await serveWithGate();
    for (const headers of [{}, { origin: "null" }, { origin: "https://evil.example" }, { "sec-fetch-site": "cross-site", origin: "http://portal.test" }] as Record<string, string>[]) {
      const answer = await fetch(`${base}/account/sign-in`, { method: "POST", headers, body: "email=a" });
      expect(answer.status).toBe(403);
      expect(answer.headers.get("content-type")).toContain("text/html");
      expect(await answer.text()).toContain("This request was refused");
    }
    const ours = await fetch(`${base}/account/sign-in`, { method: "POST", headers: { origin: "http://portal.test" }, body: "email=a" });
    expect(ours.status).toBe(200);
  });

  it("lets the case system's bearer-key posts to /api/v1 through (no cookies there), and nothing else without an origin", async () => {
    const base = await serveWithGate();
    const api = await fetch(`${base}/api/v1/submissions/CP-AAAA-BBBB/ack`, { method: "POST", headers: { authorization: "Bearer cpk_x", "content-type": "application/json" }, body: "{}" });
    expect(api.status).toBe(200);
    for (const [path, headers] of [
      ["/api/v1/submissions/CP-AAAA-BBBB/ack", {}],
      ["/account/sign-in", { authorization: "Bearer cpk_x" }],
      ["/api/v1-other", { authorization: "Bearer cpk_x" }],
    ] as [string, Record<string, string>][]) {
      expect((await fetch(`${base}${path}`, { method: "POST", headers, body: "{}" })).status, path).toBe(403);
    }
  });

  it("hides development pages unless in embedded development mode", async () => {
    const base = await serveWithGate({ hasDevPages: false });
    expect((await fetch(`${base}/dev/mailbox`)).status).toBe(404);
    expect((await fetch(`${base}/DEV/clock`, { method: "POST", headers: { origin: "http://portal.test" } })).status).toBe(404);
  });

  it("shows development pages to loopback clients only", async () => {
    const direct = await serveWithGate({ hasDevPages: true });
    expect((await fetch(`${direct}/dev/mailbox`)).status).toBe(200);
    await new Promise((resolve) => server?.close(resolve));
    // Through a trusted proxy on this machine, a visitor from elsewhere is not loopback.
    const proxied = await serveWithGate({ hasDevPages: true, trustedProxies: "loopback" });
    expect((await fetch(`${proxied}/dev/mailbox`, { headers: { "x-forwarded-for": "198.51.100.7" } })).status).toBe(404);
    expect((await fetch(`${proxied}/dev/mailbox`)).status).toBe(200);
  });
});
