/**
 * The SEND caseworkers' list of EHC needs assessment cases (`/staff/send`): a stage filter, a
 * search by the child's name (contains) or the case number, nearest due date first (so overdue
 * cases come first: their due date has passed), cases with nothing due last, a page at a time
 * with the total. Paged, filtered and sorted in SQL over every case of the acting staff member's
 * teams (the team condition is in both queries), never a first slice filtered afterwards: a
 * council with thousands of cases sees its newest, whose six-week deadline is nearest, first.
 * The one order: next_due ascending with nothing due last, then the oldest request, then the
 * lowest case number (unique, so a page boundary never moves).
 *
 * The stage and next due date are stored on the case (send_cases.stage, next_due, written by
 * `writeCaseloadColumns` in the transaction of every stage or exception; neither depends on
 * today). The page is read per team of the actor's (a LATERAL join from their teams, each team
 * read in index order and stopped at the page's end), and for a stage filter other than "Open"
 * per team and stage of the filter (send_cases_caseload_stage_idx: team, stage, next_due, …),
 * merged, then joined to the caseworker and the pending access of the page's rows only. One read
 * of send_cases_caseload_idx (team, next_due, …) for a filter of a few stages passed every case
 * of the other stages first: Ended (nothing due, so last in that index) cost 17–30 ms at 20,000
 * cases. "All" and "Open" (most cases, with the ended ones at the end) keep the per-team read.
 * The pg_trgm GIN index on child_name serves "name contains" (EXPLAINed on 20,000 cases by
 * tests/bench/caseload.ts, plans in docs/benchmarks.md).
 *
 * Totals. Without a search the total is exact and costs a few rows: send_caseload_counts keeps
 * how many cases each team has at each stage, written by statement triggers on send_cases
 * (migration 0013_send_caseload_counts) in the same transaction as every insert, delete, and update that moves a case
 * to another team or stage, whoever writes it (createCase, writeCaseloadColumns, the list's own
 * fill below, seeds, benches, a team move by hand), so no code path can forget it. Counting the
 * cases instead cost 8–23 ms for the big filters at 20,000 cases (an index-only scan of every
 * entry) and grows with the caseload; showing "more than 1,000" instead would hide how many
 * pages there are. The price: two transactions that change cases of the same team and stage wait
 * for each other's commit on that count's row (a few ms; a team's stage changes are rare). With
 * a search the matches are counted (few, through the same indexes as the page).
 */
import { and, asc, count, eq, inArray, isNull, or, sql, type SQLWrapper } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sendAccess, sendCaseloadCounts, sendCases, teams, users } from "@/db/schema";
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
  const listOrder = (table: { nextDue: SQLWrapper; requestDate: SQLWrapper; number: SQLWrapper }) => [
    sql`${table.nextDue} asc nulls last`,
    sql`${table.requestDate} asc`,
    sql`${table.number} asc`,
  ];
  const readPage = (tx: DbOrTx) => {
    // Per team of the actor's (and, for a stage filter, per stage of the filter), its first
    // `offset + pageSize` cases in list order, each read in index order and stopped there; then
    // merged. A plain `team in (my teams)` cannot use an index's order and sorted every case of
    // the team; one read of send_cases_caseload_idx for a few stages passed every case of the
    // other stages first (Ended: every case with something due).
    // "Open" is most cases, and its per-team read stops before the ended ones (nothing due, last).
    const mergedStages = allowed !== null && query.stage !== "open" ? allowed : null;
    // (A computed column of a subquery is written unqualified by drizzle, which inside the
    // LATERAL read would mean send_cases.stage: hence "sources"."stage" spelled out.)
    const sources = tx
      .select({
        team: teams.id,
        stage: mergedStages ? sql<string>`unnest(array[${sql.join(mergedStages.map((stage) => sql`${stage}`), sql`, `)}]::text[])`.as("stage") : sql<null>`null::text`.as("stage"),
      })
      .from(teams)
      .where(inMyTeams(teams.id, staff))
      .as("sources");
    // Only the list's keys are read here, all of them in both indexes (an index-only scan):
    // the 25 rows of the page are read from the table at the end, by case number.
    const sourceCases = tx
      .select({ number: sendCases.number, nextDue: sendCases.nextDue, requestDate: sendCases.requestDate })
      .from(sendCases)
      // Per team: send_cases_caseload_idx (team, next_due, …); per team and stage:
      // send_cases_caseload_stage_idx (team, stage, next_due, …).
      .where(and(eq(sendCases.team, sources.team), mergedStages ? sql`${sendCases.stage} = "sources"."stage"` : undefined, filters))
      .orderBy(...listOrder(sendCases))
      .limit(offset + pageSize)
      .as("source_cases");
    const merged = tx
      .select({ number: sourceCases.number, nextDue: sourceCases.nextDue, requestDate: sourceCases.requestDate })
      .from(sources)
      .innerJoinLateral(sourceCases, sql`true`)
      .orderBy(...listOrder(sourceCases))
      .limit(pageSize)
      .offset(offset)
      .as("page_cases");
    // The page's cases, their caseworker's name and pending access: for those 25 rows only.
    return tx
      .select({
        id: sendCases.id,
        number: sendCases.number,
        forename: sendCases.childForename,
        surname: sendCases.childSurname,
        requestDate: sendCases.requestDate,
        stage: sendCases.stage,
        nextDue: sendCases.nextDue,
        caseworkerForename: users.forename,
        caseworkerSurname: users.surname,
        awaitingActivation: sql<number>`(select count(*)::int from ${sendAccess} where ${sendAccess.caseId} = ${sendCases.id} and ${sendAccess.status} = 'pending')`,
      })
      .from(merged)
      .innerJoin(sendCases, eq(sendCases.number, merged.number))
      .innerJoin(users, eq(users.id, sendCases.caseworkerId))
      .orderBy(...listOrder(merged));
  };
  // Without a search, a sum of the kept counts (see the top); with one, the matches counted.
  const countAll = (tx: DbOrTx) =>
    search
      ? tx
          .select({ total: count() })
          .from(sendCases)
          .where(and(inMyTeams(sendCases.team, staff), filters))
      : tx
          .select({ total: sql<number>`coalesce(sum(${sendCaseloadCounts.cases}), 0)::int` })
          .from(sendCaseloadCounts)
          .where(and(inMyTeams(sendCaseloadCounts.team, staff), allowed ? inArray(sendCaseloadCounts.stage, allowed) : undefined));
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
