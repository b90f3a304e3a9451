/**
 * The one rule of staff access, as SQL for a query's own WHERE: a record is visible to a staff
 * member when its team is one they work in as caseworker or team manager. It reads
 * staff_memberships inside the query, so there is no earlier check to forget and a changed
 * membership holds from the next query. Another team's record then matches no row, exactly like
 * one that does not exist (callers answer 404).
 */
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { staffMemberships } from "@/db/schema";
import { isUuid } from "@/lib/security/uuid";
import { CASE_ROLES, type StaffRole } from "./roles";

const roleList = (roles: readonly StaffRole[]) =>
  sql.join(
    roles.map((role) => sql`${role}`),
    sql`, `,
  );

/** `team IN (the teams this user holds one of `roles` in)`; false for anything but a user id. */
export function teamsWhere(team: AnyPgColumn | SQL, userId: string, roles: readonly StaffRole[] = CASE_ROLES): SQL {
  if (!isUuid(userId)) return sql`false`;
  return sql`${team} in (select ${staffMemberships.teamId} from ${staffMemberships} where ${staffMemberships.userId} = ${userId} and ${staffMemberships.role} in (${roleList(roles)}))`;
}

/** Records of the acting staff member's teams (caseworker or team manager). */
export const inMyTeams = (team: AnyPgColumn | SQL, staff: { userId: string }): SQL => teamsWhere(team, staff.userId);

/** Records of the teams the acting staff member manages. */
export const inManagedTeams = (team: AnyPgColumn | SQL, staff: { userId: string }): SQL => teamsWhere(team, staff.userId, ["team-manager"]);
