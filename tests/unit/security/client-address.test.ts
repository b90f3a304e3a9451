import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { compileTrust, isLoopback, resolveClientAddress } from "@/lib/security/trusted-proxies";

/** A request as Node's HTTP server gives it: the socket's address and the headers sent. */
function request(socketAddress: string, forwardedFor?: string): IncomingMessage {
  const socket = { remoteAddress: socketAddress };
  return { socket, connection: socket, headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } } as unknown as IncomingMessage;
}

describe("who the client is", () => {
  it("with no trusted proxies, is the socket's address whatever X-Forwarded-For says", () => {
    const trust = compileTrust(undefined);
    expect(resolveClientAddress(request("203.0.113.9", "198.51.100.1"), trust)).toBe("203.0.113.9");
    expect(resolveClientAddress(request("::ffff:203.0.113.9", "1.2.3.4, 5.6.7.8"), trust)).toBe("203.0.113.9");
  });

  it("a rotating X-Forwarded-For from one client always gives the same address", () => {
    const trust = compileTrust(undefined);
    const seen = new Set(Array.from({ length: 50 }, (_, i) => resolveClientAddress(request("203.0.113.9", `10.0.0.${i}`), trust)));
    expect([...seen]).toEqual(["203.0.113.9"]);
  });

  it("behind one trusted proxy by address, takes the right-most hop the proxy added, not the client's left-most claim", () => {
    const trust = compileTrust("10.0.0.5");
    // The client wrote "1.1.1.1"; the proxy at 10.0.0.5 appended the address it saw.
    expect(resolveClientAddress(request("10.0.0.5", "1.1.1.1, 198.51.100.7"), trust)).toBe("198.51.100.7");
    // A request straight to the portal (not through the proxy) is not believed at all.
    expect(resolveClientAddress(request("198.51.100.8", "1.1.1.1"), trust)).toBe("198.51.100.8");
  });

  it("with a hop count, skips exactly that many proxies from the right", () => {
    const trust = compileTrust("2");
    expect(resolveClientAddress(request("10.0.0.5", "1.1.1.1, 198.51.100.7, 10.0.0.4"), trust)).toBe("198.51.100.7");
  });

  it("takes CIDR ranges and proxy-addr's names", () => {
    const trust = compileTrust("loopback, 10.0.0.0/8");
    expect(resolveClientAddress(request("127.0.0.1", "1.1.1.1, 198.51.100.7, 10.1.2.3"), trust)).toBe("198.51.100.7");
  });

  it("knows loopback addresses", () => {
    for (const address of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"]) expect(isLoopback(address)).toBe(true);
    for (const address of ["10.0.0.1", "198.51.100.7", "::ffff:10.0.0.1", "", null, "localhost.evil.example"]) expect(isLoopback(address)).toBe(false);
  });
});
