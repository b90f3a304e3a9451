import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, sessions, users } from "@/db/schema";
import { beginSignIn, completeSignIn } from "@/lib/auth/sign-in";
import { acceptTerms, resendRegistrationCode, saveRegistrationDetails, setRegistrationCredentials, verifyRegistration } from "@/lib/auth/register";
import { type SessionLimits, resumeSession, endSession } from "@/lib/auth/sessions";
import { hitThrottle } from "@/lib/auth/throttle";
import { council, db, depsAt, emailsTo, ensureCouncil, latestCodeTo, minutesLater, uniqueEmail } from "@/tests/support/auth-fixture";

const PASSWORD = "Correct-Horse-9-Battery";
const details = { forename: "Sam", surname: "Teacher", isProfessional: true, organisation: "Oak School", jobRole: "DSL", street: "1 High Street", postcode: "DY1 1AA" };
const t0 = new Date("2026-11-23T09:00:00Z");
const LIMITS: SessionLimits = { idleMinutes: 30, maxHours: 12 };

async function startRegistration(deps: ReturnType<typeof depsAt>, input: { email: string; password: string }) {
  const { registrationId } = await saveRegistrationDetails(deps, { details });
  await setRegistrationCredentials(deps, { registrationId, ...input });
  return { registrationId };
}

async function registeredUser(email = uniqueEmail()) {
  const { registrationId } = await startRegistration(depsAt(t0), { email, password: PASSWORD });
  const verified = await verifyRegistration(depsAt(t0), { registrationId, code: await latestCodeTo(email) });
  if (verified.status !== "verified") throw new Error(`registration failed: ${verified.status}`);
  await acceptTerms(depsAt(t0), verified.userId);
  return { email, userId: verified.userId };
}

const auditFor = (userId: string) => db.select({ event: auditEvents.event }).from(auditEvents).where(eq(auditEvents.userId, userId)).orderBy(auditEvents.at);

beforeAll(ensureCouncil);

describe("registration", () => {
  it("creates the account only once the emailed code proves the address, then signs in after the terms", async () => {
    const email = uniqueEmail("new");
    const { registrationId } = await startRegistration(depsAt(t0), { email, password: PASSWORD });
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    const [mail] = await emailsTo(email);
    expect(mail?.subject).toBe("Please verify your email address");

    const verified = await verifyRegistration(depsAt(t0), { registrationId, code: await latestCodeTo(email) });
    expect(verified.status).toBe("verified");
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ forename: "Sam", organisation: "Oak School", role: "referrer", termsAcceptedAt: null });
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);

    const { sessionId } = await acceptTerms(depsAt(t0), user!.id);
    expect(await resumeSession(db, sessionId, LIMITS, t0)).toMatchObject({ userId: user!.id, forename: "Sam" });
    expect((await auditFor(user!.id)).map((a) => a.event)).toEqual(["registered", "signed-in"]);
  });

  it("answers an already-registered address exactly as a new one, and tells its owner by email", async () => {
    const { email } = await registeredUser();
    const again = await startRegistration(depsAt(t0), { email: email.toUpperCase(), password: PASSWORD });
    expect(again.registrationId).toMatch(/[0-9a-f-]{36}/);
    const [newest] = await emailsTo(email.toUpperCase());
    expect(newest?.subject).toBe("You already have an account");
    expect(newest?.text).not.toMatch(/\b\d{8}\b/);
  });
});

describe("registration does not reveal which addresses have accounts", () => {
  it("answers wrong codes, the cooldown and five wrong tries alike for a taken and a new address", async () => {
    const { email: taken } = await registeredUser();
    const outcomes = async (email: string) => {
      const { registrationId } = await startRegistration(depsAt(t0), { email, password: PASSWORD });
      const seen: unknown[] = [await resendRegistrationCode(depsAt(t0), registrationId)];
      for (let i = 0; i < 5; i += 1) seen.push(await verifyRegistration(depsAt(t0), { registrationId, code: "00000000" }));
      return seen;
    };
    expect(await outcomes(taken)).toEqual(await outcomes(uniqueEmail("fresh")));
  });
});

