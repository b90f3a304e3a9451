/**
 * Who is who on the staff side, in one place. An account's kind (`users.role`) says whether it is
 * council staff at all; what a staff member may open is decided by their team memberships
 * (`staff_memberships`): caseworker or team manager of a team works that team's records; a
 * council admin manages people and settings and, as admin alone, opens no record.
 */
import type { staffRole, userRole } from "@/db/schema";

/** The kind of account: referrer, parent, or council staff (caseworker and admin are both staff accounts). */
export type AccountRole = (typeof userRole.enumValues)[number];

/** A role in a team (or, for admin, in the council). */
export type StaffRole = (typeof staffRole.enumValues)[number];

export const STAFF_ROLES = ["caseworker", "team-manager", "admin"] as const satisfies readonly StaffRole[];

/** The roles that open a team's records: a council admin alone does not. */
export const CASE_ROLES = ["caseworker", "team-manager"] as const satisfies readonly StaffRole[];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = { caseworker: "Caseworker", "team-manager": "Team manager", admin: "Council admin" };

export const isStaffRole = (value: unknown): value is StaffRole => typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);

/** The acting user, from the session. `ip` goes into the audit rows when known. */
export type StaffUser = { userId: string; role: AccountRole; ip?: string | null };

/** Account kinds that are council staff. */
export const STAFF_ACCOUNT_ROLES = ["caseworker", "admin"] as const satisfies readonly AccountRole[];

export class NotStaffError extends Error {
  constructor() {
    super("only council staff may do this");
    this.name = "NotStaffError";
  }
}

/** Whether the account is a council staff account (what it may open is then up to its teams). */
export function isStaff(user: Pick<StaffUser, "role"> | null | undefined): boolean {
  return (STAFF_ACCOUNT_ROLES as readonly string[]).includes(user?.role ?? "");
}

/** Throws NotStaffError unless the account is a staff account. */
export function assertStaff(user: Pick<StaffUser, "role"> | null | undefined): void {
  if (!isStaff(user)) throw new NotStaffError();
}
