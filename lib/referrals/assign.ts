/**
 * A team manager gives a referral to a caseworker of the referral's team ("My work"). The lock
 * reads the referral in the manager's teams only (another team's is "not-found", like a missing
 * one); a caseworker who is not a manager of the team is "forbidden"; the assignee must work in
 * that team. The change, its event and its audit row are one transaction.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { submissions } from "@/db/schema";
import { worksInTeam } from "@/lib/staff/memberships";
import { inManagedTeams, inMyTeams } from "@/lib/staff/scope";
import { recordReferralEvent, recordStaffAudit } from "./events";
import type { ReferralDeps } from "./deps";
import type { ActionResult } from "./referral";
import { isStaff, type StaffUser } from "@/lib/auth/roles";
import { isUuid } from "@/lib/security/uuid";
import { invalid } from "@/lib/result";

export async function assignReferral(deps: Pick<ReferralDeps, "db" | "now">, staff: StaffUser, input: { id: string; assigneeId: string }): Promise<ActionResult> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(input.id)) return { status: "not-found" };
  return deps.db.transaction(async (tx): Promise<ActionResult> => {
    const [row] = await tx
      .select({ id: submissions.id, team: submissions.team, status: submissions.status, manages: sql<boolean>`${inManagedTeams(submissions.team, staff)}` })
      .from(submissions)
      .where(and(eq(submissions.id, input.id), inMyTeams(submissions.team, staff)))
      .for("update", { of: submissions });
    if (!row) return { status: "not-found" };
    if (!row.manages) return { status: "forbidden" };
    if (row.status === "closed") return { status: "wrong-state", current: row.status };
    if (!(await worksInTeam(tx, input.assigneeId, row.team))) return invalid("assignee", "Select a caseworker of this referral's team");
    await tx.update(submissions).set({ assignedTo: input.assigneeId }).where(eq(submissions.id, row.id));
    await recordReferralEvent(tx, { submissionId: row.id, actorId: staff.userId, kind: "assigned", detail: { assignedTo: input.assigneeId }, at: deps.now });
    await recordStaffAudit(tx, "referral-assigned", { userId: staff.userId, submissionId: row.id, ip: staff.ip }, deps.now);
    return { status: "done" };
  });
}

/** Whether the referral is in the staff member's teams (after a move, to know where to go next). */
export async function isReferralInMyTeams(db: Pick<Db, "select">, staff: StaffUser, id: string): Promise<boolean> {
  if (!isStaff(staff) || !isUuid(id)) return false;
  return (await db.select({ id: submissions.id }).from(submissions).where(and(eq(submissions.id, id), inMyTeams(submissions.team, staff)))).length > 0;
}
