/**
 * Emailed one-time codes: 8 digits, valid for the council's lifetime, single use, stored as a
 * keyed hash, and only the newest for a subject is live (a new code cancels the old one).
 * Five wrong tries cancel a code. Typed or pasted with spaces or dashes is fine.
 *
 * Wrong guesses are also counted per account (purpose and account key) across every code it is
 * sent, so asking for a new code never buys fresh guesses: at most `maxWrongGuessesPerHour`
 * wrong codes (10) are ever compared in one counting window of an hour, whatever the re-requests,
 * so at most twice that in any 60 minutes. Once that is reached even the right code is refused
 * ("too-many-guesses") until the window ends. The count is reserved atomically before the code
 * is compared and given back only for a right code, so parallel guesses cannot overshoot it.
 */
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { oneTimeCodes } from "@/db/schema";
import { hitThrottle, refundThrottle, type ThrottleResult } from "./throttle";

export type CodePurpose = "verify-email" | "sign-in" | "reset-password";
export type CodePolicy = { length: number; lifetimeMinutes: number; resendCooldownSeconds: number; maxWrongTries: number; maxWrongGuessesPerHour: number };
export type IssuedCode = { status: "issued"; codeId: string; code: string } | { status: "cooldown"; retryAfterSeconds: number };
export type CodeCheck = "ok" | "wrong" | "expired" | "used" | "cancelled" | "no-code" | "too-many-guesses";

export const DEFAULT_CODE_POLICY: CodePolicy = { length: 8, lifetimeMinutes: 10, resendCooldownSeconds: 60, maxWrongTries: 5, maxWrongGuessesPerHour: 10 };

/** The window wrong guesses are counted over, per account. */
const GUESS_WINDOW_SECONDS = 60 * 60;

/** The throttle_counters key of an account's wrong guesses for one purpose. */
export const guessCounterKey = (purpose: CodePurpose, account: string) => `code-guess:${purpose}:${account}`;

function hashCode(secret: string, codeId: string, code: string): string {
  // Keyed by the app secret and the row id, so a leaked table cannot be brute-forced offline.
  return createHmac("sha256", secret).update(`${codeId}:${code}`).digest("base64url");
}

/** Digits only: "1234 5678" and "1234-5678" are the same code. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]/g, "");
}

function newestCode(db: DbOrTx, purpose: CodePurpose, subjectId: string) {
  return db
    .select()
    .from(oneTimeCodes)
    .where(and(eq(oneTimeCodes.purpose, purpose), eq(oneTimeCodes.subjectId, subjectId)))
    // Issuing a code cancels every other live one, so a live code is always the newest, whatever
    // the clocks of the instances that wrote them said. Without one, the latest explains why.
    .orderBy(sql`${oneTimeCodes.usedAt} is null and ${oneTimeCodes.cancelledAt} is null desc`, desc(oneTimeCodes.createdAt))
    .limit(1)
    .then((rows) => rows[0]);
}

/**
 * Issues a new code, cancelling the live one, unless the resend cooldown has not passed or
 * `beforeIssuing` (the hourly limits, counted only once the cooldown has passed) refuses: then
 * "cooldown" with the wait, and the code already sent stays live.
 */
export async function issueCode(
  db: DbOrTx,
  input: { purpose: CodePurpose; subjectId: string; secret: string; policy: CodePolicy; now: Date; ignoreCooldown?: boolean; beforeIssuing?: () => Promise<ThrottleResult> },
): Promise<IssuedCode> {
  const { purpose, subjectId, policy, now } = input;
  const newest = await newestCode(db, purpose, subjectId);
  if (newest && !input.ignoreCooldown) {
    const waited = (now.getTime() - newest.createdAt.getTime()) / 1000;
    if (waited < policy.resendCooldownSeconds) return { status: "cooldown", retryAfterSeconds: Math.ceil(policy.resendCooldownSeconds - waited) };
  }
  const limits = await input.beforeIssuing?.();
  if (limits && !limits.allowed) return { status: "cooldown", retryAfterSeconds: limits.retryAfterSeconds };
  await db
    .update(oneTimeCodes)
    .set({ cancelledAt: now })
    .where(and(eq(oneTimeCodes.purpose, purpose), eq(oneTimeCodes.subjectId, subjectId), isNull(oneTimeCodes.usedAt), isNull(oneTimeCodes.cancelledAt)));
  const code = Array.from({ length: policy.length }, () => randomInt(10)).join("");
  const codeId = crypto.randomUUID();
  await db.insert(oneTimeCodes).values({
    id: codeId,
    purpose,
    subjectId,
    codeHash: hashCode(input.secret, codeId, code),
    expiresAt: new Date(now.getTime() + policy.lifetimeMinutes * 60_000),
    createdAt: now,
  });
  return { status: "issued", codeId, code };
}

/**
 * Checks a typed code against the subject's newest code, and uses it up when it matches.
 * `account` names whose guesses these are (default: the subject); a caller whose subject changes
 * with every request (a registration) passes something stable, such as the email address.
 */
export async function redeemCode(
  db: DbOrTx,
  input: { purpose: CodePurpose; subjectId: string; account?: string; typed: string; secret: string; policy: CodePolicy; now: Date },
): Promise<CodeCheck> {
  const row = await newestCode(db, input.purpose, input.subjectId);
  if (!row) return "no-code";
  if (row.usedAt) return "used";
  if (row.cancelledAt) return "cancelled";
  if (row.expiresAt.getTime() <= input.now.getTime()) return "expired";
  const guessKey = guessCounterKey(input.purpose, input.account ?? input.subjectId);
  const guess = await hitThrottle(db, guessKey, { limit: input.policy.maxWrongGuessesPerHour, windowSeconds: GUESS_WINDOW_SECONDS }, input.now);
  if (!guess.allowed) return "too-many-guesses";
  const expected = Buffer.from(row.codeHash);
  const actual = Buffer.from(hashCode(input.secret, row.id, normaliseCode(input.typed)));
  if (expected.length === actual.length && timingSafeEqual(expected, actual)) {
    // Only one request can use a code: the update matches only while it is still unused.
    const used = await db
      .update(oneTimeCodes)
      .set({ usedAt: input.now })
      .where(and(eq(oneTimeCodes.id, row.id), isNull(oneTimeCodes.usedAt), isNull(oneTimeCodes.cancelledAt)))
      .returning({ id: oneTimeCodes.id });
    if (used.length !== 1) return "used";
    // A right code is not a guess: only wrong ones count towards the account's limit.
    await refundThrottle(db, guessKey);
    return "ok";
  }
  const wrongTries = row.wrongTries + 1;
  await db
    .update(oneTimeCodes)
    .set({ wrongTries, cancelledAt: wrongTries >= input.policy.maxWrongTries ? input.now : null })
    .where(eq(oneTimeCodes.id, row.id));
  return wrongTries >= input.policy.maxWrongTries ? "cancelled" : "wrong";
}
