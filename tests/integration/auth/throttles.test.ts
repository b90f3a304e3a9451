/**
 * Issue 14, point 3: throttles that protect without locking people out. Failed sign-ins count
 * per address (successes do not); codes are limited per account and per address; wrong codes
 * count per account across every code it is sent; a locked account costs the same work as an
 * unknown address.
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { oneTimeCodes, users } from "@/db/schema";
import { checkPasswordResetCode, startPasswordReset } from "@/lib/auth/passwords";
import { passwordVerificationCount } from "@/lib/auth/password";
import { saveRegistrationDetails, setRegistrationCredentials, verifyRegistration } from "@/lib/auth/register";
import { beginSignIn, completeSignIn, resendSignInCode } from "@/lib/auth/sign-in";
import { council, db, depsAt, emailsTo, ensureCouncil, latestCodeTo, minutesLater, registeredAccount, uniqueEmail } from "@/tests/support/auth-fixture";

const t0 = new Date("2026-11-24T09:00:00Z");
const secondsLater = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
let ipCount = 0;
/** A client address of its own for each test, so counters never carry over between tests. */
const freshIp = () => `198.18.${Math.floor(Math.random() * 250)}.${(ipCount += 1)}`;
const wrongFor = (code: string) => (code === "00000000" ? "11111111" : "00000000");

beforeAll(ensureCouncil);

describe("sign-in attempts per address", () => {
  it("count only failures: an office signing in many people from one address is never refused for its successes", async () => {
    const ip = freshIp();
    const office = { ...depsAt(t0, ip), council: { ...council, signInAttemptsPerIp: 3 } };
    const people = [await registeredAccount(t0), await registeredAccount(t0), await registeredAccount(t0)];
    for (let round = 0; round < 3; round += 1) {
      for (const person of people) expect(await beginSignIn(office, person)).toMatchObject({ status: "code-sent" });
    }
    // Three failures reach the limit; from then on even the right password is refused, unchecked.
    for (let i = 0; i < 3; i += 1) expect(await beginSignIn(office, { email: people[0]!.email, password: `Wrong-${i}-password!` })).toEqual({ status: "invalid" });
    const verifiedBefore = passwordVerificationCount();
    expect(await beginSignIn(office, people[1]!)).toMatchObject({ status: "throttled" });
    expect(passwordVerificationCount()).toBe(verifiedBefore);
  });
});

describe("a locked account", () => {
  it("does the same password hashing as an unknown address and a wrong password, so it answers in the same time", async () => {
    const ip = null;
    const locked = await registeredAccount(t0);
    for (let i = 0; i < council.maxFailedAttempts; i += 1) await beginSignIn(depsAt(t0, ip), { email: locked.email, password: `Wrong-${i}-password!` });
    const [row] = await db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, locked.userId));
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(t0.getTime());

    const verificationsFor = async (input: { email: string; password: string }) => {
      const before = passwordVerificationCount();
      expect(await beginSignIn(depsAt(t0, ip), input)).toEqual({ status: "invalid" });
      return passwordVerificationCount() - before;
    };
    expect(await verificationsFor({ email: uniqueEmail("nobody"), password: locked.password })).toBe(1);
    expect(await verificationsFor({ email: locked.email, password: locked.password })).toBe(1);
    expect(await verificationsFor({ email: locked.email, password: "Another-wrong-1!" })).toBe(1);
  });
});

describe("issuing codes", () => {
  it("limits sign-in codes per account per hour; the code already sent keeps working, and a new hour allows more", async () => {
    const person = await registeredAccount(t0);
    const deps = (at: Date) => depsAt(at, freshIp());
    let userId = "";
    for (let i = 0; i < council.codesPerAccountPerHour; i += 1) {
      const begun = await beginSignIn(deps(secondsLater(i)), person);
      expect(begun.status).toBe("code-sent");
      if (begun.status === "code-sent") userId = begun.userId;
    }
    const lastCode = await latestCodeTo(person.email);
    const mailsBefore = (await emailsTo(person.email)).length;
    expect(await beginSignIn(deps(secondsLater(100)), person)).toMatchObject({ status: "throttled", retryAfterSeconds: 3600 - 100 });
    expect(await resendSignInCode(deps(secondsLater(200)), userId)).toEqual({ status: "cooldown", retryAfterSeconds: 3600 - 200 });
    expect(await emailsTo(person.email)).toHaveLength(mailsBefore);
    expect(await completeSignIn(deps(secondsLater(300)), { userId, code: lastCode })).toMatchObject({ status: "signed-in" });
    expect(await beginSignIn(deps(minutesLater(t0, 61)), person)).toMatchObject({ status: "code-sent" });
  });

  it("limits codes per client address over every account, for resets alike whether or not the address has an account", async () => {
    const ip = freshIp();
    const strict = (at: Date) => ({ ...depsAt(at, ip), council: { ...council, codesPerIpPerHour: 3 } });
    const known = await registeredAccount(t0);
    const subjects = [];
    for (const email of [uniqueEmail("a"), uniqueEmail("b"), known.email, uniqueEmail("c"), known.email]) {
      subjects.push((await startPasswordReset(strict(secondsLater(subjects.length)), email)).subjectId);
    }
    const codesOf = async (subjectId: string) => (await db.select().from(oneTimeCodes).where(and(eq(oneTimeCodes.purpose, "reset-password"), eq(oneTimeCodes.subjectId, subjectId)))).length;
    expect(await Promise.all(subjects.map(codesOf))).toEqual([1, 1, 1, 0, 1]);
    expect((await emailsTo(known.email)).filter((mail) => mail.subject === "Reset your password")).toHaveLength(1);
    // The one code the known address was sent still works.
    expect(await checkPasswordResetCode(strict(secondsLater(10)), { subjectId: subjects[2]!, code: await latestCodeTo(known.email) })).toBe("ok");
  });

  it("limits reset codes per address typed, without telling whether it has an account", async () => {
    const known = await registeredAccount(t0);
    const unknown = uniqueEmail("unknown");
    const outcomes = async (email: string) => {
      const subjects = new Set<string>();
      for (let i = 0; i <= council.codesPerAccountPerHour; i += 1) subjects.add((await startPasswordReset(depsAt(secondsLater(i), freshIp()), email)).subjectId);
      const [subjectId] = [...subjects];
      const rows = await db.select().from(oneTimeCodes).where(and(eq(oneTimeCodes.purpose, "reset-password"), eq(oneTimeCodes.subjectId, subjectId!)));
      return { subjects: subjects.size, codes: rows.length };
    };
    expect(await outcomes(known.email)).toEqual({ subjects: 1, codes: council.codesPerAccountPerHour });
    expect(await outcomes(unknown)).toEqual({ subjects: 1, codes: council.codesPerAccountPerHour });
    expect((await emailsTo(known.email)).filter((mail) => mail.subject === "Reset your password")).toHaveLength(council.codesPerAccountPerHour);
  });
});

