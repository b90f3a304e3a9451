/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): the sender signs
 * "<webhook-id>.<webhook-timestamp>.<raw body>" with HMAC-SHA256, keyed by the base64-decoded part
 * of the `whsec_…` secret, and sends `webhook-signature: v1,<base64>`. A receiver checks the
 * timestamp is recent (5 minutes either way) and compares in constant time; the header may hold
 * several space-separated signatures (during a secret rotation) and one match is enough.
 *
 * Pure functions: the portal's sender (dispatch.ts) and the reference receiver share them.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SECRET_PREFIX = "whsec_";
/** How far a receiver lets `webhook-timestamp` stray from its own clock, either way. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/** A new signing secret: "whsec_" + 24 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(24).toString("base64")}`;
}

export function isWebhookSecret(value: string): boolean {
  return value.startsWith(SECRET_PREFIX) && /^[A-Za-z0-9+/]+={0,2}$/.test(value.slice(SECRET_PREFIX.length)) && keyOf(value).length >= 16;
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
}

export function signatureOf(secret: string, webhookId: string, timestampSeconds: number, body: string): string {
  return `v1,${createHmac("sha256", keyOf(secret)).update(`${webhookId}.${timestampSeconds}.${body}`).digest("base64")}`;
}

export type SignedHeaders = { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string };

export function signedHeaders(secret: string, webhookId: string, timestampSeconds: number, body: string): SignedHeaders {
  return { "webhook-id": webhookId, "webhook-timestamp": String(timestampSeconds), "webhook-signature": signatureOf(secret, webhookId, timestampSeconds, body) };
}

export type Verification = { status: "verified"; webhookId: string; timestampSeconds: number } | { status: "missing-headers" | "stale-timestamp" | "bad-signature" };

type HeaderValue = string | string[] | undefined | null;
const single = (value: HeaderValue) => (Array.isArray(value) ? value[0] : (value ?? undefined));

/** Checks a request's three headers against its raw body, as the spec's receivers do. */
export function verifyWebhook(secret: string, headers: Record<string, HeaderValue>, body: string, nowSeconds: number): Verification {
  const webhookId = single(headers["webhook-id"]);
  const timestamp = single(headers["webhook-timestamp"]);
  const signatures = single(headers["webhook-signature"]);
  if (!webhookId || !timestamp || !signatures) return { status: "missing-headers" };
  const timestampSeconds = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSeconds - timestampSeconds) > TIMESTAMP_TOLERANCE_SECONDS) return { status: "stale-timestamp" };
  const expected = Buffer.from(signatureOf(secret, webhookId, timestampSeconds, body));
  const isMatch = signatures.split(" ").some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return isMatch ? { status: "verified", webhookId, timestampSeconds } : { status: "bad-signature" };
}
