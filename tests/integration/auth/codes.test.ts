import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { oneTimeCodes } from "@/db/schema";
import { DEFAULT_CODE_POLICY, issueCode, redeemCode } from "@/lib/auth/codes";
import { db } from "@/tests/support/auth-fixture";

const secret = "a-test-secret-that-is-long-enough-to-use";
const policy = DEFAULT_CODE_POLICY;
const t0 = new Date("2026-11-23T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function issue(subjectId: string, now: Date) {
  const issued = await issueCode(db, { purpose: "sign-in", subjectId, secret, policy, now });
  if (issued.status !== "issued") throw new Error("expected a code");
  return issued;
}
const use = (subjectId: string, typed: string, now: Date) => redeemCode(db, { purpose: "sign-in", subjectId, typed, secret, policy, now });

describe("one-time codes", () => {
  it("are 8 digits, stored only as a hash, and work once", async () => {
    const subject = randomUUID();
    const { code, codeId } = await issue(subject, t0);
    expect(code).toMatch(/^\d{8}$/);
    const [row] = await db.select().from(oneTimeCodes).where(eq(oneTimeCodes.id, codeId));
    expect(row?.codeHash).not.toContain(code);
    expect(await use(subject, code, at(5))).toBe("ok");
    expect(await use(subject, code, at(6))).toBe("used");
  });

  it("accept a code typed or pasted with spaces or a dash", async () => {
    const subject = randomUUID();
    const { code } = await issue(subject, t0);
    expect(await use(subject, ` ${code.slice(0, 4)} - ${code.slice(4)} `, at(1))).toBe("ok");
  });

  it("expire after the council's lifetime", async () => {
    const subject = randomUUID();
    const { code } = await issue(subject, t0);
    expect(await use(subject, code, at(policy.lifetimeMinutes * 60))).toBe("expired");
  });

  it("refuse the older of two codes: a new code cancels the old one", async () => {
    const subject = randomUUID();
    const first = await issue(subject, t0);
    const second = await issue(subject, at(policy.resendCooldownSeconds));
    expect(await use(subject, first.code, at(61))).toBe("wrong");
    expect(await use(subject, second.code, at(62))).toBe("ok");
  });

  it("wait for the resend cooldown before another code", async () => {
    const subject = randomUUID();
    await issue(subject, t0);
    expect(await issueCode(db, { purpose: "sign-in", subjectId: subject, secret, policy, now: at(20) })).toEqual({ status: "cooldown", retryAfterSeconds: 40 });
  });

  it("are cancelled by five wrong tries, even if the right code follows", async () => {
    const subject = randomUUID();
    const { code } = await issue(subject, t0);
    const wrong = code === "00000000" ? "11111111" : "00000000";
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await use(subject, wrong, at(i + 1)));
    expect(answers).toEqual(["wrong", "wrong", "wrong", "wrong", "cancelled"]);
    expect(await use(subject, code, at(10))).toBe("cancelled");
  });

  it("belong to their subject and purpose", async () => {
    const subject = randomUUID();
    const { code } = await issue(subject, t0);
    expect(await use(randomUUID(), code, at(1))).toBe("no-code");
    expect(await redeemCode(db, { purpose: "reset-password", subjectId: subject, typed: code, secret, policy, now: at(1) })).toBe("no-code");
  });
});
