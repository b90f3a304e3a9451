/**
 * The caseworkers' list at scale (issue 19, point 5): with more than 2,000 cases the newest case,
 * whose six-week deadline is nearest, is on the first page (after the overdue ones); the totals
 * per stage count every case; paging shows every case once, in due-date order; a stage recorded
 * moves the case in the list; another team's staff see none of it.
 *
 * The cases sit in a team of this file's own, so the other files' SEND cases stay out of its
 * unfiltered list. 2,100 of them are written by one INSERT … SELECT, without the list's stored
 * stage and due date (as rows made before those columns): the list works them out itself.
 */
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { councils, sendCases, teams } from "@/db/schema";
import {
  listCases,
  recordStage,
  viewCase,
  type CaseloadPage,
  type StageFilter,
} from "@/lib/send";
import { setMemberships } from "@/lib/staff/memberships";
import { db, ensureCouncil } from "@/tests/support/auth-fixture";
import {
  aCase,
  aStaffUser,
  caseInput,
  sendDepsAt,
  uniqueSurname,
  type TestStaff,
} from "@/tests/support/send-fixture";

const t0 = new Date("2023-03-01T10:00:00Z"); // today is 1 March 2023
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const BULK = 2100;
const ENDED = BULK / 10; // one in ten (forename "Ended"): decided not to assess

const team = `caseload-${randomUUID().slice(0, 8)}`;
const surname = uniqueSurname("Bulk");
let worker: TestStaff; // a caseworker of this file's team only
let sendWorker: TestStaff; // a caseworker of the SEND team, not of this one
let overdue: { caseId: string; number: string };
let newest: { caseId: string; number: string };

async function page(
  stage: StageFilter,
  options: {
    page?: number;
    pageSize?: number;
    search?: string;
    staff?: TestStaff;
  } = {},
): Promise<CaseloadPage> {
  const result = await listCases(sendDepsAt(at(10)), options.staff ?? worker, {
    stage,
    search: options.search ?? null,
    page: options.page ?? 1,
    pageSize: options.pageSize ?? 25,
  });
  if (!("rows" in result)) throw new Error("expected a page of cases");
  return result;
}

beforeAll(async () => {
  await ensureCouncil();
  await db.insert(teams).values({ id: team, name: "Caseload test team" });
  worker = await aStaffUser("caseworker", "Cara");
  await setMemberships(db, worker.userId, [
    { teamId: team, role: "caseworker" },
  ]);
  sendWorker = await aStaffUser("caseworker", "Sid");
  const [council] = await db
    .select({ id: councils.id })
    .from(councils)
    .limit(1);

  // 2,100 older cases, requests from 1 December 2022 over 60 days. One in ten ended with a
  // decision not to assess; the rest have a plan decision, so the final plan is next (20 weeks
  // from the request: 20 April 2023 at the earliest).
  await db.execute(sql`
    insert into send_cases (council_id, team, child_forename, child_surname, child_date_of_birth, child_name, request_date, requestor_name,
      requestor_relationship, requestor_email, caseworker_id, team_contact, day_one_rule, created_at, created_by)
    select ${council!.id}, ${team}, case when i % 10 = 0 then 'Ended' else 'Bulk' end, ${surname}, '2015-01-01', lower('bulk ' || ${surname}), date '2022-12-01' + (i % 60), 'Robin Requestor',
      'Mother', 'bulk.' || i || '@example.org', ${worker.userId}, 'SEND team', 'request-day', ${t0.toISOString()}::timestamptz, ${worker.userId}
    from generate_series(1, ${BULK}) as i`);
  const stageEvent = (
    stage: string,
    days: number,
    outcome: string | null,
    where: ReturnType<typeof sql>,
  ) =>
    db.execute(sql`
      insert into send_case_events (case_id, kind, event_date, detail, at, actor_id)
      select id, 'stage-recorded', request_date + ${days}::int,
        jsonb_strip_nulls(jsonb_build_object('stage', ${stage}::text, 'outcome', ${outcome}::text)), ${t0.toISOString()}::timestamptz, ${worker.userId}
      from send_cases where team = ${team} and ${where}`);
  await stageEvent("assess-decision", 30, "no", sql`child_forename = 'Ended'`);
  await stageEvent("assess-decision", 30, "yes", sql`child_forename = 'Bulk'`);
  await stageEvent("assessment", 80, null, sql`child_forename = 'Bulk'`);
  await stageEvent("plan-decision", 100, "yes", sql`child_forename = 'Bulk'`);

  // Made the usual way (by a SEND caseworker), then handed to this file's team: a request of
  // 5 January, overdue since 15 February; and the newest, received yesterday, due 10 April.
  const moveToTeam = (caseId: string) =>
    db.update(sendCases).set({ team }).where(eq(sendCases.id, caseId));
  overdue = await aCase(
    sendDepsAt(t0),
    sendWorker,
    caseInput(sendWorker, {
      childForename: "Olive",
      childSurname: surname,
      requestDate: "2023-01-05",
    }),
  );
  await moveToTeam(overdue.caseId);
  newest = await aCase(
    sendDepsAt(t0),
    sendWorker,
    caseInput(sendWorker, {
      childForename: "Nell",
      childSurname: surname,
      requestDate: "2023-02-28",
    }),
  );
  await moveToTeam(newest.caseId);
}, 60_000);

