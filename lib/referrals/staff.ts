/**
 * Who may use the staff side: see lib/auth/roles.ts (account kinds) and lib/staff (team roles,
 * the SQL that scopes every staff query by team). Every function in lib/referrals that acts for
 * staff takes the acting user, checks the account kind and scopes its query by the user's teams
 * itself, so a page or action that forgets (or a forged call) still gets nothing.
 *
 * The barrel's name for the acting staff member; the type itself lives in lib/auth/roles.ts.
 */
export type { StaffUser } from "@/lib/auth/roles";
