/**
 * The staff referrals inbox: one tab (status), optionally one form and one team, optionally a
 * search, oldest first, a page at a time. Only the acting staff member's teams' referrals: the
 * team condition (lib/staff/scope.ts) is in the page's query and in the count's.
 *
 * Built for 1,000,000 submissions (issue 19, point 5; docs/benchmarks.md, "Referrals inbox"):
 * - Counts are exact, as the inbox has always shown them (decided over "more than 1,000": kept
 *   counts cost a few rows' read), and read from `inbox_counts` (a row per team, form and status,
 *   kept by triggers on submissions in the same transaction as every insert, status change, team
 *   move and delete, whichever code makes it: db/schema/submissions.ts, migration inbox_counts), so
 *   a tab of 300,000 referrals is counted from a few rows instead of 300,000 index entries. A
 *   search is counted from its matches (exactly: the tab's own trigram index finds them), in the
 *   page's query (`count(*) over ()` over ids and dates only; the page's 25 rows are then read
 *   whole from submissions), so its matches are found once.
 * - Pages walk the index (team, status, submitted_at, id), or (team, form_id, status, …) with a
 *   form, once per team of the staff member (a LATERAL join over their teams, each taking its
 *   oldest offset + page size entries from the index alone), then merge, cut the page and read
 *   the page's 25 rows. Before, one scan over every team's rows read every row up to the page from
 *   the table, and past the first pages PostgreSQL chose to read the whole table. Page links stay
 *   page numbers: page 50 reads 1,250 index entries a team.
 * - A search by a child's name reads `inbox_search` (db/schema/submissions.ts, migration
 *   inbox_search): per submission only its team, form, status, date and names, about 110 bytes
 *   against 480, kept by statement triggers like inbox_counts. The count needs every match, and
 *   a common surname matches 10,000 referrals of a tab at 1,000,000: each match is one table page
 *   to read and recheck. From submissions those pages did not fit in PostgreSQL's buffers and
 *   came from the disk cache (about 10 µs each: 45-130 ms a search under the bench's rotation of
 *   names); the narrow rows and their indexes stay in memory (docs/benchmarks.md, "Referrals
 *   inbox"). It reads the pg_trgm index of its tab only (one partial GIN index per status); the
 *   status is written into the SQL as a literal (one of INBOX_TABS' five values), so PostgreSQL
 *   can pick that partial index with any plan, prepared or not. A reference prefix is matched in
 *   submissions (its text_pattern_ops index).
 */
import { and, asc, count, eq, like, notLike, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { inboxCounts, inboxSearch, submissions, teams } from "@/db/schema";
import { recordStaffRead } from "@/lib/audit/staff-reads";
import { displayNames, escapeLike, normaliseSearch } from "./naming";
import { isStaff, type StaffUser } from "@/lib/auth/roles";
import type { ReferralDeps } from "./deps";
import type { Forbidden } from "@/lib/result";
import { INBOX_TABS, isInboxTab, type InboxTab, type SubmissionStatus } from "./status-rules";
import { inMyTeams } from "@/lib/staff/scope";
import type { TeamId } from "@/lib/staff/teams";

export type InboxQuery = {
  tab: InboxTab;
  formId?: string | null;
  team?: TeamId | null;
  /** A reference (exact or its beginning, any case) or part of a child's name. */
  search?: string | null;
  /** From 1. */
  page: number;
  pageSize: number;
};

export type InboxRow = {
  id: string;
  reference: string;
  formTitle: string;
  formId: string;
  team: TeamId;
  /** "Forename Surname" of each person the form is about. */
  peopleNames: string[];
  submittedAt: Date;
  status: SubmissionStatus;
  version: number;
};

export type InboxPage = { rows: InboxRow[]; total: number };

/** A page of the inbox, or `forbidden` for anyone but council staff. */
export type InboxResult = ({ status: "done" } & InboxPage) | Forbidden;

export const MAX_PAGE_SIZE = 100;

/** `forbidden` for anyone but council staff; staff see their own teams' referrals only. */
export async function listInbox(deps: { db: Pick<DbOrTx, "select"> }, staff: StaffUser, query: InboxQuery): Promise<InboxResult> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isInboxTab(query.tab)) return { status: "done", rows: [], total: 0 };
  const { db } = deps;
  const pageSize = clamp(query.pageSize, 1, MAX_PAGE_SIZE);
  const page = clamp(query.page, 1, 1_000_000);

  const status = INBOX_TABS[query.tab];
  const term = normaliseSearch(query.search);
  const found = term ? await searchPage(db, staff, query, status, term, page, pageSize) : await tabPage(db, staff, query, status, page, pageSize);
  return {
    status: "done",
    rows: found.rows.map(({ people, ...row }) => ({ ...row, formTitle: row.formTitle ?? row.formId, peopleNames: displayNames(people) })),
    total: found.total,
  };
}

type Db = Pick<DbOrTx, "select">;

const rowFields = {
  id: submissions.id,
  reference: submissions.reference,
  formTitle: sql<string>`${submissions.definition}->>'title'`,
  formId: submissions.formId,
  team: submissions.team,
  people: submissions.people,
  submittedAt: submissions.submittedAt,
  status: submissions.status,
  version: submissions.version,
};

