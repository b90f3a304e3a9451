/**
 * Who may use the staff side: see lib/auth/roles.ts (account kinds) and lib/staff (team roles,
 * the SQL that scopes every staff query by team). Every function in lib/referrals that acts for
 * staff takes the acting user, checks the account kind and scopes its query by the user's teams
 * itself, so a page or action that forgets (or a forged call) still gets nothing.
 *
 * Re-exports only, for the referrals barrel and for lib/send/cases.ts and lib/send/documents.ts
 * (being split on another branch, issue 20); new code imports from the owners.
 */
export { assertStaff, isStaff, NotStaffError, type StaffUser } from "@/lib/auth/roles";
export { isUuid } from "@/lib/security/uuid";
