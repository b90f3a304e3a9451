/**
 * Signing in, in two steps: email and password, then the code emailed at every sign-in.
 * A wrong email, a wrong password and a locked account all get the same answer, after the same
 * work (one Argon2 verification each). Wrong passwords count on the account (ten lock it for a
 * while and tell its owner); failed attempts also count per IP address, and an address over its
 * limit is refused before any password is checked. Successful sign-ins do not count, so an
 * office signing in hundreds of people from one address is never locked out by them. Counters
 * live in Postgres, shared by every app instance.
 */
import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "./password";
import { issueCode, redeemCode, type CodeCheck } from "./codes";
import { throttleCodeIssue } from "./code-issuing";
import { recordAudit } from "./audit";
import { endAllSessions, startSession } from "./sessions";
import { hitThrottle, refundThrottle } from "./throttle";
import { codePolicyFor, normaliseEmail, type AuthDeps } from "./deps";
import { portalMetrics } from "@/lib/metrics/registry";

/** "disabled" only after the right password: someone who does not know it learns nothing from the answer. */
export type BeginSignInResult = { status: "code-sent"; userId: string } | { status: "invalid" } | { status: "disabled" } | { status: "throttled"; retryAfterSeconds: number };

/** Failed attempts from one IP address are counted over 15 minutes (the limit is a council setting). */
const SIGN_IN_IP_WINDOW_SECONDS = 15 * 60;

// Verifying against a real hash when the email is unknown keeps both answers equally slow.
let decoyHash: Promise<string> | undefined;

/** portal_sign_in_failures_total: by reason only, never by address or account. */
function countFailure(reason: "unknown-email" | "wrong-password" | "locked" | "disabled" | "throttled" | "code-refused"): void {
  portalMetrics().signInFailures.inc({ reason });
}

export async function findUserByEmail(deps: AuthDeps, email: string) {
  const [user] = await deps.db.select().from(users).where(sql`lower(${users.email}) = ${normaliseEmail(email)}`);
  return user;
}

export async function beginSignIn(deps: AuthDeps, input: { email: string; password: string }): Promise<BeginSignInResult> {
  const { db, now, council } = deps;
  // The attempt is counted before the password is checked and given back if it succeeds, so
  // only failures count and parallel guesses from one address cannot overshoot the limit.
  const ipKey = deps.ip ? `sign-in:ip:${deps.ip}` : null;
  if (ipKey) {
    const throttle = await hitThrottle(db, ipKey, { limit: council.signInAttemptsPerIp, windowSeconds: SIGN_IN_IP_WINDOW_SECONDS }, now);
    if (!throttle.allowed) {
      countFailure("throttled");
      return { status: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };
    }
  }
  const user = await findUserByEmail(deps, input.email);
  // One verification whatever the branch: an unknown address, a locked account and a wrong
  // password must take the same time as each other.
  const isPasswordRight = await verifyPassword(user?.passwordHash ?? (await (decoyHash ??= hashPassword("decoy password for unknown emails"))), input.password);
  if (!user || (user.lockedUntil && user.lockedUntil > now)) {
    await recordAudit(db, "sign-in-failed", { userId: user?.id ?? null, ip: deps.ip }, now);
    countFailure(user ? "locked" : "unknown-email");
    return { status: "invalid" };
  }
  if (!isPasswordRight) {
    await recordFailedPassword(deps, user.id, user.email);
    countFailure("wrong-password");
    return { status: "invalid" };
  }
  if (ipKey) await refundThrottle(db, ipKey);
  if (user.disabledAt) {
    await recordAudit(db, "sign-in-failed", { userId: user.id, ip: deps.ip }, now);
    countFailure("disabled");
    return { status: "disabled" };
  }
  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
    // Only someone who knows the password gets here, so saying "too many" reveals nothing new.
    const allowed = await throttleCodeIssue(deps, tx, "sign-in", user.id);
    if (!allowed.allowed) {
      countFailure("throttled");
      return { status: "throttled" as const, retryAfterSeconds: allowed.retryAfterSeconds };
    }
    const issued = await issueCode(tx, { purpose: "sign-in", subjectId: user.id, secret: deps.secret, policy: codePolicyFor(council), now, ignoreCooldown: true });
    if (issued.status !== "issued") throw new Error("a sign-in code is always issued");
    await deps.mail(tx, { kind: "sign-in-code", to: user.email, code: issued.code, minutes: council.codeLifetimeMinutes });
    await recordAudit(tx, "code-sent", { userId: user.id, ip: deps.ip }, now);
    return { status: "code-sent" as const, userId: user.id };
  });
}

