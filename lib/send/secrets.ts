/**
 * The invitation's two secrets. The identity code is read aloud over the phone, so it uses only
 * characters nobody confuses (lib/security/read-aloud.ts); it is typed back with or without
 * spaces, dashes or capitals. The link token is 32 random bytes. Both are stored only as keyed
 * hashes (HMAC with the app secret), so a leaked table gives nothing to try.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { randomReadAloud } from "@/lib/security/read-aloud";

export const IDENTITY_CODE_LENGTH = 8;

export function newIdentityCode(): string {
  const chars = randomReadAloud(IDENTITY_CODE_LENGTH);
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function normaliseIdentityCode(typed: string): string {
  return typed.replace(/[\s-]/g, "").toUpperCase();
}

export function hashIdentityCode(secret: string, invitationId: string, code: string): string {
  return createHmac("sha256", secret).update(`send-identity:${invitationId}:${normaliseIdentityCode(code)}`).digest("base64url");
}

export function identityCodeMatches(secret: string, invitationId: string, typed: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash);
  const actual = Buffer.from(hashIdentityCode(secret, invitationId, typed));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function newLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Looked up by hash, so the hash is keyed by the secret alone; `purpose` keeps one kind of link
 * (a SEND invitation's, a staff invitation's) from ever matching another.
 */
export function hashLinkToken(secret: string, token: string, purpose: "send-link" | "staff-invite" = "send-link"): string {
  return createHmac("sha256", secret).update(`${purpose}:${token}`).digest("base64url");
}
