/**
 * The caseworkers' list by stage across several teams (issue 19, point 5): a stage filter of two
 * stages (Assessment, Ended) pages through its cases of every team of the caseworker's in the
 * list's one order (nearest due first, overdue first, nothing due last; then the oldest request,
 * then the lowest case number), each page continuing the last exactly; and the totals, kept per
 * team and stage, follow every case created, moved to another team, moved on a stage, worked
 * out by the list or deleted.
 *
 * The cases sit in teams of this file's own, so the other files' SEND cases stay out of it.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { councils, sendCaseloadCounts, sendCases, teams } from "@/db/schema";
import { listCases, recordStage, type CaseloadPage, type StageFilter } from "@/lib/send";
import { setMemberships } from "@/lib/staff/memberships";
import { db, ensureCouncil } from "@/tests/support/auth-fixture";
import { aCase, aStaffUser, caseInput, sendDepsAt, uniqueSurname, type TestStaff } from "@/tests/support/send-fixture";

const t0 = new Date("2023-03-01T10:00:00Z"); // today is 1 March 2023
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const suffix = randomUUID().slice(0, 8);
const [teamA, teamB, teamC] = ["a", "b", "c"].map((name) => `stages-${name}-${suffix}`) as [string, string, string];
const PER_TEAM = 96;
/** Six stages in turn: 16 cases of each per team. */
const STAGES = ["assessing", "awaiting-plan-decision", "not-assessing", "not-issuing", "plan-in-place", "drafting-plan"];

let worker: TestStaff; // a caseworker of teams A and B, not C
let councilId: string;

async function page(stage: StageFilter, options: { page?: number; pageSize?: number; staff?: TestStaff } = {}): Promise<CaseloadPage> {
  const result = await listCases(sendDepsAt(at(10)), options.staff ?? worker, { stage, page: options.page ?? 1, pageSize: options.pageSize ?? 25 });
  if (!("rows" in result)) throw new Error("expected a page of cases");
  return result;
}

/** The ids of the filter's cases of teams A and B in the list's order, straight from the table. */
async function inListOrder(stages: string[]): Promise<string[]> {
  const rows = await db
    .select({ id: sendCases.id })
    .from(sendCases)
    .where(and(inArray(sendCases.team, [teamA, teamB]), inArray(sendCases.stage, stages)))
    .orderBy(sql`${sendCases.nextDue} asc nulls last`, sendCases.requestDate, sendCases.number);
  return rows.map((row) => row.id);
}

/** The kept counts of a team, and the counts worked out from its cases: they must agree. */
async function keptAndCounted(team: string) {
  const kept = await db
    .select({ stage: sendCaseloadCounts.stage, cases: sendCaseloadCounts.cases })
    .from(sendCaseloadCounts)
    .where(and(eq(sendCaseloadCounts.team, team), sql`${sendCaseloadCounts.cases} <> 0`))
    .orderBy(sendCaseloadCounts.stage);
  const counted = await db
    .select({ stage: sql<string>`coalesce(${sendCases.stage}, '')`, cases: sql<number>`count(*)::int` })
    .from(sendCases)
    .where(eq(sendCases.team, team))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return { kept, counted };
}

/** Cases with their stored stage and due date, the same pattern in each team, so dates tie across teams and the case number decides. */
async function insertCases(team: string) {
  await db.execute(sql`
    insert into send_cases (council_id, team, child_forename, child_surname, child_date_of_birth, child_name, request_date, requestor_name,
      requestor_relationship, requestor_email, caseworker_id, team_contact, day_one_rule, created_at, created_by, stage, next_due)
    select ${councilId}, ${team}, 'Stage', ${uniqueSurname("Stages")}, '2015-01-01', 'stage case', date '2022-12-01' + (i % 5), 'Robin Requestor',
      'Mother', 'stages.' || i || '@example.org', ${worker.userId}, 'SEND team', 'request-day', ${t0.toISOString()}::timestamptz, ${worker.userId},
      (array[${sql.join(STAGES.map((stage) => sql`${stage}`), sql`, `)}]::text[])[1 + i % 6],
      case when (i % 6) in (2, 3) then null else date '2023-03-01' + ((i * 7) % 40 - 10) end
    from generate_series(1, ${PER_TEAM}) as i`);
}

beforeAll(async () => {
  await ensureCouncil();
  await db.insert(teams).values([teamA, teamB, teamC].map((id) => ({ id, name: `Stages test team ${id}` })));
  worker = await aStaffUser("caseworker", "Stella");
  await setMemberships(db, worker.userId, [
    { teamId: teamA, role: "caseworker" },
    { teamId: teamB, role: "team-manager" },
  ]);
  const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
  councilId = council!.id;
  for (const team of [teamA, teamB, teamC]) await insertCases(team);
}, 60_000);

