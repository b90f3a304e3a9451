/**
 * Memberships as the admin area posts them and as an invitation stores them. The form has one
 * choice per team (field `team-<team id>`: none, caseworker or team-manager) and a "council admin"
 * box (`admin=yes`); together they become the rows of staff_memberships.
 */
import { z } from "zod";
import type { AccountRole } from "@/lib/auth/roles";
import type { Membership } from "./memberships";
import { CASE_ROLES } from "./roles";

export const TEAM_CHOICES = ["none", ...CASE_ROLES] as const;
export type TeamChoice = (typeof TEAM_CHOICES)[number];

/** The posted field that holds a team's choice: `team-<team id>`. */
export const teamField = (teamId: string) => `team-${teamId}`;

export const NO_ROLE_MESSAGE = "Choose a role in at least one team, or make them a council admin";

/**
 * The memberships a posted form asks for: each `team-<id>` field's role (none left out), then
 * admin if `admin` is "yes". A value that is not one of the choices is refused, not ignored.
 */
export function membershipsFromFields(fields: Record<string, unknown>, ctx: z.RefinementCtx): Membership[] {
  const memberships: Membership[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const teamId = /^team-([a-z0-9-]{1,40})$/.exec(key)?.[1];
    if (!teamId) continue;
    if (!(TEAM_CHOICES as readonly unknown[]).includes(value)) {
      ctx.addIssue({ code: "custom", path: ["teams"], message: "Choose a role for each team" });
      continue;
    }
    if (value !== "none") memberships.push({ teamId, role: value as Exclude<TeamChoice, "none"> });
  }
  if (fields.admin === "yes") memberships.push({ teamId: null, role: "admin" });
  if (memberships.length === 0) ctx.addIssue({ code: "custom", path: ["teams"], message: NO_ROLE_MESSAGE });
  return memberships;
}

const storedMembership = z.union([
  z.object({ teamId: z.string().min(1), role: z.enum(CASE_ROLES) }),
  z.object({ teamId: z.null(), role: z.literal("admin") }),
]);

/** An invitation's stored memberships (jsonb), checked on the way out as on the way in. */
export const parseMemberships = (value: unknown): Membership[] => z.array(storedMembership).parse(value);

/** The account kind that goes with a set of memberships: admin when one of them is. */
export const accountRoleFor = (memberships: readonly Membership[]): AccountRole => (memberships.some((item) => item.role === "admin") ? "admin" : "caseworker");