describe("wrong codes are counted per account across re-issued codes", () => {
  // Generous issuing limits, so only the guess bound can stop the guessing.
  const lenient = { ...council, codesPerAccountPerHour: 1000, codesPerIpPerHour: 100_000 };
  const BOUND = 10; // DEFAULT_CODE_POLICY.maxWrongGuessesPerHour, documented in lib/auth/codes.ts

  it("1,000 rapid reset-code guesses, re-requesting a code every 4 guesses, compare at most 10 wrong codes in the hour", async () => {
    const { email, userId } = await registeredAccount(t0);
    const ip = freshIp();
    const at = (step: number) => ({ ...depsAt(new Date(t0.getTime() + step * 100), ip), council: lenient });
    const answers = new Map<string, number>();
    let code = "";
    for (let guess = 0; guess < 1000; guess += 1) {
      if (guess % 4 === 0) {
        await startPasswordReset(at(guess), email);
        code = await latestCodeTo(email);
      }
      const answer = await checkPasswordResetCode(at(guess), { subjectId: userId, code: wrongFor(code) });
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
    }
    // Every guess compared against a code left its mark on that code's row.
    const [compared] = await db
      .select({ wrong: sql<number>`coalesce(sum(${oneTimeCodes.wrongTries}), 0)::int` })
      .from(oneTimeCodes)
      .where(and(eq(oneTimeCodes.purpose, "reset-password"), eq(oneTimeCodes.subjectId, userId)));
    expect(compared?.wrong).toBe(BOUND);
    expect(answers.get("wrong")).toBe(BOUND);
    expect(answers.get("too-many-guesses")).toBe(1000 - BOUND);
    // Once the bound is reached even the right code, freshly sent, is refused until the hour is out.
    await startPasswordReset(at(1000), email);
    expect(await checkPasswordResetCode(at(1001), { subjectId: userId, code: await latestCodeTo(email) })).toBe("too-many-guesses");
    const nextHour = { ...depsAt(minutesLater(t0, 61), ip), council: lenient };
    await startPasswordReset(nextHour, email);
    expect(await checkPasswordResetCode(nextHour, { subjectId: userId, code: await latestCodeTo(email) })).toBe("ok");
  });

  it("count only wrong codes: right ones leave the whole bound for guessing, across sign-ins", async () => {
    const person = await registeredAccount(t0);
    const signInAt = async (step: number) => {
      const begun = await beginSignIn({ ...depsAt(secondsLater(step), freshIp()), council: lenient }, person);
      if (begun.status !== "code-sent") throw new Error(`expected a code, got ${begun.status}`);
      return begun.userId;
    };
    for (let i = 0; i < BOUND + 2; i += 1) {
      const userId = await signInAt(i);
      expect(await completeSignIn(depsAt(secondsLater(i)), { userId, code: await latestCodeTo(person.email) })).toMatchObject({ status: "signed-in" });
    }
    const answers: string[] = [];
    for (let guess = 0; guess < 3 * BOUND; guess += 1) {
      const userId = guess % 3 === 0 ? await signInAt(100 + guess) : person.userId;
      answers.push((await completeSignIn(depsAt(secondsLater(100 + guess)), { userId, code: wrongFor(await latestCodeTo(person.email)) })).status);
    }
    expect(answers.filter((answer) => answer === "wrong")).toHaveLength(BOUND);
    expect(answers.slice(BOUND).every((answer) => answer === "too-many-guesses")).toBe(true);
  });

  it("a new registration of the same address buys no new guesses at its verification code", async () => {
    const email = uniqueEmail("squatter");
    const ip = freshIp();
    const at = (step: number) => ({ ...depsAt(secondsLater(step), ip), council: lenient });
    const answers: string[] = [];
    let registrationId = "";
    for (let guess = 0; guess < 40; guess += 1) {
      if (guess % 4 === 0) {
        ({ registrationId } = await saveRegistrationDetails(at(guess), { details: { forename: "Sam", surname: "Squat", isProfessional: false, street: "1 Road", postcode: "DY1 1AA" } }));
        await setRegistrationCredentials(at(guess), { registrationId, email, password: "Correct-Horse-9-Battery" });
      }
      answers.push((await verifyRegistration(at(guess), { registrationId, code: wrongFor(await latestCodeTo(email)) })).status);
    }
    expect(answers.filter((answer) => answer === "wrong")).toHaveLength(BOUND);
    expect(await verifyRegistration(at(41), { registrationId, code: await latestCodeTo(email) })).toEqual({ status: "too-many-guesses" });
  });
});
