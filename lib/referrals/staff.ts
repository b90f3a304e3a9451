/**
 * Who may use the staff side: see lib/staff (account kinds, team roles, the SQL that scopes every
 * staff query by team). Every function in lib/referrals that acts for staff takes the acting user,
 * checks the account kind and scopes its query by the user's teams itself, so a page or action
 * that forgets (or a forged call) still gets nothing.
 */
export { assertStaff, isStaff, NotStaffError, type AccountRole as UserRole, type StaffUser } from "@/lib/staff/roles";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids arrive from URLs and posts: anything that is not a uuid is "not found", not a database error. */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);
