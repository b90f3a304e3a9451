/**
 * Changing and resetting a password. A new password must meet the council's policy and differ
 * from the current one and the previous N; either way every session of the user ends, so an
 * old cookie stops working. A reset starts with an emailed code and answers the same for an
 * address that has no account. Setting a password clears "must change password" (staff:create).
 */
import { createHmac } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { passwordHistory, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "./password";
import { checkPassword, passwordPolicyFor, type PasswordRuleId } from "./password-policy";
import { issueCode, redeemCode, type CodeCheck } from "./codes";
import { throttleCodeIssue } from "./code-issuing";
import { recordAudit } from "./audit";
import { endAllSessions, startSession } from "./sessions";
import { findUserByEmail, recordFailedPassword } from "./sign-in";
import { codePolicyFor, normaliseEmail, type AuthDeps } from "./deps";

export type NewPasswordProblem = { status: "policy"; failures: PasswordRuleId[] } | { status: "reused" };

/** Every unmet policy rule, or "reused" if it matches the current or one of the previous N. */
async function problemWithNewPassword(deps: AuthDeps, db: DbOrTx, userId: string, password: string): Promise<NewPasswordProblem | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error("no such user");
  const failures = checkPassword(password, passwordPolicyFor(deps.council), { email: user.email, forename: user.forename, surname: user.surname });
  if (failures.length > 0) return { status: "policy", failures };
  const previous = await db
    .select({ passwordHash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt))
    .limit(deps.council.passwordPolicy.history + 1);
  const hashes = [user.passwordHash, ...previous.map((p) => p.passwordHash)];
  for (const hash of hashes) if (await verifyPassword(hash, password)) return { status: "reused" };
  return null;
}

async function setPassword(deps: AuthDeps, db: DbOrTx, userId: string, password: string, reason: "password-changed" | "password-reset") {
  const passwordHash = await hashPassword(password);
  await db.update(users).set({ passwordHash, failedSignIns: 0, lockedUntil: null, mustChangePassword: false }).where(eq(users.id, userId));
  await db.insert(passwordHistory).values({ userId, passwordHash, createdAt: deps.now });
  await endAllSessions(db, userId, reason, deps.now);
  await recordAudit(db, reason, { userId, ip: deps.ip }, deps.now);
}

export type ChangePasswordResult = { status: "changed"; sessionId: string } | { status: "wrong-current" } | NewPasswordProblem;

/** Change password (signed in): ends every session, then starts a fresh one for this browser. */
export async function changePassword(deps: AuthDeps, input: { userId: string; current: string; next: string }): Promise<ChangePasswordResult> {
  const [user] = await deps.db.select({ passwordHash: users.passwordHash, email: users.email }).from(users).where(eq(users.id, input.userId));
  if (!user) return { status: "wrong-current" };
  if (!(await verifyPassword(user.passwordHash, input.current))) {
    // Guessing the current password counts towards the same lockout as signing in.
    await recordFailedPassword(deps, input.userId, user.email);
    return { status: "wrong-current" };
  }
  const problem = await problemWithNewPassword(deps, deps.db, input.userId, input.next);
  if (problem) return problem;
  return deps.db.transaction(async (tx) => {
    await setPassword(deps, tx, input.userId, input.next, "password-changed");
    return { status: "changed" as const, sessionId: await startSession(tx, input.userId, deps.now) };
  });
}

/**
 * The subject of a reset for an address with no account: a stable id derived from the address,
 * so asking twice gives the same subject, exactly as a real account's id does (a random one each
 * time would differ, and the journey cookie that carries it is readable).
 */
function decoySubjectFor(secret: string, email: string): string {
  const hex = createHmac("sha256", secret).update(`reset-subject:${normaliseEmail(email)}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Forgotten password, step 1. Returns the subject the code was issued for: the user's id, or
 * for an unknown address an id derived from it that no code will ever match (same answer
 * either way). Over the hourly limits of codes (counted per address typed, and per client
 * address) no new code is issued or sent, and the one already sent stays live; the page is
 * the same, so the limits tell nobody whether the address has an account.
 */
export async function startPasswordReset(deps: AuthDeps, email: string): Promise<{ subjectId: string }> {
  const user = await findUserByEmail(deps, email);
  // An unknown address still gets a code, never sent, so wrong tries, expiry and cancelling
  // behave exactly as they do for a real account.
  const subjectId = user?.id ?? decoySubjectFor(deps.secret, email);
  return deps.db.transaction(async (tx) => {
    const issued = await issueCode(tx, {
      purpose: "reset-password",
      subjectId,
      secret: deps.secret,
      policy: codePolicyFor(deps.council),
      now: deps.now,
      ignoreCooldown: true,
      beforeIssuing: () => throttleCodeIssue(deps, tx, "reset-password", normaliseEmail(email)),
    });
    if (issued.status !== "issued") return { subjectId };
    if (user) await deps.mail(tx, { kind: "reset-password", to: user.email, code: issued.code, minutes: deps.council.codeLifetimeMinutes });
    await recordAudit(tx, "code-sent", { userId: user?.id ?? null, ip: deps.ip }, deps.now);
    return { subjectId };
  });
}

/** Step 2: the emailed code. */
export async function checkPasswordResetCode(deps: AuthDeps, input: { subjectId: string; code: string }): Promise<CodeCheck> {
  return redeemCode(deps.db, { purpose: "reset-password", subjectId: input.subjectId, typed: input.code, secret: deps.secret, policy: codePolicyFor(deps.council), now: deps.now });
}

/** Step 3, after a good code: the new password. Every session ends; the user signs in again. */
export async function resetPassword(deps: AuthDeps, input: { userId: string; password: string }): Promise<{ status: "reset" } | NewPasswordProblem> {
  const problem = await problemWithNewPassword(deps, deps.db, input.userId, input.password);
  if (problem) return problem;
  await deps.db.transaction((tx) => setPassword(deps, tx, input.userId, input.password, "password-reset"));
  return { status: "reset" };
}
