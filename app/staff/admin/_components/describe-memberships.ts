import type { Membership } from "@/lib/staff/memberships";
import { STAFF_ROLE_LABELS } from "@/lib/staff/roles";

/** "Early Help: Team manager; LADO: Caseworker; Council admin", or "No team or role". */
export function describeMemberships(memberships: readonly Membership[], teamName: (id: string) => string): string {
  if (memberships.length === 0) return "No team or role";
  return memberships.map((item) => (item.teamId === null ? STAFF_ROLE_LABELS.admin : `${teamName(item.teamId)}: ${STAFF_ROLE_LABELS[item.role]}`)).join("; ");
}

/** The form values that show these memberships (for the person's page). */
export function membershipValues(memberships: readonly Membership[]): Record<string, string> {
  return Object.fromEntries(memberships.map((item) => (item.teamId === null ? ["admin", "yes"] : [`team-${item.teamId}`, item.role])));
}
