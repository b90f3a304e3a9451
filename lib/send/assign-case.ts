/**
 * A team manager gives a SEND case to another caseworker of the case's team (the case's
 * "Caseworker", and their My work). Another team's case is "not-found", like a missing one; a
 * caseworker who does not manage the team is "forbidden"; the new caseworker must work in it.
 */
import { and, eq, sql } from "drizzle-orm";
import { sendCases } from "@/db/schema";
import { isStaff } from "@/lib/auth/roles";
import { isUuid } from "@/lib/security/uuid";
import { worksInTeam } from "@/lib/staff/memberships";
import { inManagedTeams, inMyTeams } from "@/lib/staff/scope";
import type { Forbidden, Invalid, NotFound } from "./cases";
import { todayOf, type SendDeps, type StaffUser } from "./deps";
import { recordCaseEvent, recordSendAudit } from "./events";

export async function assignCase(deps: SendDeps, staff: StaffUser, input: { caseId: string; caseworkerId: string }): Promise<{ status: "done" } | Invalid | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(input.caseId)) return { status: "not-found" };
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: sendCases.id, team: sendCases.team, manages: sql<boolean>`${inManagedTeams(sendCases.team, staff)}` })
      .from(sendCases)
      .where(and(eq(sendCases.id, input.caseId), inMyTeams(sendCases.team, staff)))
      .for("update", { of: sendCases });
    if (!row) return { status: "not-found" } as const;
    if (!row.manages) return { status: "forbidden" } as const;
    if (!(await worksInTeam(tx, input.caseworkerId, row.team))) return { status: "invalid", errors: { assignee: "Select a caseworker of this case's team" } } as const;
    await tx.update(sendCases).set({ caseworkerId: input.caseworkerId }).where(eq(sendCases.id, row.id));
    await recordCaseEvent(tx, { caseId: row.id, kind: "caseworker-assigned", eventDate: todayOf(deps), at: deps.now, actorId: staff.userId, detail: { userId: input.caseworkerId } });
    await recordSendAudit(tx, "send-case-assigned", { userId: staff.userId, caseId: row.id, ip: staff.ip }, deps.now);
    return { status: "done" } as const;
  });
}
