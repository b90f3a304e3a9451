/**
 * The SEND caseworkers' list of EHC needs assessment cases (`/staff/send`): a stage filter, a
 * search by the child's name (contains) or the case number, nearest due date first (so overdue
 * cases come first: their due date has passed), cases with nothing due last, a page at a time
 * with the total. Paged, filtered and sorted in SQL over every case of the acting staff member's
 * teams (the team condition is in both queries), never a first slice filtered afterwards: a
 * council with thousands of cases sees its newest, whose six-week deadline is nearest, first.
 *
 * The stage and next due date are stored on the case (send_cases.stage, next_due, written by
 * `writeCaseloadColumns` in the transaction of every stage or exception; neither depends on
 * today). The page is read per team of the actor's (a LATERAL join from their teams, each team
 * read in index order and stopped at the page's end), merged, then joined to the caseworker and
 * the pending access of the page's rows only. Served by send_cases_caseload_idx (team, next_due,
 * request_date, number), send_cases_caseload_stage_idx (team, stage, …) for a stage and the
 * count, and the pg_trgm GIN index on child_name for "name contains" (EXPLAINed on 20,000 cases
 * by tests/bench/caseload.ts, plans in docs/benchmarks.md).
 */
import { and, asc, count, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sendAccess, sendCases, teams, users } from "@/db/schema";
import { escapeLike, normaliseSearch } from "@/lib/referrals/naming";
import { isStaff } from "@/lib/auth/roles";
import { inMyTeams } from "@/lib/staff/scope";
import { caseloadColumnsOf, loadEvents, type Forbidden } from "./cases";
import { compareDates, type CalendarDate } from "./dates";
import {
  formatCaseNumber,
  parseCaseNumber,
  todayOf,
  type SendDeps,
  type StaffUser,
} from "./deps";
import { recordSendAudit } from "./events";
import type { CaseStage } from "./timescales";

export type StageFilter =
  | "open"
  | "request"
  | "assessment"
  | "plan"
  | "plan-in-place"
  | "ended"
  | "all";

const STAGE_FILTERS: Record<StageFilter, CaseStage[] | null> = {
  open: [
    "awaiting-assess-decision",
    "assessing",
    "awaiting-plan-decision",
    "drafting-plan",
    "draft-plan-issued",
    "plan-in-place",
  ],
  request: ["awaiting-assess-decision"],
  assessment: ["assessing", "awaiting-plan-decision"],
  plan: ["drafting-plan", "draft-plan-issued"],
  "plan-in-place": ["plan-in-place"],
  ended: ["not-assessing", "not-issuing"],
  all: null,
};

export const isStageFilter = (value: unknown): value is StageFilter =>
  typeof value === "string" && value in STAGE_FILTERS;

export type CaseListRow = {
  id: string;
  number: string;
  childName: string;
  requestDate: CalendarDate;
  caseworkerName: string;
  stage: CaseStage;
  nextDue: CalendarDate | null;
  overdue: boolean;
  /** Accepted invitations waiting for a caseworker to activate the family's access. */
  awaitingActivation: number;
};

export type CaseloadQuery = {
  stage: StageFilter;
  search?: string | null;
  /** From 1; a page past the end is empty. */
  page?: number;
  pageSize?: number;
};

export type CaseloadPage = {
  rows: CaseListRow[];
  total: number;
  page: number;
  pageSize: number;
};

export const CASELOAD_PAGE_SIZE = 25;
export const MAX_CASELOAD_PAGE_SIZE = 100;

/** How many cases without stored columns are worked out per round (each round one query for their events). */
const FILL_BATCH = 1000;