/** Counts a wrong password; the council's limit locks the account, ends its sessions and tells its owner. */
export async function recordFailedPassword(deps: AuthDeps, userId: string, email: string) {
  const { now, council } = deps;
  await deps.db.transaction(async (tx) => {
    const [counted] = await tx
      .update(users)
      .set({ failedSignIns: sql`${users.failedSignIns} + 1` })
      .where(eq(users.id, userId))
      .returning({ failedSignIns: users.failedSignIns });
    await recordAudit(tx, "sign-in-failed", { userId, ip: deps.ip }, now);
    if ((counted?.failedSignIns ?? 0) < council.maxFailedAttempts) return;
    await tx.update(users).set({ failedSignIns: 0, lockedUntil: new Date(now.getTime() + council.lockoutMinutes * 60_000) }).where(eq(users.id, userId));
    await endAllSessions(tx, userId, "locked", now);
    await deps.mail(tx, { kind: "account-locked", to: email, minutes: council.lockoutMinutes });
    await recordAudit(tx, "locked", { userId, ip: deps.ip }, now);
  });
}

/**
 * A new code for a sign-in awaiting one ("Please send me a new code"), after the cooldown and
 * within the hourly limits of codes; over those it answers "cooldown" with the wait, and the
 * code already sent stays live.
 */
export async function resendSignInCode(deps: AuthDeps, userId: string) {
  const { now, council } = deps;
  return deps.db.transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email, disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId));
    if (!user || user.disabledAt) return { status: "issued" as const };
    const issued = await issueCode(tx, { purpose: "sign-in", subjectId: userId, secret: deps.secret, policy: codePolicyFor(council), now, beforeIssuing: () => throttleCodeIssue(deps, tx, "sign-in", userId) });
    if (issued.status === "cooldown") return issued;
    await deps.mail(tx, { kind: "sign-in-code", to: user.email, code: issued.code, minutes: council.codeLifetimeMinutes });
    await recordAudit(tx, "code-sent", { userId, ip: deps.ip }, now);
    return { status: "issued" as const };
  });
}

export type CompleteSignInResult =
  | { status: "signed-in"; sessionId: string }
  /** Registered but left before accepting the terms: no session until they do (acceptTerms). */
  | { status: "needs-terms"; userId: string }
  | { status: Exclude<CodeCheck, "ok"> };

export async function completeSignIn(deps: AuthDeps, input: { userId: string; code: string }): Promise<CompleteSignInResult> {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    const check = await redeemCode(tx, { purpose: "sign-in", subjectId: input.userId, typed: input.code, secret: deps.secret, policy: codePolicyFor(deps.council), now });
    if (check !== "ok") {
      await recordAudit(tx, "code-refused", { userId: input.userId, ip: deps.ip }, now);
      countFailure("code-refused");
      return { status: check };
    }
    const [user] = await tx.select({ termsAcceptedAt: users.termsAcceptedAt, disabledAt: users.disabledAt }).from(users).where(eq(users.id, input.userId));
    // Disabled between the password and the code: the code is no good any more.
    if (user?.disabledAt) return { status: "cancelled" as const };
    if (!user?.termsAcceptedAt) return { status: "needs-terms" as const, userId: input.userId };
    const sessionId = await startSession(tx, input.userId, now);
    await recordAudit(tx, "signed-in", { userId: input.userId, subjectId: sessionId, ip: deps.ip }, now);
    return { status: "signed-in" as const, sessionId };
  });
}