describe("a stage filter across several teams", () => {
  it.each([
    ["assessment", ["assessing", "awaiting-plan-decision"]],
    ["ended", ["not-assessing", "not-issuing"]],
  ] as const)("pages through every %s case of both teams once, each page continuing the last in the list's order", async (filter, stages) => {
    const expected = await inListOrder([...stages]);
    expect(expected).toHaveLength((PER_TEAM / 3) * 2);
    const seen: CaseloadPage["rows"] = [];
    for (let number = 1; number <= 8; number += 1) {
      const result = await page(filter, { page: number, pageSize: 10 });
      expect(result.total).toBe(expected.length);
      seen.push(...result.rows);
    }
    expect(seen.map((row) => row.id)).toEqual(expected);
    expect(seen.every((row) => (stages as readonly string[]).includes(row.stage))).toBe(true);
    // Page 2 of 25 starts where page 1 stopped.
    const [first, second] = [await page(filter), await page(filter, { page: 2 })];
    expect([...first.rows, ...second.rows].map((row) => row.id)).toEqual(expected.slice(0, 50));
  });

  it("puts overdue assessments first, then the nearest due, ties by the oldest request and the lowest number, whichever team", async () => {
    const { rows } = await page("assessment", { pageSize: 100 });
    expect(rows[0]).toMatchObject({ overdue: true });
    const keys = rows.map((row) => [row.nextDue!, row.requestDate, row.number.replace(/^EHC-0*/, "").padStart(12, "0")].join(" "));
    expect(keys).toEqual([...keys].sort());
    // Dates tie across the two teams, so both teams' cases are interleaved on the first page.
    expect(new Set(rows.slice(0, 25).map((row) => row.childName)).size).toBeGreaterThan(1);
  });

  it("shows ended cases, with nothing due, oldest request first", async () => {
    const { rows } = await page("ended", { pageSize: 100 });
    expect(rows.every((row) => row.nextDue === null && !row.overdue)).toBe(true);
    const keys = rows.map((row) => `${row.requestDate} ${row.number}`);
    expect(keys).toEqual([...keys].sort());
  });

  it("counts the cases of the caseworker's teams only, at every stage", async () => {
    const totals = Object.fromEntries(
      await Promise.all((["open", "request", "assessment", "plan", "plan-in-place", "ended", "all"] as const).map(async (filter) => [filter, (await page(filter)).total])),
    );
    const share = PER_TEAM / 6;
    expect(totals).toEqual({ open: share * 4 * 2, request: 0, assessment: share * 2 * 2, plan: share * 2, "plan-in-place": share * 2, ended: share * 2 * 2, all: PER_TEAM * 2 });
    for (const team of [teamA, teamB, teamC]) {
      const { kept, counted } = await keptAndCounted(team);
      expect(kept).toEqual(counted);
    }
  });
});

describe("the totals, kept per team and stage", () => {
  it("follow a case created, moved to the team, moved on a stage, moved away, written straight in, worked out and deleted", async () => {
    const team = `stages-d-${suffix}`;
    await db.insert(teams).values({ id: team, name: "Stages test team D" });
    const sendWorker = await aStaffUser("caseworker", "Sol");
    const teamWorker = await aStaffUser("caseworker", "Tia");
    await setMemberships(db, teamWorker.userId, [{ teamId: team, role: "caseworker" }]);
    const totals = async () => ({
      request: (await page("request", { staff: teamWorker })).total,
      assessment: (await page("assessment", { staff: teamWorker })).total,
      ended: (await page("ended", { staff: teamWorker })).total,
      open: (await page("open", { staff: teamWorker })).total,
      all: (await page("all", { staff: teamWorker })).total,
    });
    const made = [];
    for (let index = 0; index < 3; index += 1) made.push(await aCase(sendDepsAt(t0), sendWorker, caseInput(sendWorker, { requestDate: "2023-02-01" })));
    expect(await totals()).toEqual({ request: 0, assessment: 0, ended: 0, open: 0, all: 0 });
    await db.update(sendCases).set({ team }).where(inArray(sendCases.id, made.map((item) => item.caseId)));
    expect(await totals()).toEqual({ request: 3, assessment: 0, ended: 0, open: 3, all: 3 });

    const decide = (caseId: string, outcome: "yes" | "no") => recordStage(sendDepsAt(at(20)), teamWorker, { caseId, kind: "assess-decision", outcome, date: "2023-03-01" });
    expect(await decide(made[0]!.caseId, "yes")).toEqual({ status: "done" });
    expect(await totals()).toEqual({ request: 2, assessment: 1, ended: 0, open: 3, all: 3 });
    expect(await decide(made[1]!.caseId, "no")).toEqual({ status: "done" });
    expect(await totals()).toEqual({ request: 1, assessment: 1, ended: 1, open: 2, all: 3 });

    await db.update(sendCases).set({ team: "send" }).where(eq(sendCases.id, made[2]!.caseId));
    expect(await totals()).toEqual({ request: 0, assessment: 1, ended: 1, open: 1, all: 2 });

    // A row written without its stage (as before the stored columns) counts in "all" at once and
    // at its stage once the list has worked it out.
    const [straight] = await db
      .insert(sendCases)
      .values({
        councilId,
        team,
        childForename: "Straight",
        childSurname: uniqueSurname("In"),
        childDateOfBirth: "2015-01-01",
        childName: "straight in",
        requestDate: "2023-02-20",
        requestorName: "Robin Requestor",
        requestorRelationship: "Mother",
        requestorEmail: "straight.in@example.org",
        caseworkerId: teamWorker.userId,
        teamContact: "SEND team",
        dayOneRule: "request-day",
        createdAt: t0,
        createdBy: teamWorker.userId,
      })
      .returning({ id: sendCases.id });
    expect(await keptAndCounted(team)).toMatchObject({ kept: expect.arrayContaining([{ stage: "", cases: 1 }]) });
    expect(await totals()).toEqual({ request: 1, assessment: 1, ended: 1, open: 2, all: 3 });
    expect((await keptAndCounted(team)).kept.find((row) => row.stage === "")).toBeUndefined();

    await db.delete(sendCases).where(eq(sendCases.id, straight!.id));
    expect(await totals()).toEqual({ request: 0, assessment: 1, ended: 1, open: 1, all: 2 });
    const { kept, counted } = await keptAndCounted(team);
    expect(kept).toEqual(counted);
    expect(kept).toEqual([
      { stage: "assessing", cases: 1 },
      { stage: "not-assessing", cases: 1 },
    ]);
  });
});
