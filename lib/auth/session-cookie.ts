import "server-only";
/**
 * The session cookie, read on every request for the price of a map lookup.
 *
 * The cookie is an encrypted JWT that next-auth writes at sign-in (app/_auth/auth.ts) and that
 * names one session row (its `sid`); the row (lib/auth/sessions.ts) decides whether the session
 * is live. Reading it used to go through next-auth's `auth()`, which ran its whole session
 * action on every page and action: derive the key with HKDF, decrypt, make a CSRF token,
 * re-encrypt a fresh cookie. About 13 % of the server's CPU (docs/benchmarks.md). Here the
 * cookie is decrypted with next-auth's own `decode` (same secret, the cookie's name as salt, as
 * next-auth encodes it) the first time it is seen, and its `sid` and `exp` are kept in a small
 * bounded map keyed by the exact cookie value, so later requests with the same cookie skip the
 * crypto. next-auth still writes and clears the cookie (sign-in, sign-out).
 *
 * What keeps this safe:
 * - Only a cookie that decrypts under our secret enters the map (the JWE is authenticated:
 *   A256CBC-HS512), so a tampered, forged or foreign-secret cookie is refused each time and
 *   nobody without the secret can fill the map; failures are not remembered.
 * - `exp` is honoured on every hit, not only when the cookie was first decoded. It is compared
 *   with real time, as next-auth's decode (jose) compares it, not with the test clock.
 * - The map is bounded (least recently used dropped first), so it cannot grow with traffic.
 * - The cache only saves the decryption: the session row is still read on every request
 *   (resumeSessionFromCookie), so logout, idle, the maximum age, a password change or a
 *   disabled account end the session at the next request, cached decode or not.
 * - The cookie's value is never logged.
 *
 * Why the cookie is not re-issued on each request (no rolling expiry): it is set once, at
 * sign-in, right after its row is made, with a lifetime of the council's session maximum, so it
 * always outlives its row, which ends at that maximum from its creation however active the user
 * is; the idle timeout is the row's `lastSeenAt`, moved by requests, not by the cookie. And
 * nothing relied on re-issuing: `auth()` called without a request (how pages and actions called
 * it) re-encrypted the token but dropped the Set-Cookie header of its internal response, so the
 * cookie in the browser never changed after sign-in; only a GET of /api/auth/session (next-auth's
 * client, which the portal does not use) would have rolled it.
 *
 * A cookie too large for one header would be split by next-auth into `name.0`, `name.1`…; ours
 * holds only ids and dates (about 400 bytes), so it is always whole.
 */
import { decode } from "next-auth/jwt";
import type { DbOrTx } from "@/db/client";
import { resumeSession, type SessionLimits, type SessionUser } from "@/lib/auth/sessions";

/** The session cookie's name, as app/_auth/auth.ts gives it to next-auth (`__Secure-` on https). */
export const sessionCookieName = (isHttps: boolean): string => (isHttps ? "__Secure-portal.session" : "portal.session");

/** Decoded cookies kept per process: a county's peak of a few thousand sessions, with room (about 0.5 KB each). */
export const DECODED_COOKIES_KEPT = 10_000;

type DecodedCookie = { sessionId: string; expiresAtMs: number };

export type SessionCookieReader = {
  /** The session row the cookie names, or null (no cookie, tampered, another secret's, expired). */
  sessionIdOf(cookie: string | undefined, nowMs?: number): Promise<string | null>;
  /** How many decoded cookies are kept now. */
  size(): number;
};

export function sessionCookieReader(secret: string, cookieName: string, maxKept = DECODED_COOKIES_KEPT): SessionCookieReader {
  // A Map iterates in insertion order: re-inserting on a hit keeps the least recently used first.
  const kept = new Map<string, DecodedCookie>();

  async function decodeCookie(cookie: string): Promise<DecodedCookie | null> {
    try {
      const payload = await decode({ token: cookie, secret, salt: cookieName });
      if (typeof payload?.sid !== "string" || typeof payload.exp !== "number") return null;
      return { sessionId: payload.sid, expiresAtMs: payload.exp * 1000 };
    } catch {
      // Not ours, altered, or expired: no session. Nothing about the cookie is logged.
      return null;
    }
  }

  return {
    async sessionIdOf(cookie, nowMs = Date.now()) {
      if (!cookie) return null;
      let decoded = kept.get(cookie);
      if (decoded) {
        kept.delete(cookie);
      } else {
        decoded = (await decodeCookie(cookie)) ?? undefined;
        if (!decoded) return null;
      }
      if (decoded.expiresAtMs <= nowMs) return null;
      kept.set(cookie, decoded);
      while (kept.size > maxKept) {
        const oldest = kept.keys().next();
        if (oldest.done) break;
        kept.delete(oldest.value);
      }
      return decoded.sessionId;
    },
    size: () => kept.size,
  };
}

/** The live session's user for this cookie, or null: the cookie decoded (or found kept), then the row checked as always. */
export async function resumeSessionFromCookie(
  db: DbOrTx,
  reader: SessionCookieReader,
  cookie: string | undefined,
  limits: SessionLimits,
  now: Date,
): Promise<SessionUser | null> {
  const sessionId = await reader.sessionIdOf(cookie);
  return sessionId ? resumeSession(db, sessionId, limits, now) : null;
}