describe("the caseload with more than 2,000 cases", () => {
  it("shows the overdue case first and the newest case, due soonest, next on the first page, with every case counted", async () => {
    const first = await page("all");
    expect(first.total).toBe(BULK + 2);
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0]).toMatchObject({
      id: overdue.caseId,
      nextDue: "2023-02-15",
      overdue: true,
      stage: "awaiting-assess-decision",
    });
    expect(first.rows[1]).toMatchObject({
      id: newest.caseId,
      childName: `Nell ${surname}`,
      requestDate: "2023-02-28",
      nextDue: "2023-04-10",
      overdue: false,
    });
    expect(first.rows[2]).toMatchObject({
      nextDue: "2023-04-20",
      stage: "drafting-plan",
      overdue: false,
    });
    // The rows written without the list's columns have them now.
    expect(
      await db
        .select({ id: sendCases.id })
        .from(sendCases)
        .where(and(eq(sendCases.team, team), isNull(sendCases.stage))),
    ).toEqual([]);

    const open = await page("open");
    expect(open.total).toBe(BULK - ENDED + 2);
    expect(open.rows.slice(0, 2).map((row) => row.id)).toEqual([
      overdue.caseId,
      newest.caseId,
    ]);
    expect((await page("request")).total).toBe(2);
    expect((await page("plan")).total).toBe(BULK - ENDED);
    expect((await page("assessment")).total).toBe(0);
    const ended = await page("ended");
    expect(ended.total).toBe(ENDED);
    expect(
      ended.rows.every(
        (row) => row.stage === "not-assessing" && row.nextDue === null,
      ),
    ).toBe(true);
    expect(
      (await page("all", { search: newest.number })).rows.map((row) => row.id),
    ).toEqual([newest.caseId]);
  });

  it("pages through every case once, nearest due date first and nothing due last", async () => {
    const seen: CaseloadPage["rows"] = [];
    for (let number = 1; ; number += 1) {
      const { rows } = await page("all", { page: number, pageSize: 100 });
      if (rows.length === 0) break;
      seen.push(...rows);
    }
    expect(seen).toHaveLength(BULK + 2);
    expect(new Set(seen.map((row) => row.id)).size).toBe(BULK + 2);
    const dues = seen.map((row) => row.nextDue ?? "9999-12-31");
    expect(dues).toEqual([...dues].sort());
    expect(seen.slice(-ENDED).every((row) => row.nextDue === null)).toBe(true);
    expect((await page("all", { page: 50 })).rows).toHaveLength(25);
  });

  it("moves a case down the list when its decision to assess is recorded", async () => {
    expect(
      await recordStage(sendDepsAt(at(20)), worker, {
        caseId: overdue.caseId,
        kind: "assess-decision",
        outcome: "yes",
        date: "2023-03-01",
      }),
    ).toEqual({ status: "done" });
    const first = await page("all");
    expect(first.rows[0]).toMatchObject({ id: newest.caseId, overdue: false });
    expect(first.rows.find((row) => row.id === overdue.caseId)).toBeUndefined();
    expect((await page("request")).rows.map((row) => row.id)).toEqual([
      newest.caseId,
    ]);
    expect((await page("assessment")).rows).toMatchObject([
      {
        id: overdue.caseId,
        stage: "assessing",
        nextDue: "2023-04-26",
        overdue: false,
      },
    ]);
  });

  it("shows none of them to the SEND team's caseworker", async () => {
    const theirs = await page("all", {
      staff: sendWorker,
      search: surname,
      pageSize: 100,
    });
    expect(theirs).toMatchObject({ rows: [], total: 0 });
    expect(
      (await page("all", { staff: sendWorker, search: newest.number })).total,
    ).toBe(0);
    expect(
      await viewCase(sendDepsAt(at(30)), sendWorker, newest.caseId),
    ).toEqual({ status: "not-found" });
  });
});
