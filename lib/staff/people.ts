/**
 * The council admin's view of staff: everyone with a staff account (their teams and roles, last
 * sign-in, disabled or not), the invitations still open, and the changes an admin makes: teams
 * and role, disable (every session ends at once, and sign-in is refused) and re-enable. Each
 * function checks that the acting person is a council admin itself, so no caller can forget.
 * An admin cannot disable themselves or take away their own admin role, so a council always
 * keeps someone who can manage staff.
 */
import { and, asc, desc, eq, gt, inArray, isNull, max } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sessions, staffInvitations, staffMemberships, users } from "@/db/schema";
import { recordAudit } from "@/lib/auth/audit";
import { endAllSessions } from "@/lib/auth/sessions";
import type { AuthDeps } from "@/lib/auth/deps";
import { isUuid } from "@/lib/security/uuid";
import { isCouncilAdmin, setMemberships, type Membership } from "./memberships";
import { accountRoleFor, parseMemberships } from "./membership-input";
import { STAFF_ACCOUNT_ROLES } from "@/lib/auth/roles";
import { teamExists } from "./teams";

export type StaffMember = {
  id: string;
  name: string;
  email: string;
  memberships: Membership[];
  lastSignInAt: Date | null;
  disabledAt: Date | null;
};

export type OpenStaffInvitation = { id: string; name: string; email: string; memberships: Membership[]; expiresAt: Date; createdAt: Date };

async function membershipsOf(db: Pick<DbOrTx, "select">, userIds: string[]): Promise<Map<string, Membership[]>> {
  const byUser = new Map<string, Membership[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ userId: staffMemberships.userId, teamId: staffMemberships.teamId, role: staffMemberships.role })
    .from(staffMemberships)
    .where(inArray(staffMemberships.userId, userIds))
    .orderBy(asc(staffMemberships.teamId));
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), ...parseMemberships([{ teamId: row.teamId, role: row.role }])]);
  return byUser;
}

const staffColumns = { id: users.id, forename: users.forename, surname: users.surname, email: users.email, disabledAt: users.disabledAt, lastSignInAt: max(sessions.createdAt) };

/** Every staff account, by surname; empty for anyone who is not a council admin. */
export async function listStaff(db: Pick<DbOrTx, "select">, admin: { userId: string }): Promise<StaffMember[]> {
  if (!(await isCouncilAdmin(db, admin))) return [];
  const rows = await db
    .select(staffColumns)
    .from(users)
    .leftJoin(sessions, eq(sessions.userId, users.id))
    .where(inArray(users.role, [...STAFF_ACCOUNT_ROLES]))
    .groupBy(users.id)
    .orderBy(asc(users.surname), asc(users.forename), asc(users.email));
  const memberships = await membershipsOf(db, rows.map((row) => row.id));
  return rows.map((row) => ({ id: row.id, name: `${row.forename} ${row.surname}`, email: row.email, disabledAt: row.disabledAt, lastSignInAt: row.lastSignInAt, memberships: memberships.get(row.id) ?? [] }));
}

/** One staff account, for its page; null when it is not one (or the caller is not an admin). */
export async function staffMember(db: Pick<DbOrTx, "select">, admin: { userId: string }, userId: string): Promise<StaffMember | null> {
  if (!isUuid(userId) || !(await isCouncilAdmin(db, admin))) return null;
  const [row] = await db
    .select(staffColumns)
    .from(users)
    .leftJoin(sessions, eq(sessions.userId, users.id))
    .where(and(eq(users.id, userId), inArray(users.role, [...STAFF_ACCOUNT_ROLES])))
    .groupBy(users.id);
  if (!row) return null;
  const memberships = await membershipsOf(db, [row.id]);
  return { id: row.id, name: `${row.forename} ${row.surname}`, email: row.email, disabledAt: row.disabledAt, lastSignInAt: row.lastSignInAt, memberships: memberships.get(row.id) ?? [] };
}

/** Invitations not yet used, withdrawn or expired, newest first. */
export async function openStaffInvitations(db: Pick<DbOrTx, "select">, admin: { userId: string }, now: Date): Promise<OpenStaffInvitation[]> {
  if (!(await isCouncilAdmin(db, admin))) return [];
  const rows = await db
    .select()
    .from(staffInvitations)
    .where(and(isNull(staffInvitations.acceptedAt), isNull(staffInvitations.cancelledAt), gt(staffInvitations.expiresAt, now)))
    .orderBy(desc(staffInvitations.createdAt));
  return rows.map((row) => ({ id: row.id, name: `${row.forename} ${row.surname}`, email: row.email, memberships: parseMemberships(row.memberships), expiresAt: row.expiresAt, createdAt: row.createdAt }));
}

export type AccessChangeResult = "changed" | "not-found" | "own-admin-role" | "no-role" | "unknown-team";

/** Checks a set of memberships an admin asked for: at least one role, every team real. */
export async function problemWithMemberships(db: Pick<DbOrTx, "select">, memberships: readonly Membership[]): Promise<"no-role" | "unknown-team" | null> {
  if (memberships.length === 0) return "no-role";
  for (const item of memberships) if (item.teamId !== null && !(await teamExists(db, item.teamId))) return "unknown-team";
  return null;
}

/** Sets a staff member's teams and role (replacing what they had); holds from their next request. */
export async function setStaffAccess(deps: AuthDeps, admin: { userId: string }, userId: string, memberships: readonly Membership[]): Promise<AccessChangeResult> {
  if (!(await staffMember(deps.db, admin, userId))) return "not-found";
  const problem = await problemWithMemberships(deps.db, memberships);
  if (problem) return problem;
  if (userId === admin.userId && !memberships.some((item) => item.role === "admin")) return "own-admin-role";
  await deps.db.transaction(async (tx) => {
    await setMemberships(tx, userId, memberships);
    await tx.update(users).set({ role: accountRoleFor(memberships) }).where(eq(users.id, userId));
    await recordAudit(tx, "staff-access-changed", { userId: admin.userId, subjectId: userId, ip: deps.ip, detail: { memberships } }, deps.now);
  });
  return "changed";
}

export type DisableResult = "disabled" | "enabled" | "not-found" | "self";

/** Disables a staff account: every session ends now, and sign-in is refused until re-enabled. */
export async function disableStaff(deps: AuthDeps, admin: { userId: string }, userId: string): Promise<DisableResult> {
  if (!(await staffMember(deps.db, admin, userId))) return "not-found";
  if (userId === admin.userId) return "self";
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ disabledAt: deps.now }).where(and(eq(users.id, userId), isNull(users.disabledAt)));
    await endAllSessions(tx, userId, "disabled", deps.now);
    await recordAudit(tx, "staff-disabled", { userId: admin.userId, subjectId: userId, ip: deps.ip }, deps.now);
  });
  return "disabled";
}

/** Lets a disabled staff account sign in again (with its own password and an emailed code). */
export async function enableStaff(deps: AuthDeps, admin: { userId: string }, userId: string): Promise<DisableResult> {
  if (!(await staffMember(deps.db, admin, userId))) return "not-found";
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ disabledAt: null, failedSignIns: 0, lockedUntil: null }).where(eq(users.id, userId));
    await recordAudit(tx, "staff-enabled", { userId: admin.userId, subjectId: userId, ip: deps.ip }, deps.now);
  });
  return "enabled";
}