describe("signing in", () => {
  it("takes the password, then the emailed code, and starts a session", async () => {
    const { email, userId } = await registeredUser();
    const begun = await beginSignIn(depsAt(t0), { email, password: PASSWORD });
    expect(begun).toEqual({ status: "code-sent", userId });
    expect((await emailsTo(email))[0]?.subject).toBe("Your sign-in code");
    const done = await completeSignIn(depsAt(t0), { userId, code: await latestCodeTo(email) });
    expect(done).toMatchObject({ status: "signed-in" });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const { email } = await registeredUser();
    expect(await beginSignIn(depsAt(t0), { email, password: "Wrong-password-1" })).toEqual({ status: "invalid" });
    expect(await beginSignIn(depsAt(t0), { email: uniqueEmail("nobody"), password: PASSWORD })).toEqual({ status: "invalid" });
  });

  it("locks the account after ten wrong passwords, ends its sessions and emails its owner", async () => {
    const { email, userId } = await registeredUser();
    await beginSignIn(depsAt(t0), { email, password: PASSWORD });
    const signedIn = await completeSignIn(depsAt(t0), { userId, code: await latestCodeTo(email) });
    if (signedIn.status !== "signed-in") throw new Error("expected a session");

    for (let i = 0; i < council.maxFailedAttempts; i += 1) await beginSignIn(depsAt(t0, null), { email, password: `Wrong-${i}-password` });
    expect((await emailsTo(email))[0]?.subject).toBe("Your account has been locked");
    expect(await beginSignIn(depsAt(t0, null), { email, password: PASSWORD })).toEqual({ status: "invalid" });
    expect(await resumeSession(db, signedIn.sessionId, LIMITS, t0)).toBeNull();
    expect((await auditFor(userId)).map((a) => a.event)).toContain("locked");

    const afterLock = minutesLater(t0, council.lockoutMinutes + 1);
    expect(await beginSignIn(depsAt(afterLock, null), { email, password: PASSWORD })).toMatchObject({ status: "code-sent" });
  });

  it("keeps no password or code in the audit rows", async () => {
    const { email, userId } = await registeredUser();
    await beginSignIn(depsAt(t0), { email, password: PASSWORD });
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.userId, userId));
    const text = JSON.stringify(rows);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(await latestCodeTo(email));
  });
});

describe("sessions", () => {
  it("end after the idle time, and when ended on the server", async () => {
    const { email, userId } = await registeredUser();
    await beginSignIn(depsAt(t0), { email, password: PASSWORD });
    const done = await completeSignIn(depsAt(t0), { userId, code: await latestCodeTo(email) });
    if (done.status !== "signed-in") throw new Error("expected a session");
    expect(await resumeSession(db, done.sessionId, LIMITS, minutesLater(t0, 29))).not.toBeNull();
    expect(await resumeSession(db, done.sessionId, LIMITS, minutesLater(t0, 58))).not.toBeNull();
    expect(await resumeSession(db, done.sessionId, LIMITS, minutesLater(t0, 89))).toBeNull();
    const [ended] = await db.select().from(sessions).where(and(eq(sessions.id, done.sessionId)));
    expect(ended?.endReason).toBe("idle");

    await beginSignIn(depsAt(t0), { email, password: PASSWORD });
    const again = await completeSignIn(depsAt(t0), { userId, code: await latestCodeTo(email) });
    if (again.status !== "signed-in") throw new Error("expected a session");
    await endSession(db, again.sessionId, "signed-out", t0);
    expect(await resumeSession(db, again.sessionId, LIMITS, t0)).toBeNull();
  });
});

describe("sessions end absolutely", () => {
  it("12 hours after sign-in however active, ended as expired (checked from the row's creation time)", async () => {
    const { email, userId } = await registeredUser();
    await beginSignIn(depsAt(t0), { email, password: PASSWORD });
    const done = await completeSignIn(depsAt(t0), { userId, code: await latestCodeTo(email) });
    if (done.status !== "signed-in") throw new Error("expected a session");
    const limits: SessionLimits = { idleMinutes: council.idleTimeoutMinutes, maxHours: council.sessionMaxHours };
    expect(limits.maxHours).toBe(12);
    // A page every five minutes, all day: never idle.
    for (let minute = 5; minute < 12 * 60; minute += 5) {
      expect(await resumeSession(db, done.sessionId, limits, minutesLater(t0, minute)), `at minute ${minute}`).not.toBeNull();
    }
    expect(await resumeSession(db, done.sessionId, limits, minutesLater(t0, 12 * 60))).toBeNull();
    const [ended] = await db.select().from(sessions).where(eq(sessions.id, done.sessionId));
    expect(ended?.endReason).toBe("expired");
    expect(ended?.endedAt).toEqual(minutesLater(t0, 12 * 60));
    // Ended for good: going back within the idle time does not bring it back.
    expect(await resumeSession(db, done.sessionId, limits, minutesLater(t0, 12 * 60 - 1))).toBeNull();
  });
});

describe("throttling", () => {
  it("refuses sign-in attempts from an IP address over the council's limit, even with the right password", async () => {
    const { email } = await registeredUser();
    const ip = `198.51.100.${Math.floor(Math.random() * 200)}`;
    const strict = { ...depsAt(t0, ip), council: { ...council, signInAttemptsPerIp: 3 } };
    for (let i = 0; i < 3; i += 1) await beginSignIn(strict, { email, password: "Wrong-password-1!" });
    expect(await beginSignIn(strict, { email, password: PASSWORD })).toMatchObject({ status: "throttled" });
    expect(await beginSignIn({ ...strict, ip: "192.0.2.99" }, { email, password: PASSWORD })).toMatchObject({ status: "code-sent" });
  });

  it("counts attempts per key in a window shared through the database", async () => {
    const key = `test:${crypto.randomUUID()}`;
    const rule = { limit: 3, windowSeconds: 60 };
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await hitThrottle(db, key, rule, new Date(t0.getTime() + i * 1000)));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]).toEqual({ allowed: false, retryAfterSeconds: 57 });
    expect(await hitThrottle(db, key, rule, new Date(t0.getTime() + 61_000))).toEqual({ allowed: true });
  });
});
