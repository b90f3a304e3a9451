/**
 * Standard Webhooks signing and the SSRF address rules, as pure functions: the signature matches
 * the specification's published example, verification refuses what a receiver must refuse, and
 * the backoff's window is spent in the attempts it promises.
 */
import { describe, expect, it } from "vitest";
import { delayAfterAttempt, maxAttempts } from "@/lib/delivery/webhooks/backoff";
import { refusalOf } from "@/lib/delivery/webhooks/endpoint-address";
import { endpointUrlProblem } from "@/lib/delivery/webhooks/post";
import { generateWebhookSecret, isWebhookSecret, signatureOf, signedHeaders, verifyWebhook } from "@/lib/delivery/webhooks/signature";

// The example of the Standard Webhooks reference libraries' tests.
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const STAMP = 1614265330;
const BODY = '{"test": 2432232314}';

describe("webhook signatures", () => {
  it("signs as the Standard Webhooks specification's example does", () => {
    expect(signatureOf(SECRET, ID, STAMP, BODY)).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("verifies a good request, one good signature among several, and refuses the rest", () => {
    const headers = signedHeaders(SECRET, ID, STAMP, BODY);
    expect(verifyWebhook(SECRET, headers, BODY, STAMP + 10)).toEqual({ status: "verified", webhookId: ID, timestampSeconds: STAMP });
    expect(verifyWebhook(SECRET, { ...headers, "webhook-signature": `v1,bm90IGl0 ${headers["webhook-signature"]}` }, BODY, STAMP).status).toBe("verified");
    expect(verifyWebhook(SECRET, headers, BODY.replace("2", "3"), STAMP).status).toBe("bad-signature");
    expect(verifyWebhook(SECRET, { ...headers, "webhook-id": "msg_other" }, BODY, STAMP).status).toBe("bad-signature");
    expect(verifyWebhook(generateWebhookSecret(), headers, BODY, STAMP).status).toBe("bad-signature");
    expect(verifyWebhook(SECRET, headers, BODY, STAMP + 301).status).toBe("stale-timestamp");
    expect(verifyWebhook(SECRET, headers, BODY, STAMP - 301).status).toBe("stale-timestamp");
    expect(verifyWebhook(SECRET, { "webhook-id": ID, "webhook-timestamp": String(STAMP) }, BODY, STAMP).status).toBe("missing-headers");
  });

  it("makes whsec_ secrets of 24 random bytes", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(24);
    expect(isWebhookSecret(secret)).toBe(true);
    expect(isWebhookSecret("not-a-secret")).toBe(false);
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});

describe("where a webhook may go", () => {
  const strict = { allowLocal: false };
  const dev = { allowLocal: true };

  it("refuses link-local and metadata addresses always, loopback unless local endpoints are allowed", () => {
    for (const address of ["169.254.169.254", "169.254.1.1", "fe80::1", "fd00:ec2::254", "::ffff:169.254.169.254", "224.0.0.1"]) {
      expect(refusalOf(address, dev), address).toBe("a link-local, metadata or multicast address");
    }
    for (const address of ["127.0.0.1", "127.9.9.9", "::1", "0.0.0.0", "::", "::ffff:127.0.0.1"]) {
      expect(refusalOf(address, strict), address).toBe("a loopback or unspecified address");
      expect(refusalOf(address, dev), address).toBeNull();
    }
    // The council's own network and the internet.
    for (const address of ["10.1.2.3", "172.16.0.9", "192.168.1.20", "fd12:3456::1", "203.0.113.10", "2001:db8::1"]) {
      expect(refusalOf(address, strict), address).toBeNull();
    }
  });

  it("takes https only (http too for local development), and no credentials in the address", () => {
    expect(endpointUrlProblem("https://cases.council.gov.uk/hooks", strict)).toBeNull();
    expect(endpointUrlProblem("http://cases.council.gov.uk/hooks", strict)).toBe("must be an https:// address");
    expect(endpointUrlProblem("http://127.0.0.1:4400/", dev)).toBeNull();
    expect(endpointUrlProblem("ftp://cases.council.gov.uk/", dev)).toBe("must be an https:// address");
    expect(endpointUrlProblem("https://user:pass@cases.council.gov.uk/", strict)).toBe("must not contain a user name or password");
    expect(endpointUrlProblem("https://[::1]/", strict)).toBe("is a loopback or unspecified address");
    expect(endpointUrlProblem("not a url", strict)).toBe("not a URL");
  });
});

describe("retry backoff", () => {
  const policy = { baseDelaySeconds: 30, maxDelaySeconds: 3600, windowSeconds: 86_400 };

  it("doubles from 30 s up to an hour, and keeps trying for at least 24 hours", () => {
    expect([1, 2, 3, 7, 8, 20].map((attempt) => delayAfterAttempt(policy, attempt))).toEqual([30, 60, 120, 1920, 3600, 3600]);
    const tries = maxAttempts(policy);
    let waited = 0;
    for (let attempt = 1; attempt < tries; attempt++) waited += delayAfterAttempt(policy, attempt);
    expect(waited).toBeGreaterThanOrEqual(86_400);
    expect(waited - delayAfterAttempt(policy, tries - 1)).toBeLessThan(86_400);
  });
});
