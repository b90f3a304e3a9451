/**
 * Team memberships for test staff (issue 16): every staff query is scoped by the acting user's
 * teams, so a test caseworker needs teams to see anything.
 */
import { setMemberships, type Membership } from "@/lib/staff/memberships";
import { SEEDED_TEAMS } from "@/lib/staff/teams";
import { db } from "@/tests/support/auth-fixture";

export const EVERY_TEAM = SEEDED_TEAMS.map((team) => team.id);

/** Makes the user a caseworker (or team manager) of these teams, and a council admin too when asked. */
export async function joinTeams(userId: string, teams: readonly string[], role: "caseworker" | "team-manager" = "caseworker", { isAdmin = false } = {}): Promise<void> {
  const memberships: Membership[] = teams.map((teamId) => ({ teamId, role }));
  if (isAdmin) memberships.push({ teamId: null, role: "admin" });
  await setMemberships(db, userId, memberships);
}

/** What the older tests' staff were before teams: a caseworker works every team; an "admin" is a council admin and manages every team. */
export async function joinEveryTeam(userId: string, accountRole: string): Promise<void> {
  if (accountRole === "caseworker") await joinTeams(userId, EVERY_TEAM);
  if (accountRole === "admin") await joinTeams(userId, EVERY_TEAM, "team-manager", { isAdmin: true });
}
