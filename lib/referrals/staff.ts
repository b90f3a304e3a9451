/**
 * Who may use the staff side: caseworkers and admins. Every function in lib/referrals that acts
 * for staff takes the acting user and checks the role itself, so a page or action that forgets
 * (or a forged call) still gets nothing.
 */
export type UserRole = "referrer" | "parent" | "caseworker" | "admin";

/** The acting user, from the session. `ip` goes into the audit rows when known. */
export type StaffUser = { userId: string; role: UserRole; ip?: string | null };

export class NotStaffError extends Error {
  constructor() {
    super("only caseworkers and admins may do this");
    this.name = "NotStaffError";
  }
}

export function isStaff(user: Pick<StaffUser, "role"> | null | undefined): boolean {
  return user?.role === "caseworker" || user?.role === "admin";
}

/** Throws NotStaffError unless the user is a caseworker or an admin. */
export function assertStaff(user: Pick<StaffUser, "role"> | null | undefined): void {
  if (!isStaff(user)) throw new NotStaffError();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids arrive from URLs and posts: anything that is not a uuid is "not found", not a database error. */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);
