import { describe, expect, it } from "vitest";
import { isSameOriginWrite, isStateChanging } from "@/lib/security/same-origin";

const APP_URL = "https://portal.council.gov.uk";
const write = (headers: Record<string, string>) => isSameOriginWrite(new Headers(headers), APP_URL);

describe("cross-site writes", () => {
  it("accepts a post from a page of ours", () => {
    expect(write({ "sec-fetch-site": "same-origin", origin: APP_URL })).toBe(true);
    expect(write({ origin: APP_URL })).toBe(true);
    // Next's own comparison: the host the request was sent to.
    expect(write({ origin: "http://localhost:3100", host: "localhost:3100" })).toBe(true);
  });

  it.each([
    ["no Origin at all", {}],
    ['Origin "null" (a sandboxed frame or a data: page)', { origin: "null" }],
    ["another site", { origin: "https://evil.example" }],
    ["a sibling subdomain", { origin: "https://evil.council.gov.uk" }],
    ["our host on another scheme", { origin: "http://portal.council.gov.uk" }],
    ["the browser says cross-site, whatever Origin claims", { "sec-fetch-site": "cross-site", origin: APP_URL }],
    ["the browser says same-site (another subdomain)", { "sec-fetch-site": "same-site", origin: APP_URL }],
    ["the browser says none (typed in, or a bookmark)", { "sec-fetch-site": "none" }],
    ["an Origin that is not a URL", { origin: "evil" }],
    ["an Origin that only starts like ours", { origin: `${APP_URL}.evil.example` }],
  ])("refuses %s", (_name, headers) => {
    expect(write(headers as Record<string, string>)).toBe(false);
  });

  it("reads Node's plain header objects too", () => {
    expect(isSameOriginWrite({ origin: APP_URL }, APP_URL)).toBe(true);
    expect(isSameOriginWrite({ origin: ["https://evil.example"] }, APP_URL)).toBe(false);
  });

  it("checks every method but GET, HEAD and OPTIONS", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) expect(isStateChanging(method)).toBe(true);
    for (const method of ["GET", "HEAD", "OPTIONS", undefined]) expect(isStateChanging(method)).toBe(false);
  });
});
