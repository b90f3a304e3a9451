import { describe, expect, it } from "vitest";
import { safeReturnTo } from "@/app/_auth/return-to";

const APP_URL = "https://portal.council.gov.uk";
const DEFAULT = "/account";
const back = (value: unknown) => safeReturnTo(value, DEFAULT, APP_URL);

describe("safeReturnTo", () => {
  it.each([
    ["/drafts/0d5c3a4e-8b7a-4b53-9a1e-2f4e6c1b7a90/section/child-details"],
    ["/submitted?tab=responses"],
    ["/send/abc#messages"],
    ["/forms/multi-agency-referral/continue"],
  ])("keeps our own path %s", (value) => {
    expect(back(value)).toBe(value);
  });

  it.each([
    ["scheme-relative", "//evil.example/x"],
    ["scheme-relative with three slashes", "///evil.example"],
    ["backslash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["backslash later", "/account\\..\\evil"],
    ["encoded backslash", "/%5Cevil.example"],
    ["encoded backslash, lower case", "/%5cevil.example"],
    ["encoded slash", "/%2Fevil.example"],
    ["encoded slash later", "/drafts/%2f%2fevil.example"],
    ["tab between slashes", "/\t/evil.example"],
    ["newline between slashes", "/\n/evil.example"],
    ["carriage return", "/\r/evil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["encoded newline", "/%0a/evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["javascript: behind a slash", "/javascript:alert(1)/../../javascript:alert(1)"],
    ["absolute https URL", "https://evil.example/account"],
    ["absolute URL of our own host on another scheme", "http://portal.council.gov.uk/account"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["dot segments", "/account/../../evil"],
    ["encoded dot segments", "/account/%2e%2e/%2e%2e/admin"],
    ["single dot segment", "/./account"],
    ["scheme with one slash", "https:/evil.example"],
    ["space between slashes", "/ /evil.example"],
    ["no leading slash", "evil.example"],
    ["empty", ""],
    ["null byte", "/account\u0000"],
    ["a C1 control", "/account\u0085"],
    ["the sign-in page itself", "/account/sign-in?returnTo=//evil.example"],
    ["an API route", "/api/auth/signout"],
    ["very long", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_name, value) => {
    expect(back(value)).toBe(DEFAULT);
  });

  it.each([[undefined], [null], [42], [["/account"]], [{ toString: () => "/account" }]])("refuses a non-string %s", (value) => {
    expect(back(value)).toBe(DEFAULT);
  });

  it("every value it keeps resolves on our origin", () => {
    for (const value of ["/x", "/x?y=//evil.example", "/x#//evil.example"]) {
      const kept = back(value);
      expect(new URL(kept, APP_URL).origin).toBe(APP_URL);
    }
  });
});
