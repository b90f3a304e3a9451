import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { endAllSessions, endSession, startSession, type SessionLimits } from "@/lib/auth/sessions";
import { resumeSessionFromCookie, sessionCookieName, sessionCookieReader } from "@/lib/auth/session-cookie";
import { db, ensureCouncil, registeredAccount } from "@/tests/support/auth-fixture";

const LIMITS: SessionLimits = { idleMinutes: 30, maxHours: 12 };
const SECRET = process.env.AUTH_SECRET!;
const NAME = sessionCookieName(false);
const cookieFor = (sessionId: string) => encode({ token: { sub: sessionId, sid: sessionId }, secret: SECRET, salt: NAME, maxAge: LIMITS.maxHours * 3600 });

beforeAll(ensureCouncil);

describe("the session user from the session cookie", () => {
  it("gives the cookie's user while the row is live, and nobody from the next request after the row ends, kept decode or not", async () => {
    const { userId } = await registeredAccount(new Date());
    const sessionId = await startSession(db, userId, new Date());
    const cookie = await cookieFor(sessionId);
    const reader = sessionCookieReader(SECRET, NAME);

    expect(await resumeSessionFromCookie(db, reader, cookie, LIMITS, new Date())).toMatchObject({ sessionId, userId, forename: "Robin" });
    expect(reader.size()).toBe(1);

    await endSession(db, sessionId, "logout", new Date());
    expect(await resumeSessionFromCookie(db, reader, cookie, LIMITS, new Date())).toBeNull();
    // The decode is still kept: it is the row that said no.
    expect(reader.size()).toBe(1);
    expect(await reader.sessionIdOf(cookie)).toBe(sessionId);
  });

  it("gives nobody once a password change ends every session, and nobody for a session idle too long", async () => {
    const { userId } = await registeredAccount(new Date());
    const reader = sessionCookieReader(SECRET, NAME);
    const first = await cookieFor(await startSession(db, userId, new Date()));
    const idle = await cookieFor(await startSession(db, userId, new Date(Date.now() - 31 * 60_000)));

    expect(await resumeSessionFromCookie(db, reader, first, LIMITS, new Date())).toMatchObject({ userId });
    expect(await resumeSessionFromCookie(db, reader, idle, LIMITS, new Date())).toBeNull();
    await endAllSessions(db, userId, "password-changed", new Date());
    expect(await resumeSessionFromCookie(db, reader, first, LIMITS, new Date())).toBeNull();
  });

  it("gives nobody for a cookie signed with another secret, even one naming a live row", async () => {
    const { userId } = await registeredAccount(new Date());
    const sessionId = await startSession(db, userId, new Date());
    const foreign = await encode({ token: { sub: sessionId, sid: sessionId }, secret: "another-secret-of-more-than-thirty-two-chars", salt: NAME });
    expect(await resumeSessionFromCookie(db, sessionCookieReader(SECRET, NAME), foreign, LIMITS, new Date())).toBeNull();
  });
});