/** `status = '<status>'` with the value written in: the partial trigram indexes are chosen by it. */
const statusIs = (column: SQLWrapper, status: SubmissionStatus): SQL => sql`${column} = ${sql.raw(`'${status}'`)}`;

/** A tab, without a search: the page merged from one index walk per team, the count from inbox_counts. */
async function tabPage(db: Db, staff: StaffUser, query: InboxQuery, status: SubmissionStatus, page: number, pageSize: number) {
  const offset = (page - 1) * pageSize;
  const mine = db
    .select({ id: teams.id })
    .from(teams)
    .where(and(inMyTeams(teams.id, staff), query.team ? eq(teams.id, query.team) : undefined))
    .as("mine");
  const perTeam = db
    .select({ id: submissions.id, submittedAt: submissions.submittedAt })
    .from(submissions)
    .where(and(eq(submissions.team, mine.id), query.formId ? eq(submissions.formId, query.formId) : undefined, eq(submissions.status, status)))
    .orderBy(asc(submissions.submittedAt), asc(submissions.id))
    .limit(offset + pageSize)
    .as("per_team");
  const pageIds = db
    .select({ pageId: perTeam.id, pageAt: perTeam.submittedAt })
    .from(mine)
    .crossJoinLateral(perTeam)
    .orderBy(asc(perTeam.submittedAt), asc(perTeam.id))
    .limit(pageSize)
    .offset(offset)
    .as("page_ids");
  const [rows, [counted]] = await Promise.all([
    db.select(rowFields).from(pageIds).innerJoin(submissions, eq(submissions.id, pageIds.pageId)).orderBy(asc(submissions.submittedAt), asc(submissions.id)),
    db
      .select({ total: sql<number>`coalesce(sum(${inboxCounts.n}), 0)::int` })
      .from(inboxCounts)
      .where(
        and(
          inMyTeams(inboxCounts.team, staff),
          query.team ? eq(inboxCounts.team, query.team) : undefined,
          eq(inboxCounts.status, status),
          query.formId ? eq(inboxCounts.formId, query.formId) : undefined,
        ),
      ),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

/**
 * A search: its matches in the tab found once and counted beside the page. A child's name is
 * matched in inbox_search (narrow rows, the tab's own trigram index); a reference prefix in
 * submissions (its text_pattern_ops index), leaving out the referrals whose names match too, so
 * the two lists never hold the same referral and are joined without a de-duplicating pass.
 */
async function searchPage(db: Db, staff: StaffUser, query: InboxQuery, status: SubmissionStatus, term: string, page: number, pageSize: number) {
  // Names are stored lower-cased; references are upper case ("CP-ABCD-EFGH", "-V2"), so their
  // prefix is compared upper-cased and the plain btree (text_pattern_ops) index serves it.
  const names = `%${escapeLike(term.toLowerCase())}%`;
  const inTab = (table: typeof submissions | typeof inboxSearch) =>
    and(inMyTeams(table.team, staff), statusIs(table.status, status), query.team ? eq(table.team, query.team) : undefined, query.formId ? eq(table.formId, query.formId) : undefined);
  const byName = db
    .select({ matchId: inboxSearch.submissionId, matchAt: inboxSearch.submittedAt })
    .from(inboxSearch)
    .where(and(inTab(inboxSearch), like(inboxSearch.names, names)));
  const byReference = db
    .select({ matchId: submissions.id, matchAt: submissions.submittedAt })
    .from(submissions)
    .where(and(inTab(submissions), like(submissions.reference, `${escapeLike(term.toUpperCase())}%`), notLike(submissions.peopleNames, names)));
  const found = unionAll(byName, byReference).as("found");
  // The matches are sorted and counted by id and date alone; only the page's rows are read whole.
  const matches = db
    .select({ matchId: found.matchId, total: sql<number>`(count(*) over ())::int`.as("total") })
    .from(found)
    .orderBy(asc(found.matchAt), asc(found.matchId))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .as("matches");
  const rows = await db
    .select({ ...rowFields, total: matches.total })
    .from(matches)
    .innerJoin(submissions, eq(submissions.id, matches.matchId))
    .orderBy(asc(submissions.submittedAt), asc(submissions.id));
  if (rows.length > 0) return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]!.total };
  // Past the last page (or nothing found): the count on its own.
  const [counted] = await db.select({ total: count() }).from(found);
  return { rows, total: counted?.total ?? 0 };
}

/**
 * The inbox as the staff page loads it: a search or a filter (by form or team) is a staff read
 * and is audited, with what was typed, before the list is read; a plain inbox load or a change of
 * tab is not (it lists what every member of the team sees, and would bury the trail in noise).
 * The terms go to the audit table only (council admins read it), never to the logs.
 */
export async function browseInbox(deps: Pick<ReferralDeps, "db" | "now">, staff: StaffUser, query: InboxQuery): Promise<InboxResult> {
  if (!isStaff(staff)) return { status: "forbidden" };
  const search = normaliseSearch(query.search) || null;
  if (search || query.formId || query.team) {
    await recordStaffRead(deps.db, "referrals-searched", { userId: staff.userId, ip: staff.ip, detail: { search, tab: query.tab, form: query.formId ?? null, team: query.team ?? null } }, deps.now);
  }
  return listInbox(deps, staff, query);
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
