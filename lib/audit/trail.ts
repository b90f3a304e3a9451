/**
 * Reading the audit trail, for council admins (/staff/admin/audit and its CSV): newest first,
 * filtered by person, record, action and London dates, in SQL. Each query carries its own scope:
 * rows come back only when the acting user holds the council admin role (staff_memberships, read
 * inside the query), so a forged call by anyone else gets nothing. A page is read with OFFSET; the
 * CSV walks the whole trail in batches by (at, id), which the (at) index serves.
 */
import { and, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditEvents, sendCases, staffMemberships, submissions, users } from "@/db/schema";
import { escapeLike } from "@/lib/referrals/naming";
import { isUuid } from "@/lib/security/uuid";
import { formatCaseNumber } from "@/lib/send/deps";
import type { TrailFilters } from "./trail-filters";

export type TrailRecord = { kind: "referral"; id: string; reference: string } | { kind: "send-case"; id: string; number: string } | { kind: "other"; id: string };

export type TrailRow = {
  id: string;
  at: Date;
  /** "2027-01-11 10:05:00" on the London clock (for the CSV, where it sorts as text). */
  atLondon: string;
  event: string;
  person: { id: string; name: string; email: string } | null;
  record: TrailRecord | null;
  ip: string | null;
  detail: Record<string, unknown> | null;
};

export type TrailPage = { rows: TrailRow[]; page: number; hasNext: boolean };

export const TRAIL_PAGE_SIZE = 50;
const MAX_PAGE = 10_000;

/** The acting user is a council admin: in every trail query's WHERE. */
function actorIsAdmin(admin: { userId: string }): SQL {
  if (!isUuid(admin.userId)) return sql`false`;
  return sql`exists (select 1 from ${staffMemberships} where ${staffMemberships.userId} = ${admin.userId} and ${staffMemberships.role} = 'admin')`;
}

function filterWhere(filters: TrailFilters): SQL | undefined {
  const person = filters.person ? `%${escapeLike(filters.person)}%` : null;
  const record = filters.record;
  return and(
    person ? or(ilike(users.email, person), ilike(sql`${users.forename} || ' ' || ${users.surname}`, person)) : undefined,
    record?.kind === "id" ? eq(auditEvents.subjectId, record.id) : undefined,
    record?.kind === "reference"
      ? sql`${auditEvents.subjectId} in (select ${submissions.id} from ${submissions} where ${submissions.reference} = ${record.reference} or ${submissions.reference} like ${`${escapeLike(record.reference)}-V%`})`
      : undefined,
    record?.kind === "case-number" ? sql`${auditEvents.subjectId} in (select ${sendCases.id} from ${sendCases} where ${sendCases.number} = ${record.number})` : undefined,
    filters.action ? eq(auditEvents.event, filters.action) : undefined,
    // London midnights, worked out by PostgreSQL (summer time included), compared with the indexed column.
    filters.from ? sql`${auditEvents.at} >= (${filters.from}::date::timestamp at time zone 'Europe/London')` : undefined,
    filters.to ? sql`${auditEvents.at} < ((${filters.to}::date + 1)::timestamp at time zone 'Europe/London')` : undefined,
  );
}

function selectTrail(db: Pick<DbOrTx, "select">) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      // Worked out by PostgreSQL: one Intl call per row would be most of a large CSV's time.
      atLondon: sql<string>`to_char(${auditEvents.at} at time zone 'Europe/London', 'YYYY-MM-DD HH24:MI:SS')`,
      event: auditEvents.event,
      ip: auditEvents.ip,
      detail: auditEvents.detail,
      subjectId: auditEvents.subjectId,
      userId: users.id,
      forename: users.forename,
      surname: users.surname,
      email: users.email,
      reference: submissions.reference,
      caseNumber: sendCases.number,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .leftJoin(submissions, eq(submissions.id, auditEvents.subjectId))
    .leftJoin(sendCases, eq(sendCases.id, auditEvents.subjectId));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectTrail>["where"]>>[number];

function toRow(row: Selected): TrailRow {
  const record: TrailRecord | null = !row.subjectId
    ? null
    : row.reference !== null
      ? { kind: "referral", id: row.subjectId, reference: row.reference }
      : row.caseNumber !== null
        ? { kind: "send-case", id: row.subjectId, number: formatCaseNumber(row.caseNumber) }
        : { kind: "other", id: row.subjectId };
  return {
    id: row.id,
    at: row.at,
    atLondon: row.atLondon,
    event: row.event,
    person: row.userId ? { id: row.userId, name: `${row.forename ?? ""} ${row.surname ?? ""}`.trim(), email: row.email ?? "" } : null,
    record,
    ip: row.ip,
    detail: row.detail && typeof row.detail === "object" ? (row.detail as Record<string, unknown>) : null,
  };
}

/** One page (from 1) of the rows matching the filters, newest first; empty for anyone but a council admin. */
export async function listTrailPage(db: Pick<DbOrTx, "select">, admin: { userId: string }, filters: TrailFilters, page: number, pageSize = TRAIL_PAGE_SIZE): Promise<TrailPage> {
  const current = Number.isFinite(page) ? Math.min(MAX_PAGE, Math.max(1, Math.trunc(page))) : 1;
  const rows = await selectTrail(db)
    .where(and(actorIsAdmin(admin), filterWhere(filters)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(pageSize + 1)
    .offset((current - 1) * pageSize);
  return { rows: rows.slice(0, pageSize).map(toRow), page: current, hasNext: rows.length > pageSize };
}

/**
 * Every row matching the filters, newest first, a batch at a time (for the CSV). Each batch starts
 * after the last row of the one before, compared in the database so no precision is lost.
 */
export async function* trailBatches(db: Pick<DbOrTx, "select">, admin: { userId: string }, filters: TrailFilters, batchSize = 1000): AsyncGenerator<TrailRow[]> {
  let after: string | null = null;
  for (;;) {
    // The first condition is what the (at) index can seek to; the second breaks ties on the same instant.
    const cursor: SQL | undefined = after
      ? sql`${auditEvents.at} <= (select ${auditEvents.at} from ${auditEvents} where ${auditEvents.id} = ${after}) and (${auditEvents.at}, ${auditEvents.id}) < (select ${auditEvents.at}, ${auditEvents.id} from ${auditEvents} where ${auditEvents.id} = ${after})`
      : undefined;
    const rows = await selectTrail(db)
      .where(and(actorIsAdmin(admin), filterWhere(filters), cursor))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map(toRow);
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.id;
  }
}
