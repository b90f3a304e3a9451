/**
 * Who an account is, in one place. An account's kind (`users.role`) says whether it is council
 * staff at all; what a staff member may open is then decided by their team memberships
 * (lib/staff/roles.ts names the team roles, lib/staff/scope.ts turns them into SQL).
 */
import type { userRole } from "@/db/schema";

/** The kind of account: referrer, parent, or council staff (caseworker and admin are both staff accounts). */
export type AccountRole = (typeof userRole.enumValues)[number];

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
