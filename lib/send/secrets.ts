/**
 * The invitation's two secrets. The identity code is read aloud over the phone, so it uses only
 * characters nobody confuses (no 0/O, 1/I/L, 2/Z, 5/S, 8/B); it is typed back with or without
 * spaces, dashes or capitals. The link token is 32 random bytes. Both are stored only as keyed
 * hashes (HMAC with the app secret), so a leaked table gives nothing to try.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

const CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const IDENTITY_CODE_LENGTH = 8;

export function newIdentityCode(): string {
  const chars = Array.from({ length: IDENTITY_CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
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
