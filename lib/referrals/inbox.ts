/**
 * The staff referrals inbox: one tab (status), optionally one form and one team, optionally a
 * search, oldest first, a page at a time. Only the acting staff member's teams' referrals: the
 * team condition is in the page's query and in the count's (lib/staff/scope.ts). One query for the page and one for the count, both
 * served by the indexes on submissions ((status | team, status | form_id, status), submitted_at,
 * id; reference text_pattern_ops for the reference prefix; pg_trgm GIN on people_names for
 * "name contains").
 */
import { and, asc, count, eq, like, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { submissions } from "@/db/schema";
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

  const where = and(
    inMyTeams(submissions.team, staff),
    eq(submissions.status, INBOX_TABS[query.tab]),
    query.team ? eq(submissions.team, query.team) : undefined,
    query.formId ? eq(submissions.formId, query.formId) : undefined,
    searchCondition(query.search),
  );

  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: submissions.id,
        reference: submissions.reference,
        formTitle: sql<string>`${submissions.definition}->>'title'`,
        formId: submissions.formId,
        team: submissions.team,
        people: submissions.people,
        submittedAt: submissions.submittedAt,
        status: submissions.status,
        version: submissions.version,
      })
      .from(submissions)
      .where(where)
      .orderBy(asc(submissions.submittedAt), asc(submissions.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(submissions).where(where),
  ]);

  return {
    status: "done",
    rows: rows.map(({ people, ...row }) => ({ ...row, formTitle: row.formTitle ?? row.formId, peopleNames: displayNames(people) })),
    total: counted?.total ?? 0,
  };
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

function searchCondition(search: string | null | undefined): SQL | undefined {
  const term = normaliseSearch(search);
  if (!term) return undefined;
  // References are upper case ("CP-ABCD-EFGH", "-V2"), so the prefix is compared upper-cased and
  // the plain btree (text_pattern_ops) index serves it; names are stored lower-cased.
  return or(like(submissions.reference, `${escapeLike(term.toUpperCase())}%`), like(submissions.peopleNames, `%${escapeLike(term.toLowerCase())}%`));
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
