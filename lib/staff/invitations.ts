/**
 * Inviting staff (council admins only): the admin names the person, their teams and role; the
 * person gets an emailed activation link (stored only as a keyed hash, single use, 7 days) and
 * chooses their own password on it. The account is made at that moment, already verified (the
 * link reached the address), with the memberships the admin chose; they then sign in with the
 * password and a code emailed to them, as at every sign-in. No password is ever shown, printed
 * or emailed. Inviting an address again replaces its open invitation (a resend).
 */
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { passwordHistory, councils, staffInvitations, users } from "@/db/schema";
import { recordAudit } from "@/lib/auth/audit";
import { hashPassword } from "@/lib/auth/password";
import { checkPassword, passwordPolicyFor, type PasswordRuleId } from "@/lib/auth/password-policy";
import { normaliseEmail, type AuthDeps } from "@/lib/auth/deps";
import { hashLinkToken, newLinkToken } from "@/lib/send/secrets";
import { isCouncilAdmin, setMemberships, type Membership } from "./memberships";
import { accountRoleFor, parseMemberships } from "./membership-input";
import { problemWithMemberships } from "./people";

export const STAFF_INVITATION_DAYS = 7;

export type InviteInput = { email: string; forename: string; surname: string; memberships: readonly Membership[] };

export type InviteResult = { status: "invited"; invitationId: string } | { status: "exists" } | { status: "forbidden" } | { status: "no-role" } | { status: "unknown-team" };

const emailIs = (column: typeof users.email | typeof staffInvitations.email, email: string) => sql`lower(${column}) = ${normaliseEmail(email)}`;

/** Invites a person to a staff account. `activationUrl` turns the token into the emailed link. */
export async function inviteStaff(deps: AuthDeps, admin: { userId: string; name: string }, input: InviteInput, activationUrl: (token: string) => string): Promise<InviteResult> {
  if (!(await isCouncilAdmin(deps.db, admin))) return { status: "forbidden" };
  const existing = await deps.db.select({ id: users.id }).from(users).where(emailIs(users.email, input.email));
  if (existing.length > 0) return { status: "exists" };
  const problem = await problemWithMemberships(deps.db, input.memberships);
  if (problem) return { status: problem };
  const token = newLinkToken();
  return deps.db.transaction(async (tx) => {
    // A second invitation to the same address replaces the first: only the newest link works.
    await tx
      .update(staffInvitations)
      .set({ cancelledAt: deps.now })
      .where(and(emailIs(staffInvitations.email, input.email), isNull(staffInvitations.acceptedAt), isNull(staffInvitations.cancelledAt)));
    const [row] = await tx
      .insert(staffInvitations)
      .values({
        email: input.email.trim(),
        forename: input.forename,
        surname: input.surname,
        memberships: input.memberships,
        linkHash: hashLinkToken(deps.secret, token, "staff-invite"),
        expiresAt: new Date(deps.now.getTime() + STAFF_INVITATION_DAYS * 86_400_000),
        createdAt: deps.now,
        createdBy: admin.userId,
      })
      .returning({ id: staffInvitations.id });
    if (!row) throw new Error("invitation insert returned no row");
    await deps.mail(tx, { kind: "staff-invitation", to: input.email.trim(), link: activationUrl(token), days: STAFF_INVITATION_DAYS, invitedBy: admin.name });
    await recordAudit(tx, "staff-invited", { userId: admin.userId, subjectId: row.id, ip: deps.ip, detail: { memberships: input.memberships } }, deps.now);
    return { status: "invited" as const, invitationId: row.id };
  });
}

/** Withdraws an open invitation: its link stops working. */
export async function cancelStaffInvitation(deps: AuthDeps, admin: { userId: string }, invitationId: string): Promise<"cancelled" | "not-found"> {
  if (!(await isCouncilAdmin(deps.db, admin))) return "not-found";
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(staffInvitations)
      .set({ cancelledAt: deps.now })
      .where(and(eq(staffInvitations.id, invitationId), isNull(staffInvitations.acceptedAt), isNull(staffInvitations.cancelledAt)))
      .returning({ id: staffInvitations.id });
    if (rows.length === 0) return "not-found" as const;
    await recordAudit(tx, "staff-invitation-cancelled", { userId: admin.userId, subjectId: invitationId, ip: deps.ip }, deps.now);
    return "cancelled" as const;
  });
}

export type OpenInvitation = { id: string; email: string; forename: string; surname: string };

/** The invitation a link names, if it can still be used (not used, withdrawn or expired). */
export async function openInvitation(db: Pick<DbOrTx, "select">, secret: string, token: string, now: Date): Promise<OpenInvitation | null> {
  if (token.length === 0 || token.length > 100) return null;
  const [row] = await db
    .select({ id: staffInvitations.id, email: staffInvitations.email, forename: staffInvitations.forename, surname: staffInvitations.surname })
    .from(staffInvitations)
    .where(and(eq(staffInvitations.linkHash, hashLinkToken(secret, token, "staff-invite")), isNull(staffInvitations.acceptedAt), isNull(staffInvitations.cancelledAt), gt(staffInvitations.expiresAt, now)));
  return row ?? null;
}

export type ActivateResult = { status: "activated"; userId: string; email: string } | { status: "link-invalid" } | { status: "exists" } | { status: "policy"; failures: PasswordRuleId[] };

/** The person on the link chooses their password: the account is made, with its teams, in one transaction. */
export async function activateStaffAccount(deps: AuthDeps, token: string, password: string): Promise<ActivateResult> {
  const invitation = await openInvitation(deps.db, deps.secret, token, deps.now);
  if (!invitation) return { status: "link-invalid" };
  const failures = checkPassword(password, passwordPolicyFor(deps.council), { email: invitation.email, forename: invitation.forename, surname: invitation.surname });
  if (failures.length > 0) return { status: "policy", failures };
  const passwordHash = await hashPassword(password);
  return deps.db.transaction(async (tx) => {
    // Locks the row: two tabs posting the same link make one account.
    const [row] = await tx
      .select()
      .from(staffInvitations)
      .where(and(eq(staffInvitations.id, invitation.id), isNull(staffInvitations.acceptedAt), isNull(staffInvitations.cancelledAt)))
      .for("update");
    if (!row) return { status: "link-invalid" as const };
    const taken = await tx.select({ id: users.id }).from(users).where(emailIs(users.email, row.email));
    if (taken.length > 0) return { status: "exists" as const };
    const memberships = parseMemberships(row.memberships);
    const [council] = await tx.select({ id: councils.id }).from(councils).limit(1);
    if (!council) throw new Error("no council is set up");
    const [user] = await tx
      .insert(users)
      .values({ councilId: council.id, email: row.email, role: accountRoleFor(memberships), passwordHash, forename: row.forename, surname: row.surname, emailVerifiedAt: deps.now, termsAcceptedAt: deps.now })
      .returning({ id: users.id });
    if (!user) throw new Error("user insert returned no row");
    await tx.insert(passwordHistory).values({ userId: user.id, passwordHash, createdAt: deps.now });
    await setMemberships(tx, user.id, memberships);
    await tx.update(staffInvitations).set({ acceptedAt: deps.now, userId: user.id }).where(eq(staffInvitations.id, row.id));
    await recordAudit(tx, "staff-activated", { userId: user.id, subjectId: row.id, ip: deps.ip }, deps.now);
    return { status: "activated" as const, userId: user.id, email: row.email };
  });
}
