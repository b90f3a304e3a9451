import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { changePassword, checkPasswordResetCode, resetPassword, startPasswordReset } from "@/lib/auth/passwords";
import { acceptTerms, saveRegistrationDetails, setRegistrationCredentials, verifyRegistration } from "@/lib/auth/register";
import { beginSignIn } from "@/lib/auth/sign-in";
import { type SessionLimits, resumeSession } from "@/lib/auth/sessions";
import { db, depsAt, emailsTo, ensureCouncil, latestCodeTo, uniqueEmail } from "@/tests/support/auth-fixture";

const FIRST = "Correct-Horse-9-Battery";
const t0 = new Date("2026-11-23T12:00:00Z");
const LIMITS: SessionLimits = { idleMinutes: 30, maxHours: 12 };
const details = { forename: "Alex", surname: "Parent", isProfessional: false, street: "2 Low Road", postcode: "WN1 1AA" };

async function signedInUser() {
  const email = uniqueEmail("pw");
  const { registrationId } = await saveRegistrationDetails(depsAt(t0), { details });
  await setRegistrationCredentials(depsAt(t0), { registrationId, email, password: FIRST });
  const verified = await verifyRegistration(depsAt(t0), { registrationId, code: await latestCodeTo(email) });
  if (verified.status !== "verified") throw new Error("registration failed");
  const { sessionId } = await acceptTerms(depsAt(t0), verified.userId);
  return { email, userId: verified.userId, sessionId };
}

beforeAll(ensureCouncil);

describe("changing a password", () => {
  it("lists every unmet rule at once", async () => {
    const { userId } = await signedInUser();
    const result = await changePassword(depsAt(t0), { userId, current: FIRST, next: "xkqzv" });
    expect(result).toEqual({ status: "policy", failures: ["length", "upper", "digit", "special"] });
  });

  it("refuses the current password and previous ones, and ends every old session", async () => {
    const { userId, sessionId } = await signedInUser();
    expect(await changePassword(depsAt(t0), { userId, current: FIRST, next: FIRST })).toEqual({ status: "reused" });
    const changed = await changePassword(depsAt(t0), { userId, current: FIRST, next: "Second-Kettle-42-Lamp" });
    expect(changed.status).toBe("changed");
    expect(await resumeSession(db, sessionId, LIMITS, t0)).toBeNull();
    if (changed.status === "changed") expect(await resumeSession(db, changed.sessionId, LIMITS, t0)).not.toBeNull();
    expect(await changePassword(depsAt(t0), { userId, current: "Second-Kettle-42-Lamp", next: FIRST })).toEqual({ status: "reused" });
    expect(await changePassword(depsAt(t0), { userId, current: "wrong", next: "Third-Window-7-Cloud" })).toEqual({ status: "wrong-current" });
  });
});

describe("passphrases", () => {
  it("accepts a long passphrase with spaces and no mix of characters, and it signs in", async () => {
    const { userId, email } = await signedInUser();
    const passphrase = "kettle lantern meadow rain";
    expect(await changePassword(depsAt(t0), { userId, current: FIRST, next: "kettle lantern" })).toEqual({ status: "policy", failures: ["upper", "digit", "special", "allowed-characters"] });
    expect((await changePassword(depsAt(t0), { userId, current: FIRST, next: passphrase })).status).toBe("changed");
    expect(await beginSignIn(depsAt(t0), { email, password: passphrase })).toMatchObject({ status: "code-sent" });
    expect(await changePassword(depsAt(t0), { userId, current: passphrase, next: "alex parent by the sea" })).toEqual({ status: "policy", failures: ["common"] });
  });
});

describe("forgotten password", () => {
  it("resets with the emailed code, ends every session, and lets the new password sign in", async () => {
    const { email, userId, sessionId } = await signedInUser();
    const { subjectId } = await startPasswordReset(depsAt(t0), email);
    expect(subjectId).toBe(userId);
    expect((await emailsTo(email))[0]?.subject).toBe("Reset your password");
    expect(await checkPasswordResetCode(depsAt(t0), { subjectId, code: await latestCodeTo(email) })).toBe("ok");
    expect(await resetPassword(depsAt(t0), { userId, password: "Brand-New-Pass-77" })).toEqual({ status: "reset" });
    expect(await resumeSession(db, sessionId, LIMITS, t0)).toBeNull();
    expect(await beginSignIn(depsAt(t0), { email, password: FIRST })).toEqual({ status: "invalid" });
    expect(await beginSignIn(depsAt(t0), { email, password: "Brand-New-Pass-77" })).toMatchObject({ status: "code-sent" });
    const events = (await db.select({ event: auditEvents.event }).from(auditEvents).where(eq(auditEvents.userId, userId))).map((e) => e.event);
    expect(events).toContain("password-reset");
  });

  it("answers an unknown address the same way, and no code works for it", async () => {
    const { subjectId } = await startPasswordReset(depsAt(t0), uniqueEmail("unknown"));
    expect(subjectId).toMatch(/^[0-9a-f-]{36}$/);
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await checkPasswordResetCode(depsAt(t0), { subjectId, code: "00000000" }));
    expect(answers).toEqual(["wrong", "wrong", "wrong", "wrong", "cancelled"]);
  });
});
