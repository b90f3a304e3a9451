/**
 * Registering: details and a password first, then the emailed code proves the address and
 * creates the account, then the terms are accepted and the user is signed in.
 *
 * No account enumeration: an address that already has an account gets exactly the same pages;
 * its owner receives an email saying someone tried to register, and no code will ever work.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { councils, passwordHistory, registrations, users } from "@/db/schema";
import { hashPassword } from "./password";
import { issueCode, redeemCode, type CodeCheck } from "./codes";
import { recordAudit } from "./audit";
import { throttleCodeIssue } from "./code-issuing";
import { userColumnsFrom } from "./update-account";
import { startSession } from "./sessions";
import { codePolicyFor, normaliseEmail, type AuthDeps } from "./deps";

export type RegistrationDetails = {
  forename: string;
  surname: string;
  isProfessional: boolean;
  organisation?: string;
  jobRole?: string;
  propertyName?: string;
  houseNumber?: string;
  street: string;
  area?: string;
  town?: string;
  postcode: string;
};

async function emailHasAccount(db: DbOrTx, email: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${normaliseEmail(email)}`);
  return rows.length > 0;
}

/** Step 1: the person's details. Given an id, updates that registration (after "Back"). */
export async function saveRegistrationDetails(deps: AuthDeps, input: { registrationId?: string | null; details: RegistrationDetails }): Promise<{ registrationId: string }> {
  const { db, now } = deps;
  if (input.registrationId) {
    const updated = await db
      .update(registrations)
      .set({ details: input.details })
      .where(and(eq(registrations.id, input.registrationId), isNull(registrations.userId)))
      .returning({ id: registrations.id });
    if (updated[0]) return { registrationId: updated[0].id };
  }
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  if (!council) throw new Error("no council is set up");
  const [row] = await db.insert(registrations).values({ councilId: council.id, details: input.details, createdAt: now }).returning({ id: registrations.id });
  if (!row) throw new Error("registration insert returned no row");
  return { registrationId: row.id };
}

export async function findRegistration(deps: AuthDeps, registrationId: string) {
  const [row] = await deps.db.select().from(registrations).where(and(eq(registrations.id, registrationId), isNull(registrations.userId)));
  return row ? { details: row.details as RegistrationDetails, email: row.email } : null;
}

/**
 * Issues a code for the registration and emails it, or, when the address already has an
 * account, issues a code that is never sent (so every later answer - wrong, expired, cooldown,
 * cancelled - is the same as for a new address) and tells the owner instead. Codes (and so
 * emails) to one address are limited per hour whatever the registrations (code-issuing.ts):
 * over the limit nothing is issued or sent, and a resend answers "cooldown" with the wait.
 */
async function issueRegistrationCode(deps: AuthDeps, tx: DbOrTx, registrationId: string, email: string, ignoreCooldown: boolean) {
  const { now, council } = deps;
  const issued = await issueCode(tx, {
    purpose: "verify-email",
    subjectId: registrationId,
    secret: deps.secret,
    policy: codePolicyFor(council),
    now,
    ignoreCooldown,
    beforeIssuing: () => throttleCodeIssue(deps, tx, "verify-email", normaliseEmail(email)),
  });
  if (issued.status === "cooldown") return issued;
  if (await emailHasAccount(tx, email)) await deps.mail(tx, { kind: "already-registered", to: email });
  else await deps.mail(tx, { kind: "verify-email", to: email, code: issued.code, minutes: council.codeLifetimeMinutes });
  await recordAudit(tx, "code-sent", { subjectId: registrationId, ip: deps.ip }, now);
  return { status: "issued" as const };
}

/** Step 2: the email address and password; sends the code (or tells an existing owner). */
export async function setRegistrationCredentials(deps: AuthDeps, input: { registrationId: string; email: string; password: string }): Promise<{ status: "code-sent" } | { status: "gone" }> {
  const passwordHash = await hashPassword(input.password);
  const email = input.email.trim();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(registrations)
      .set({ email, passwordHash })
      .where(and(eq(registrations.id, input.registrationId), isNull(registrations.userId)))
      .returning({ id: registrations.id });
    if (!row) return { status: "gone" as const };
    await issueRegistrationCode(deps, tx, row.id, email, true);
    return { status: "code-sent" as const };
  });
}

export async function resendRegistrationCode(deps: AuthDeps, registrationId: string) {
  return deps.db.transaction(async (tx) => {
    const [registration] = await tx.select().from(registrations).where(and(eq(registrations.id, registrationId), isNull(registrations.userId)));
    if (!registration?.email) return { status: "issued" as const };
    return issueRegistrationCode(deps, tx, registrationId, registration.email, false);
  });
}

export type VerifyRegistrationResult = { status: "verified"; userId: string } | { status: Exclude<CodeCheck, "ok"> };

/** The code proves the address: the account is created (terms still to accept). */
export async function verifyRegistration(deps: AuthDeps, input: { registrationId: string; code: string }): Promise<VerifyRegistrationResult> {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    const [registration] = await tx.select().from(registrations).where(eq(registrations.id, input.registrationId));
    if (!registration?.email || !registration.passwordHash) return { status: "no-code" as const };
    if (registration.userId) return { status: "used" as const };
    // Guesses count per address, not per registration: a new registration buys no new guesses.
    const account = normaliseEmail(registration.email);
    const check = await redeemCode(tx, { purpose: "verify-email", subjectId: registration.id, account, typed: input.code, secret: deps.secret, policy: codePolicyFor(deps.council), now });
    if (check !== "ok") {
      await recordAudit(tx, "code-refused", { subjectId: registration.id, ip: deps.ip }, now);
      return { status: check };
    }
    // Two registrations of one new address, both verified: the second finds it taken.
    if (await emailHasAccount(tx, registration.email)) return { status: "used" as const };
    const details = registration.details as RegistrationDetails;
    const [user] = await tx
      .insert(users)
      .values({
        councilId: registration.councilId,
        email: registration.email,
        role: "referrer",
        passwordHash: registration.passwordHash,
        ...userColumnsFrom(details),
        emailVerifiedAt: now,
      })
      .returning({ id: users.id });
    if (!user) throw new Error("user insert returned no row");
    await tx.update(registrations).set({ userId: user.id }).where(eq(registrations.id, registration.id));
    await tx.insert(passwordHistory).values({ userId: user.id, passwordHash: registration.passwordHash, createdAt: now });
    await recordAudit(tx, "registered", { userId: user.id, subjectId: registration.id, ip: deps.ip }, now);
    return { status: "verified" as const, userId: user.id };
  });
}

/** "I agree to these Terms and Conditions": recorded, and the user is signed in. */
export async function acceptTerms(deps: AuthDeps, userId: string): Promise<{ sessionId: string }> {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    await tx.update(users).set({ termsAcceptedAt: now }).where(eq(users.id, userId));
    const sessionId = await startSession(tx, userId, now);
    await recordAudit(tx, "signed-in", { userId, subjectId: sessionId, ip: deps.ip }, now);
    return { sessionId };
  });
}
