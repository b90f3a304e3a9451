/**
 * The SEND caseload figures of `npm run bench` (issue 19, point 5): the caseworkers' list
 * (lib/send listCases, the real function: its transaction with the check for cases lacking their
 * stored stage, the page, the count, the page's pending-access counts and the audit row) at
 * 20,000 EHC needs assessment cases. Aim: p95 under 50 ms for the first and the 50th page, every
 * stage filter and every kind of search.
 *
 * Data: in the bench's embedded database (.data/bench, started for the run), 20,000 cases of the
 * SEND team made by one INSERT … SELECT over generate_series with a fixed random seed:
 * - stage: awaiting the decision to assess 10 %, assessing 12 %, awaiting the plan decision 5 %,
 *   drafting the plan 6 %, draft plan issued 4 %, plan in place 48 %, ended (not assessing 10 %,
 *   not issuing 5 %);
 * - request date: within the last 20 weeks for a case before its final plan, 5 months to 3 years
 *   ago for a plan in place or an ended case;
 * - stage and next due date stored as the app stores them: the statutory date of the stage
 *   (6, 16 or 20 weeks from the request, day one the request day), the annual review within the
 *   coming year for a plan in place (a twentieth of them overdue), nothing for an ended case;
 * - child names from the inbox bench's 100 forenames and 100 surnames.
 * The previous run's cases (requestor addresses @caseload.bench.example) are deleted first, and
 * these cases and the bench caseworker's audit rows at the end. After the insert: VACUUM ANALYZE.
 *
 * Each query: 10 warm-up calls, then 200 timed calls one after another (search terms rotate).
 * The plans of the page and count queries are read with EXPLAIN from the SQL listCases sends.
 */
