import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionCookieName, sessionCookieReader } from "@/lib/auth/session-cookie";

const SECRET = "a-test-secret-of-more-than-thirty-two-characters";
const NAME = sessionCookieName(false);

/** A cookie as next-auth writes it at sign-in: its jwt callback's `sid`, salted with the cookie's name. */
const cookieFor = (sessionId: string, { secret = SECRET, salt = NAME, maxAge = 12 * 60 * 60 } = {}) =>
  encode({ token: { sub: sessionId, sid: sessionId }, secret, salt, maxAge });

/** The same string with one character of its ciphertext changed. */
function tampered(cookie: string): string {
  const parts = cookie.split(".");
  const body = parts[3]!;
  parts[3] = `${body[0] === "A" ? "B" : "A"}${body.slice(1)}`;
  return parts.join(".");
}

describe("reading the session cookie", () => {
  it("gives the session row a cookie names, and the same again once its decode is kept", async () => {
    const reader = sessionCookieReader(SECRET, NAME);
    const cookie = await cookieFor("3f0c0a52-0d3b-4f45-8a52-3d1f4c1e9a01");
    expect(await reader.sessionIdOf(cookie)).toBe("3f0c0a52-0d3b-4f45-8a52-3d1f4c1e9a01");
    expect(await reader.sessionIdOf(cookie)).toBe("3f0c0a52-0d3b-4f45-8a52-3d1f4c1e9a01");
    expect(reader.size()).toBe(1);
  });

  it("gives no session for a missing, tampered, foreign-secret, other-name or expired cookie, and keeps none of them", async () => {
    const reader = sessionCookieReader(SECRET, NAME);
    const good = await cookieFor("session-1");
    expect(await reader.sessionIdOf(undefined)).toBeNull();
    expect(await reader.sessionIdOf("")).toBeNull();
    expect(await reader.sessionIdOf("not-a-jwt")).toBeNull();
    expect(await reader.sessionIdOf(tampered(good))).toBeNull();
    expect(await reader.sessionIdOf(await cookieFor("session-1", { secret: "another-secret-of-more-than-thirty-two-chars" }))).toBeNull();
    // A `__Secure-` cookie is salted with that name: it does not pass as the plain one.
    expect(await reader.sessionIdOf(await cookieFor("session-1", { salt: sessionCookieName(true) }))).toBeNull();
    // Past its exp (and next-auth's 15 s of clock tolerance).
    expect(await reader.sessionIdOf(await cookieFor("session-1", { maxAge: -60 }))).toBeNull();
    // A token that is ours but names no session row.
    expect(await reader.sessionIdOf(await encode({ token: { sub: "x" }, secret: SECRET, salt: NAME }))).toBeNull();
    expect(reader.size()).toBe(0);
  });

  it("honours exp on a kept decode too", async () => {
    const reader = sessionCookieReader(SECRET, NAME);
    const cookie = await cookieFor("session-2", { maxAge: 60 });
    expect(await reader.sessionIdOf(cookie)).toBe("session-2");
    expect(await reader.sessionIdOf(cookie, Date.now() + 61_000)).toBeNull();
  });

  it("keeps no more decoded cookies than its bound, and still reads the ones it dropped", async () => {
    const reader = sessionCookieReader(SECRET, NAME, 3);
    const cookies = await Promise.all(["s1", "s2", "s3", "s4", "s5"].map((id) => cookieFor(id)));
    for (const cookie of cookies) await reader.sessionIdOf(cookie);
    expect(reader.size()).toBe(3);
    expect(await reader.sessionIdOf(cookies[0])).toBe("s1");
    expect(reader.size()).toBe(3);
  });
});
