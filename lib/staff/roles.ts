/**
 * The roles a staff member holds in a team: caseworker or team manager of a team works that
 * team's records; a council admin manages people and settings and, as admin alone, opens no
 * record. Whether an account is staff at all is its kind (lib/auth/roles.ts).
 */
import type { staffRole } from "@/db/schema";

/** A role in a team (or, for admin, in the council). */
export type StaffRole = (typeof staffRole.enumValues)[number];

export const STAFF_ROLES = ["caseworker", "team-manager", "admin"] as const satisfies readonly StaffRole[];

/** The roles that open a team's records: a council admin alone does not. */
export const CASE_ROLES = ["caseworker", "team-manager"] as const satisfies readonly StaffRole[];
export type CaseRole = (typeof CASE_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = { caseworker: "Caseworker", "team-manager": "Team manager", admin: "Council admin" };

export const isStaffRole = (value: unknown): value is StaffRole => typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);
