/**
 * Which case rows a staff member's SEND query and change may touch (the team condition is in each
 * query; another team's case is "not-found"), and whom a case's news goes to.
 */
import { and, eq, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { sendAccess, sendCases, users } from "@/db/schema";
import { normaliseEmail } from "@/lib/auth/deps";
import { isUuid } from "@/lib/security/uuid";
import { inMyTeams } from "@/lib/staff/scope";
import type { StaffUser } from "../deps";
import type { CaseRow } from "./read-model";

/** A row whose case (by `caseId`) is one of the acting staff member's teams': the scope of every staff SEND query. */
export const caseOfMyTeams = (caseId: AnyPgColumn, staff: StaffUser) =>
  sql`${caseId} in (select ${sendCases.id} from ${sendCases} where ${inMyTeams(sendCases.team, staff)})`;

/** Locks the case row for a change; null when there is no such case in the staff member's teams. */
export async function lockCase(tx: DbOrTx, staff: StaffUser, caseId: string): Promise<CaseRow | null> {
  if (!isUuid(caseId)) return null;
  const [row] = await tx
    .select()
    .from(sendCases)
    .where(and(eq(sendCases.id, caseId), inMyTeams(sendCases.team, staff)))
    .for("update");
  return row ?? null;
}

/**
 * The addresses a case's news goes to: everyone with active access; before anyone has ever had
 * access (none pending, active or revoked), the requestor. A revoked parent gets nothing.
 */
export async function familyAddresses(tx: DbOrTx, row: CaseRow): Promise<string[]> {
  const rows = await tx
    .select({ email: users.email, status: sendAccess.status })
    .from(sendAccess)
    .innerJoin(users, eq(users.id, sendAccess.userId))
    .where(eq(sendAccess.caseId, row.id));
  const addresses = rows.length > 0 ? rows.filter((item) => item.status === "active").map((item) => item.email) : [row.requestorEmail];
  return [...new Map(addresses.map((address) => [normaliseEmail(address), address])).values()];
}