import os from "node:os";
import { eq, like, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { applyMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { auditEvents, councils, sendCases, users } from "@/db/schema";
import { readCouncilSettings } from "@/lib/config/council";
import { databaseForTool } from "@/lib/runtime/running-postgres";
import { todayIn } from "@/lib/dates/calendar";
import { formatCaseNumber, listCases, type CaseloadQuery, type SendDeps, type StaffUser } from "@/lib/send";
import { setMemberships } from "@/lib/staff/memberships";
import { FORENAMES, planReader, statsOf, SURNAMES } from "./inbox";

export const CASELOAD_ROWS = 20_000;
const CALLS = 200;
const WARM_UPS = 10;
const PAGE_SIZE = 25; // what app/staff/send/page.tsx asks for
const AIM_P95_MS = 50;
const SEED = 0.19;
const CASEWORKER_EMAIL = "bench-caseload-caseworker@bench.example";
const REQUESTOR_DOMAIN = "caseload.bench.example";

/** Stage, share, request date (days ago: from, span) and next due (SQL over `r`). */
const STAGES: { stage: string; share: number; ago: [number, number]; due: string }[] = [
  { stage: "awaiting-assess-decision", share: 0.1, ago: [0, 60], due: "r.request_date + 41" },
  { stage: "assessing", share: 0.12, ago: [30, 110], due: "r.request_date + 111" },
  { stage: "awaiting-plan-decision", share: 0.05, ago: [60, 110], due: "r.request_date + 111" },
  { stage: "drafting-plan", share: 0.06, ago: [90, 50], due: "r.request_date + 139" },
  { stage: "draft-plan-issued", share: 0.04, ago: [110, 30], due: "r.request_date + 139" },
  { stage: "plan-in-place", share: 0.48, ago: [150, 950], due: "r.today - 18 + floor(r.due_draw * 365)::int" },
  { stage: "not-assessing", share: 0.1, ago: [42, 1050], due: "NULL::date" },
  { stage: "not-issuing", share: 0.05, ago: [112, 1000], due: "NULL::date" },
];

/** pageMs, countMs: PostgreSQL's own execution time of the page and count queries (EXPLAIN ANALYZE, median of 5). */
export type CaseloadScenario = { name: string; total: number; samples: number[]; pagePlan: string; countPlan: string; pageMs: number; countMs: number };
export type CaseloadReport = { rows: number; insertSeconds: number; vacuumSeconds: number; loadBefore: number; scenarios: CaseloadScenario[]; verdict: string; p95: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const textArray = (values: string[]) => `ARRAY[${values.map(literal).join(",")}]::text[]`;

function insertStatement(councilId: string, caseworkerId: string, today: string, now: Date): string {
  const pick = (value: (stage: (typeof STAGES)[number]) => string) => {
    let cumulative = 0;
    const arms = STAGES.map((stage) => {
      cumulative += stage.share;
      return `WHEN d.stage_draw < ${cumulative.toFixed(4)} THEN ${value(stage)}`;
    });
    return `CASE ${arms.join(" ")} ELSE ${value(STAGES.at(-1)!)} END`;
  };
  const stageCase = pick((stage) => literal(stage.stage));
  const agoCase = pick((stage) => `${stage.ago[0]} + floor(d.ago_draw * ${stage.ago[1]})::int`);
  const dueCase = `CASE r.stage ${STAGES.map((stage) => `WHEN ${literal(stage.stage)} THEN ${stage.due}`).join(" ")} END`;
  return `
WITH names AS (SELECT ${textArray(FORENAMES)} AS forenames, ${textArray(SURNAMES)} AS surnames),
d AS (
  SELECT i, random() AS stage_draw, random() AS ago_draw, random() AS due_draw,
    names.forenames[1 + floor(random() * ${FORENAMES.length})::int] AS forename, names.surnames[1 + floor(random() * ${SURNAMES.length})::int] AS surname
  FROM generate_series(1, ${CASELOAD_ROWS}) AS i CROSS JOIN names
),
staged AS (SELECT d.*, ${stageCase} AS stage, ${agoCase} AS ago FROM d),
r AS (SELECT staged.*, date ${literal(today)} AS today, date ${literal(today)} - staged.ago AS request_date FROM staged)
INSERT INTO send_cases (council_id, team, child_forename, child_surname, child_date_of_birth, child_name, request_date, requestor_name, requestor_relationship,
  requestor_email, caseworker_id, team_contact, day_one_rule, created_at, created_by, stage, next_due)
SELECT ${literal(councilId)}::uuid, 'send', r.forename, r.surname, r.request_date - 3000 - (r.i % 2000), lower(r.forename || ' ' || r.surname), r.request_date,
  'Bench Requestor', 'Parent', 'requestor-' || r.i || '@${REQUESTOR_DOMAIN}', ${literal(caseworkerId)}::uuid, 'SEND Assessment Team', 'request-day',
  ${literal(now.toISOString())}::timestamptz, ${literal(caseworkerId)}::uuid, r.stage,
  CASE WHEN r.stage = 'plan-in-place' AND r.due_draw < 0.05 THEN r.today - 1 - floor(r.due_draw * 600)::int ELSE ${dueCase} END
FROM r`;
}

export async function runCaseloadBench(options: { dataDir: string; log: (line: string) => void }): Promise<CaseloadReport> {
  const { log } = options;
  const database = await databaseForTool({ DATA_DIR: options.dataDir });
  await applyMigrations(database.url);
  const client = postgres(database.url, { max: 4, onnotice: () => {} });
  let caught: { query: string; params: unknown[] }[] | null = null;
  const db = drizzle(client, { schema, logger: { logQuery: (query, params) => caught?.push({ query, params }) } });
  try {
    const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
    const councilId = council?.id ?? (await db.insert(councils).values({ slug: "bench", name: "Bench Borough Council" }).returning({ id: councils.id }))[0]!.id;
    const now = new Date();
    await db
      .insert(users)
      .values({ councilId, email: CASEWORKER_EMAIL, role: "caseworker" as const, passwordHash: "!bench-user-no-password", forename: "Bench", surname: "SEND Caseworker", emailVerifiedAt: now, termsAcceptedAt: now })
      .onConflictDoNothing();
    const [caseworker] = await db.select({ id: users.id }).from(users).where(eq(users.email, CASEWORKER_EMAIL));
    if (!caseworker) throw new Error("the caseload bench's caseworker was not made");
    await setMemberships(db, caseworker.id, [{ teamId: "send", role: "caseworker" }]);
    const staff: StaffUser = { userId: caseworker.id, role: "caseworker", ip: "192.0.2.10" };
    const deps: SendDeps = {
      db,
      now,
      secret: "bench-caseload-not-used",
      council: readCouncilSettings({}),
      mail: async () => {
        throw new Error("the caseload bench sends no mail");
      },
      appUrl: "http://127.0.0.1",
    };

    const removeRows = async () => {
      await db.delete(sendCases).where(like(sendCases.requestorEmail, `%@${REQUESTOR_DOMAIN}`));
      await db.delete(auditEvents).where(eq(auditEvents.userId, caseworker.id));
    };
    await removeRows();

    log(`  inserting ${CASELOAD_ROWS.toLocaleString("en-GB")} SEND cases …`);
    const insertStart = performance.now();
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`SELECT setseed(${SEED})`));
      await tx.execute(sql.raw(insertStatement(councilId, caseworker.id, todayIn(now), now)));
    });
    const insertSeconds = (performance.now() - insertStart) / 1000;
    const vacuumStart = performance.now();
    await client.unsafe("VACUUM (ANALYZE) send_cases");
    const vacuumSeconds = (performance.now() - vacuumStart) / 1000;
    const [made] = await db.select({ n: sql<number>`count(*)::int` }).from(sendCases).where(like(sendCases.requestorEmail, `%@${REQUESTOR_DOMAIN}`));
    const rows = made?.n ?? 0;
    log(`  ${rows.toLocaleString("en-GB")} cases in ${insertSeconds.toFixed(1)} s; VACUUM ANALYZE ${vacuumSeconds.toFixed(1)} s`);

    const sampleNumbers = await db
      .select({ number: sendCases.number })
      .from(sendCases)
      .where(like(sendCases.requestorEmail, `%@${REQUESTOR_DOMAIN}`))
      .orderBy(sql`md5(${sendCases.id}::text)`)
      .limit(20);
    const caseNumbers = sampleNumbers.map((row) => formatCaseNumber(row.number));
    const nameFragments = [
      ...["hugh", "patel", "thomps", "begum", "richards", "kaur", "wilkin", "ahmed", "griff", "pears"],
      ...["amelia harris", "noah khan", "isla wood", "oscar bell", "ruby shaw", "max ali", "ivy ward", "jude cox", "ada hall", "leo hunt"],
    ];
    const q = (stage: CaseloadQuery["stage"], page = 1, search: string | null = null): CaseloadQuery => ({ stage, page, pageSize: PAGE_SIZE, search });
    const scenarios: { name: string; query: (call: number) => CaseloadQuery }[] = [
      { name: "Open cases, page 1", query: () => q("open") },
      { name: "Open cases, page 50", query: () => q("open", 50) },
      { name: "All cases, page 1", query: () => q("all") },
      { name: "All cases, page 50", query: () => q("all", 50) },
      { name: "Waiting for the decision to assess, page 1", query: () => q("request") },
      { name: "Assessment, page 1", query: () => q("assessment") },
      { name: "Assessment, page 50", query: () => q("assessment", 50) },
      { name: "Plan being written or issued, page 1", query: () => q("plan") },
      { name: "EHC plan in place, page 1", query: () => q("plan-in-place") },
      { name: "EHC plan in place, page 50", query: () => q("plan-in-place", 50) },
      { name: "Ended, page 1", query: () => q("ended") },
      { name: "Ended, page 50", query: () => q("ended", 50) },
      { name: "Open, search a child's name", query: (call) => q("open", 1, nameFragments[call % nameFragments.length]!) },
      { name: "All, search a child's name", query: (call) => q("all", 1, nameFragments[call % nameFragments.length]!) },
      { name: "All, search a case number", query: (call) => q("all", 1, caseNumbers[call % caseNumbers.length]!) },
    ];

    const loadBefore = os.loadavg()[0] ?? NaN;
    const results: CaseloadScenario[] = [];
    const call = async (query: CaseloadQuery) => {
      const page = await listCases(deps, staff, query);
      if ("status" in page) throw new Error("the bench caseworker may not list cases");
      return page;
    };
    for (const scenario of scenarios) {
      log(`  ${scenario.name} …`);
      for (let index = 0; index < WARM_UPS; index += 1) await call(scenario.query(index));
      const samples: number[] = [];
      let total = 0;
      for (let index = 0; index < CALLS; index += 1) {
        const start = performance.now();
        const page = await call(scenario.query(index));
        samples.push(performance.now() - start);
        total += page.total;
      }
      caught = [];
      await call(scenario.query(0));
      const sent: { query: string; params: unknown[] }[] = caught;
      caught = null;
      const pageStatement = sent.find((statement) => /order by/i.test(statement.query) && /"send_cases"\."next_due"/.test(statement.query) && /limit/i.test(statement.query));
      // Without a search the total is a sum of send_caseload_counts; with one, a count of the matches.
      const countStatement = sent.find((statement) => /select count\(\*\) from "send_cases"|from "send_caseload_counts"/i.test(statement.query));
      const { explain, executionMs } = planReader(client, "?");
      results.push({
        name: scenario.name,
        total: Math.round(total / CALLS),
        samples,
        pagePlan: await explain(pageStatement),
        countPlan: await explain(countStatement),
        pageMs: await executionMs(pageStatement),
        countMs: await executionMs(countStatement),
      });
    }

    log("  removing the bench cases …");
    await removeRows();
    await client.unsafe("ANALYZE send_cases");

    const worst = Math.max(...results.map((result) => percentile([...result.samples].sort((a, b) => a - b), 95)));
    const verdict = `caseload p95 at ${rows.toLocaleString("en-GB")} cases = ${worst.toFixed(1)} ms (aim < ${AIM_P95_MS} ms; the slowest of the ${results.length} queries)${worst < AIM_P95_MS ? "" : ": aim not met"}`;
    return { rows, insertSeconds, vacuumSeconds, loadBefore, scenarios: results, verdict, p95: worst };
  } finally {
    await client.end({ timeout: 5 });
    await database.stop();
  }
}

