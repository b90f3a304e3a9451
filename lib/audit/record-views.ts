/**
 * "Who has viewed this": the staff reads of one record (a referral or a SEND case), latest first,
 * for the caseworkers who may open that record. The query's own WHERE holds the scope: the record
 * must be a referral or a case of one of the acting staff member's teams, so a forged id or another
 * team's record lists nothing. Families' reads of a case are not listed here (the documents page
 * shows their downloads); only staff accounts' reads are.
 */
import { and, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditEvents, sendCases, submissions, users } from "@/db/schema";
import { isUuid } from "@/lib/security/uuid";
import { STAFF_ACCOUNT_ROLES } from "@/lib/auth/roles";
import { inMyTeams } from "@/lib/staff/scope";
import { RECORD_READ_EVENTS } from "./labels";

export type RecordView = { id: string; at: Date; event: string; name: string; email: string };

export type RecordViews = { total: number; views: RecordView[] };

export const RECORD_VIEWS_SHOWN = 20;

function recordOfMyTeams(subjectId: string, staff: { userId: string }): SQL {
  return or(
    sql`exists (select 1 from ${submissions} where ${submissions.id} = ${subjectId} and ${inMyTeams(submissions.team, staff)})`,
    sql`exists (select 1 from ${sendCases} where ${sendCases.id} = ${subjectId} and ${inMyTeams(sendCases.team, staff)})`,
  )!;
}

/** The latest `limit` staff reads of the record and how many there are in all. */
export async function listRecordViews(db: Pick<DbOrTx, "select">, staff: { userId: string }, subjectId: string, limit = RECORD_VIEWS_SHOWN): Promise<RecordViews> {
  if (!isUuid(subjectId)) return { total: 0, views: [] };
  const where = and(
    eq(auditEvents.subjectId, subjectId),
    inArray(auditEvents.event, [...RECORD_READ_EVENTS]),
    inArray(users.role, [...STAFF_ACCOUNT_ROLES]),
    recordOfMyTeams(subjectId, staff),
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select({ id: auditEvents.id, at: auditEvents.at, event: auditEvents.event, forename: users.forename, surname: users.surname, email: users.email })
      .from(auditEvents)
      .innerJoin(users, eq(users.id, auditEvents.userId))
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(limit),
    db.select({ total: count() }).from(auditEvents).innerJoin(users, eq(users.id, auditEvents.userId)).where(where),
  ]);
  return {
    total: counted?.total ?? 0,
    views: rows.map((row) => ({ id: row.id, at: row.at, event: row.event, name: `${row.forename} ${row.surname}`, email: row.email })),
  };
}
