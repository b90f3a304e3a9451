/** Reading and setting staff members' teams and roles (staff_memberships). */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { staffMemberships, teams, users } from "@/db/schema";
import { isUuid } from "@/lib/security/uuid";
import { CASE_ROLES, type CaseRole, type StaffRole } from "./roles";
import { inManagedTeams } from "./scope";
import type { TeamId } from "./teams";

/** A team role (caseworker or team manager, with the team) or council admin (no team). */
export type Membership = { teamId: TeamId; role: CaseRole } | { teamId: null; role: "admin" };

export type MyTeam = { id: TeamId; name: string; role: StaffRole };

/** The teams whose records this staff member works, with their role in each, by team name. */
export async function myTeams(db: Pick<DbOrTx, "select">, staff: { userId: string }): Promise<MyTeam[]> {
  if (!isUuid(staff.userId)) return [];
  return db
    .select({ id: teams.id, name: teams.name, role: staffMemberships.role })
    .from(staffMemberships)
    .innerJoin(teams, eq(teams.id, staffMemberships.teamId))
    .where(and(eq(staffMemberships.userId, staff.userId), inArray(staffMemberships.role, [...CASE_ROLES])))
    .orderBy(asc(teams.name));
}

/** Whether this staff member is a council admin. */
export async function isCouncilAdmin(db: Pick<DbOrTx, "select">, staff: { userId: string }): Promise<boolean> {
  if (!isUuid(staff.userId)) return false;
  const rows = await db.select({ id: staffMemberships.id }).from(staffMemberships).where(and(eq(staffMemberships.userId, staff.userId), eq(staffMemberships.role, "admin")));
  return rows.length > 0;
}

/** Replaces a staff member's memberships with these (one transaction, so nobody sees half of it). */
export async function setMemberships(db: DbOrTx, userId: string, memberships: readonly Membership[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(staffMemberships).where(eq(staffMemberships.userId, userId));
    if (memberships.length > 0) await tx.insert(staffMemberships).values(memberships.map((item) => ({ userId, teamId: item.teamId, role: item.role })));
  });
}

/** Whether this user works the team as caseworker or team manager: someone its work may be assigned to. */
export async function worksInTeam(db: Pick<DbOrTx, "select">, userId: string, teamId: TeamId): Promise<boolean> {
  if (!isUuid(userId)) return false;
  const rows = await db
    .select({ id: staffMemberships.id })
    .from(staffMemberships)
    .where(and(eq(staffMemberships.userId, userId), eq(staffMemberships.teamId, teamId), inArray(staffMemberships.role, [...CASE_ROLES])));
  return rows.length > 0;
}

export type Colleague = { id: string; name: string; role: StaffRole };

/**
 * The caseworkers and managers of a team, for a manager of that team to assign work to; empty for
 * anyone who does not manage it (the condition is in the query).
 */
export async function colleaguesToAssign(db: Pick<DbOrTx, "select">, manager: { userId: string }, teamId: TeamId): Promise<Colleague[]> {
  const rows = await db
    .select({ id: users.id, forename: users.forename, surname: users.surname, role: staffMemberships.role })
    .from(staffMemberships)
    .innerJoin(users, eq(users.id, staffMemberships.userId))
    .where(and(eq(staffMemberships.teamId, teamId), inArray(staffMemberships.role, [...CASE_ROLES]), inManagedTeams(sql`${teamId}`, manager)))
    .orderBy(asc(users.surname), asc(users.forename));
  return rows.map((row) => ({ id: row.id, name: `${row.forename} ${row.surname}`, role: row.role }));
}