export function caseloadText(report: CaseloadReport): string[] {
  const header = `${"".padEnd(44)} ${"matched".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)} ${"page db".padStart(8)} ${"count db".padStart(8)}`;
  const lines = report.scenarios.map((scenario) => {
    const s = statsOf(scenario.samples);
    return `${scenario.name.padEnd(44)} ${String(scenario.total).padStart(8)} ${s.p50.padStart(8)} ${s.p95.padStart(8)} ${s.p99.padStart(8)} ${s.max.padStart(8)} ${scenario.pageMs.toFixed(2).padStart(8)} ${scenario.countMs.toFixed(2).padStart(8)}`;
  });
  return [`Load average (1 min) just before the queries: ${report.loadBefore.toFixed(2)}`, header, ...lines, "", report.verdict];
}

export function caseloadMarkdown(report: CaseloadReport, machine: string, date: string): string {
  const table = report.scenarios.map((scenario) => {
    const s = statsOf(scenario.samples);
    return `| ${scenario.name} | ${scenario.total.toLocaleString("en-GB")} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} | ${scenario.pageMs.toFixed(2)} | ${scenario.countMs.toFixed(2)} | ${scenario.pagePlan} | ${scenario.countPlan} |`;
  });
  return [
    "## SEND caseload",
    "",
    `Machine: ${machine}  `,
    `Date: ${date}  `,
    `Load average (1 min) just before the queries: ${report.loadBefore.toFixed(2)}  `,
    `Data: ${report.rows.toLocaleString("en-GB")} SEND cases made by one INSERT … SELECT (${report.insertSeconds.toFixed(1)} s), then VACUUM ANALYZE (${report.vacuumSeconds.toFixed(1)} s), in the bench's embedded PostgreSQL with no portal running: ` +
      "stages from waiting for the decision to assess (10 %) to plan in place (48 %) and ended (15 %), request dates over 3 years, the stored stage and next due date as the app writes them, " +
      "children's names from 100 forenames and 100 surnames. The cases are deleted afterwards. How they are made: tests/bench/caseload.ts.  ",
    `Each query: listCases itself (its whole transaction: the check for cases without their stored stage, the page of ${PAGE_SIZE} nearest due first and the total, run together, the page's pending-access counts, the audit row), ` +
      `${WARM_UPS} warm-up calls, then ${CALLS} calls one after another; searches rotate through 20 name fragments (10 surname parts, 10 full names) or 20 case numbers. ` +
      "Matched: the total the list shows (the average over the calls for searches). Plans: EXPLAIN of the SQL listCases sent (for a search, with its first term).",
    "",
    "Page and count (ms): PostgreSQL's own execution time of the two queries (EXPLAIN ANALYZE, median of 5), apart from the round trips and the rest of the machine's load. " +
      "The count without a search sums the totals kept per team and stage (send_caseload_counts); with a search it counts the matches.",
    "",
    "| Query | Matched | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | Page (ms) | Count (ms) | Page query plan | Count query plan |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ...table,
    "",
    `**Verdict:** ${report.verdict}`,
  ].join("\n");
}
