/**
 * Small signed, expiring tokens for the steps between pages of a journey (a sign-in awaiting
 * its code, a registration awaiting its code). HMAC-signed with the app secret, so a browser
 * can carry one but cannot make or alter one.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export type TokenPurpose = "sign-in" | "registration" | "terms" | "reset-password" | "session-ticket" | "pending-form";

export function signToken(secret: string, purpose: TokenPurpose, subject: string, expiresAt: Date): string {
  const payload = Buffer.from(JSON.stringify({ p: purpose, s: subject, e: expiresAt.getTime() })).toString("base64url");
  return `${payload}.${createHmac("sha256", secret).update(payload).digest("base64url")}`;
}

/** The subject, if the token is genuine, for this purpose, and not expired; else null. */
export function readToken(secret: string, purpose: TokenPurpose, token: string | undefined, now: Date): string | null {
  if (!token) return null;
  const [payload, signature] = token.split(".");
  if (!payload || !signature) return null;
  const expected = Buffer.from(createHmac("sha256", secret).update(payload).digest("base64url"));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString()) as { p: string; s: string; e: number };
    return data.p === purpose && data.e > now.getTime() ? data.s : null;
  } catch {
    return null;
  }
}