/** The page of cases and the total for the filter; writes a "listed" audit row with the filter and search. */
export async function listCases(
  deps: SendDeps,
  staff: StaffUser,
  query: CaseloadQuery,
): Promise<CaseloadPage | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  const today = todayOf(deps);
  const search = query.search?.trim() ?? "";
  const pageSize = clamp(
    query.pageSize ?? CASELOAD_PAGE_SIZE,
    1,
    MAX_CASELOAD_PAGE_SIZE,
  );
  const page = clamp(query.page ?? 1, 1, 1_000_000);
  const allowed = STAGE_FILTERS[query.stage] ?? null;
  const number = search ? parseCaseNumber(search) : null;
  const filters = and(
    allowed ? inArray(sendCases.stage, allowed) : undefined,
    search
      ? or(
          sql`${sendCases.childName} like ${`%${escapeLike(normaliseSearch(search).toLowerCase())}%`}`,
          number !== null ? eq(sendCases.number, number) : sql`false`,
        )
      : undefined,
  );
  const offset = (page - 1) * pageSize;
  const readPage = (tx: DbOrTx) => {
    // Per team of the actor's, its first `offset + pageSize` cases in list order, each read in
    // index order (send_cases_caseload_idx) and stopped there; then merged. A plain
    // `team in (my teams)` cannot use the index's order, and sorted every case of the team.
    const myTeams = tx.select({ id: teams.id }).from(teams).where(inMyTeams(teams.id, staff)).as("my_teams");
    const teamCases = tx
      .select({
        id: sendCases.id,
        number: sendCases.number,
        forename: sendCases.childForename,
        surname: sendCases.childSurname,
        requestDate: sendCases.requestDate,
        stage: sendCases.stage,
        nextDue: sendCases.nextDue,
        caseworkerId: sendCases.caseworkerId,
      })
      .from(sendCases)
      .where(and(eq(sendCases.team, myTeams.id), filters))
      .orderBy(sql`${sendCases.nextDue} asc nulls last`, asc(sendCases.requestDate), asc(sendCases.number))
      .limit(offset + pageSize)
      .as("team_cases");
    const merged = tx
      .select({
        id: teamCases.id,
        number: teamCases.number,
        forename: teamCases.forename,
        surname: teamCases.surname,
        requestDate: teamCases.requestDate,
        stage: teamCases.stage,
        nextDue: teamCases.nextDue,
        caseworkerId: teamCases.caseworkerId,
      })
      .from(myTeams)
      .innerJoinLateral(teamCases, sql`true`)
      .orderBy(sql`${teamCases.nextDue} asc nulls last`, asc(teamCases.requestDate), asc(teamCases.number))
      .limit(pageSize)
      .offset(offset)
      .as("page_cases");
    // The caseworker's name and the pending access of the page's rows only.
    return tx
      .select({
        id: merged.id,
        number: merged.number,
        forename: merged.forename,
        surname: merged.surname,
        requestDate: merged.requestDate,
        stage: merged.stage,
        nextDue: merged.nextDue,
        caseworkerForename: users.forename,
        caseworkerSurname: users.surname,
        awaitingActivation: sql<number>`(select count(*)::int from ${sendAccess} where ${sendAccess.caseId} = ${merged.id} and ${sendAccess.status} = 'pending')`,
      })
      .from(merged)
      .innerJoin(users, eq(users.id, merged.caseworkerId))
      .orderBy(sql`${merged.nextDue} asc nulls last`, asc(merged.requestDate), asc(merged.number));
  };
  const countAll = (tx: DbOrTx) =>
    tx
      .select({ total: count() })
      .from(sendCases)
      .where(and(inMyTeams(sendCases.team, staff), filters));
  return deps.db.transaction(async (tx) => {
    // One round trip as a rule: the check for cases without their stored columns, the audit row,
    // the page and the count are sent together; the page is read again only if the check found any.
    let [unknown, , rows, [counted]] = await Promise.all([
      casesWithoutColumns(tx, staff),
      recordSendAudit(tx, "send-cases-listed", { userId: staff.userId, ip: staff.ip, detail: { stage: query.stage, search: search || null } }, deps.now),
      readPage(tx),
      countAll(tx),
    ]);
    if (unknown.length > 0) {
      while (unknown.length > 0) {
        await fillCaseloadColumns(tx, unknown);
        unknown = unknown.length < FILL_BATCH ? [] : await casesWithoutColumns(tx, staff);
      }
      [rows, [counted]] = await Promise.all([readPage(tx), countAll(tx)]);
    }
    return {
      rows: rows.map((row) => ({
        id: row.id,
        number: formatCaseNumber(row.number),
        childName: `${row.forename} ${row.surname}`,
        requestDate: row.requestDate,
        caseworkerName: `${row.caseworkerForename} ${row.caseworkerSurname}`,
        // Never null here: the team's cases without it have just been worked out.
        stage: (row.stage ?? "awaiting-assess-decision") as CaseStage,
        nextDue: row.nextDue,
        overdue: row.nextDue !== null && compareDates(today, row.nextDue) > 0,
        awaitingActivation: row.awaitingActivation,
      })),
      total: counted?.total ?? 0,
      page,
      pageSize,
    };
  });
}

type UnknownCase = { id: string; requestDate: string; dayOneRule: "request-day" | "day-after" };

/**
 * The team's cases without the stored stage and next due date: cases made before those columns
 * existed (once, at the first list after the upgrade) or written straight into the table (seeds,
 * benches). The partial index on `stage is null` makes the usual "none" answer cost nothing.
 * Rows another transaction holds are skipped: it is changing them, and writes the columns itself.
 */
function casesWithoutColumns(tx: DbOrTx, staff: StaffUser): Promise<UnknownCase[]> {
  return tx
    .select({ id: sendCases.id, requestDate: sendCases.requestDate, dayOneRule: sendCases.dayOneRule })
    .from(sendCases)
    .where(and(isNull(sendCases.stage), inMyTeams(sendCases.team, staff)))
    .orderBy(asc(sendCases.id))
    .limit(FILL_BATCH)
    .for("update", { skipLocked: true });
}

/** Works out and writes their columns from their events, in one UPDATE. */
async function fillCaseloadColumns(tx: DbOrTx, cases: UnknownCase[]): Promise<void> {
  const events = await loadEvents(
    tx,
    cases.map((row) => row.id),
  );
  const values = cases.map((row) => {
    const { stage, nextDue } = caseloadColumnsOf(row, events.get(row.id) ?? []);
    return sql`(${row.id}::uuid, ${stage}::text, ${nextDue}::date)`;
  });
  await tx.execute(sql`update ${sendCases} set stage = v.stage, next_due = v.next_due from (values ${sql.join(values, sql`, `)}) as v(id, stage, next_due) where ${sendCases.id} = v.id`);
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
