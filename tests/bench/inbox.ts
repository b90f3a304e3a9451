/**
 * The referrals inbox figures of `npm run bench` (issue 6, item 9): the staff inbox query
 * (lib/referrals listInbox, the real function: its page query and its count, run together) at
 * 1,000,000 submissions (issue 19, point 5; 100,000 before). Aim: p95 under 50 ms.
 *
 * Data: in the bench's embedded database (.data/bench, started for the run if no portal has
 * it), 1,000,000 submissions owned by one bench user, made by one INSERT … SELECT over
 * generate_series with a fixed random seed, so every run measures the same rows:
 * - form: the catalogue's 5 forms, weighted (multi-agency 35 %, safeguarding concern 25 %, Early
 *   Help Assessment 20 %, family support 12 %, LADO 8 %); `definition` a small stub with the
 *   form's id, title and service (listInbox reads definition->>'title');
 * - team: the form's service's team, but 12 % moved to another of the 4 teams (SEND included);
 * - status: closed 50 %, submitted 30 %, response posted 12 %, awaiting information 5 %,
 *   resubmitted 3 % (those are version 2, "-V2" references);
 * - submitted_at: spread evenly over the last 2 years;
 * - people: 1 to 3 children, siblings sharing a surname, forenames and surnames from lists of
 *   100 each (about 200 names), with `people_names` made as submitDraft makes it;
 * - reference: "CP-" and 8 characters of the reference alphabet, unique by construction.
 * The previous run's rows (the bench owner's) are deleted first and these rows at the end, so a
 * run never doubles them. The non-unique indexes (of submissions and of inbox_search, the search's
 * narrow rows its trigger fills) are dropped for the insert and built again after it, in its
 * transaction (the insert then takes seconds, not minutes; the rows are the same). After the
 * insert: VACUUM ANALYZE of both, as a live table would have been.
 *
 * Each query: 10 warm-up calls, then 200 timed calls one after another (search terms rotate
 * through a list). The plans of the page and count queries are read with EXPLAIN from the SQL
 * listInbox sends (caught by a query logger on the same drizzle handle).
 */
import os from "node:os";
import { eq, inArray, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { applyMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { councils, referralEvents, submissions, users } from "@/db/schema";
import { allForms } from "@/lib/forms/catalogue";
import { listInbox, type InboxQuery, type StaffUser } from "@/lib/referrals";
import { databaseForTool } from "@/lib/runtime/running-postgres";
import { setMemberships } from "@/lib/staff/memberships";
import { SEEDED_TEAMS } from "@/lib/staff/teams";

export const INBOX_ROWS = 1_000_000;
const CALLS = 200;
const WARM_UPS = 10;
const PAGE_SIZE = 25; // what app/staff/page.tsx asks for
const AIM_P95_MS = 50;
const SEED = 0.42;

const OWNER_EMAIL = "bench-inbox-owner@bench.example";
const CASEWORKER_EMAIL = "bench-inbox-caseworker@bench.example";

export const FORENAMES = [
  "Oliver", "Amelia", "George", "Isla", "Arthur", "Ava", "Noah", "Mia", "Muhammad", "Ivy", "Leo", "Lily", "Oscar", "Isabella", "Harry", "Rosie",
  "Archie", "Sophia", "Jack", "Grace", "Henry", "Willow", "Charlie", "Freya", "Freddie", "Florence", "Theodore", "Emily", "Thomas", "Ella", "Teddy",
  "Poppy", "Finley", "Evie", "Alfie", "Elsie", "Jacob", "Charlotte", "Isaac", "Evelyn", "Tommy", "Sienna", "Lucas", "Daisy", "Reggie", "Olivia",
  "James", "Sofia", "Arlo", "Phoebe", "Edward", "Harper", "Albie", "Aria", "Hugo", "Matilda", "Rory", "Alice", "Max", "Millie", "Ethan", "Luna",
  "Joshua", "Maya", "Jaxon", "Ruby", "Mohammed", "Emilia", "Louie", "Eva", "Elijah", "Maeve", "Benjamin", "Hallie", "Harrison", "Layla", "Adam",
  "Zara", "Ronnie", "Esme", "Sebastian", "Mila", "Mason", "Bonnie", "Roman", "Iris", "Louis", "Nancy", "Zachary", "Margot", "Jude", "Penelope",
  "Toby", "Violet", "Dylan", "Ada", "Carter", "Hannah",
];
export const SURNAMES = [
  "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker",
  "White", "Roberts", "Green", "Hall", "Thomas", "Clarke", "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward",
  "Hughes", "Moore", "Clark", "King", "Harrison", "Lewis", "Baker", "Lee", "Allen", "Morris", "Khan", "Scott", "Watson", "Davis", "Parker",
  "James", "Bennett", "Young", "Phillips", "Richardson", "Mitchell", "Bailey", "Carter", "Cook", "Singh", "Shaw", "Bell", "Collins", "Morgan",
  "Kelly", "Begum", "Miller", "Cox", "Hussain", "Marshall", "Simpson", "Price", "Anderson", "Adams", "Wilkinson", "Ali", "Ahmed", "Foster",
  "Ellis", "Murphy", "Chapman", "Mason", "Gray", "Richards", "Webb", "Griffiths", "Hunt", "Palmer", "Campbell", "Holmes", "Mills", "Rogers",
  "Barnes", "Knight", "Matthews", "Barker", "Powell", "Stevens", "Kaur", "Fisher", "Butler", "Dixon", "Russell", "Harvey", "Pearson", "Graham",
];

/** Form weights (cumulative thresholds are worked out below); ids must be in the catalogue. */
const FORM_WEIGHTS: [string, number][] = [
  ["multi-agency-referral", 0.35],
  ["safeguarding-concern", 0.25],
  ["early-help-assessment", 0.2],
  ["early-help-family-support", 0.12],
  ["lado-referral", 0.08],
];
const STATUS_WEIGHTS: [string, number][] = [
  ["closed", 0.5],
  ["submitted", 0.3],
  ["response-posted", 0.12],
  ["more-information-requested", 0.05],
  ["resubmitted", 0.03],
];
const TEAMS = ["early-help", "social-care", "lado", "send"];
const MOVED_SHARE = 0.12;
const ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";

/** pageMs, countMs: PostgreSQL's own execution time of the page and count queries (EXPLAIN ANALYZE, median of 5); a search counts in its page query (NaN). */
export type InboxScenario = { name: string; total: number; samples: number[]; pagePlan: string; countPlan: string; pageMs: number; countMs: number };
export type InboxReport = { rows: number; insertSeconds: number; vacuumSeconds: number; loadBefore: number; scenarios: InboxScenario[]; verdict: string; p95: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const textArray = (values: string[]) => `ARRAY[${values.map(literal).join(",")}]::text[]`;

/** A CASE picking the label whose cumulative weight first exceeds `draw` (a column: one draw per row). */
function weighted(draw: string, weights: [string, number][], cast: string): string {
  let cumulative = 0;
  const arms = weights.map(([value, weight], index) => {
    cumulative += weight;
    return index === weights.length - 1 ? `ELSE ${literal(value)}::${cast}` : `WHEN ${draw} < ${cumulative.toFixed(4)} THEN ${literal(value)}::${cast}`;
  });
  return `CASE ${arms.join(" ")} END`;
}

/** The INSERT … SELECT that makes the rows, as one statement. */
export function insertStatement(ownerId: string, now: Date): string {
  const forms = allForms();
  const formFor = (id: string) => {
    const form = forms.find((candidate) => candidate.id === id);
    if (!form) throw new Error(`the bench's form ${id} is not in the catalogue`);
    return form;
  };
  const formCase = (pick: (id: string) => string) =>
    `CASE r.form ${FORM_WEIGHTS.map(([id]) => `WHEN ${literal(id)} THEN ${pick(id)}`).join(" ")} END`;
  const stub = (id: string) => {
    const form = formFor(id);
    return literal(JSON.stringify({ id: form.id, version: form.version, title: form.title, summary: "", service: form.service, audiences: form.audiences, sections: [] })) + "::jsonb";
  };
  // n = a bijection of i onto 0 .. 25^8 - 1 (104729 is prime to 25), written in the reference alphabet.
  const digit = (power: number) => `substr(${literal(ALPHABET)}, ((r.n / ${25 ** power}::bigint) % 25)::int + 1, 1)`;
  const code = [7, 6, 5, 4, 3, 2, 1, 0].map(digit);
  const reference = `'CP-' || ${code.slice(0, 4).join(" || ")} || '-' || ${code.slice(4).join(" || ")}`;
  const twoYears = 730 * 24 * 3600;
  return `
WITH names AS (SELECT ${textArray(FORENAMES)} AS forenames, ${textArray(SURNAMES)} AS surnames),
draws AS (
  SELECT i, random() AS form_draw, random() AS status_draw, random() AS moved, floor(random() * 4)::int AS other_team,
    to_timestamp(${Math.floor(now.getTime() / 1000)} - random() * ${twoYears}) AS submitted_at,
    1 + floor(random() * random() * 3)::int AS children,
    1 + floor(random() * ${SURNAMES.length})::int AS surname_at
  FROM generate_series(1, ${INBOX_ROWS}) AS i
),
base AS (
  SELECT draws.*,
    (i::bigint * 104729 + 7) % ${25 ** 8}::bigint AS n,
    ${weighted("form_draw", FORM_WEIGHTS, "text")} AS form,
    ${weighted("status_draw", STATUS_WEIGHTS, "submission_status")} AS status
  FROM draws
),
r AS (
  SELECT base.*, people.people, people.people_names
  FROM base CROSS JOIN names
  CROSS JOIN LATERAL (
    SELECT jsonb_agg(jsonb_build_object('id', 'child-' || k, 'forename', forename, 'surname', names.surnames[base.surname_at]) ORDER BY k) AS people,
           string_agg(lower(forename || ' ' || names.surnames[base.surname_at]), ' | ' ORDER BY k) AS people_names
    FROM (SELECT k, names.forenames[1 + floor(random() * ${FORENAMES.length})::int] AS forename FROM generate_series(1, base.children) AS k) AS child
  ) AS people
)
INSERT INTO submissions (reference, owner_id, draft_id, form_id, form_version, definition, people, answers, status, submitted_at, team, people_names, version, responded_at, closed_at)
SELECT
  ${reference} || CASE WHEN r.status = 'resubmitted' THEN '-V2' ELSE '' END,
  ${literal(ownerId)}::uuid, gen_random_uuid(), r.form, 1, ${formCase(stub)}, r.people, '{}'::jsonb, r.status, r.submitted_at,
  CASE WHEN r.moved < ${MOVED_SHARE} THEN (${textArray(TEAMS)})[r.other_team + 1] ELSE ${formCase((id) => literal(formFor(id).team))} END,
  r.people_names,
  CASE WHEN r.status = 'resubmitted' THEN 2 ELSE 1 END,
  CASE WHEN r.status = 'response-posted' THEN r.submitted_at + interval '3 days' END,
  CASE WHEN r.status = 'closed' THEN r.submitted_at + interval '10 days' END
FROM r
ON CONFLICT DO NOTHING`;
}

/**
 * The rows, in one transaction: every non-unique index of submissions and of inbox_search (which
 * the insert fills through its trigger) is dropped for the insert and built again after it from
 * its own definition (so a failed run leaves them as they were). Kept up row by row, the pg_trgm
 * GIN above all, they made the insert take 505 s.
 */
export async function insertInboxRows(db: PostgresJsDatabase<typeof schema>, ownerId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const indexes = await tx.execute<{ name: string; definition: string }>(sql`
      SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid IN ('submissions'::regclass, 'inbox_search'::regclass) AND NOT i.indisunique AND NOT i.indisprimary`);
    for (const index of indexes) await tx.execute(sql.raw(`DROP INDEX ${quoteIdent(index.name)}`));
    await tx.execute(sql.raw(`SELECT setseed(${SEED})`));
    await tx.execute(sql.raw(insertStatement(ownerId, now)));
    await tx.execute(sql.raw("SET LOCAL maintenance_work_mem = '256MB'"));
    for (const index of indexes) await tx.execute(sql.raw(index.definition));
  });
}

/** The scans of a plan, in order, once each: "Index Scan using <index>", "Bitmap Index Scan on <index>", "Seq Scan". */
export function scans(plan: string[]): string {
  const found = plan.flatMap((line) => {
    const index = /(Index Only Scan|Index Scan)( Backward)? using (\S+)/.exec(line);
    if (index) return [`${index[1]}${index[2] ?? ""} using ${index[3]}`];
    const bitmap = /Bitmap Index Scan on (\S+)/.exec(line);
    if (bitmap) return [`Bitmap Index Scan on ${bitmap[1]}`];
    return /Seq Scan/.test(line) ? ["Seq Scan"] : [];
  });
  return [...new Set(found)].join(", ") || "?";
}

type SentStatement = { query: string; params: unknown[] };

/**
 * For a statement the list sent (caught by drizzle's logger): the scans its plan chose, and
 * PostgreSQL's own execution time (median of 5 EXPLAIN ANALYZE), apart from the round trips and
 * the machine's other load. `whenMissing` is the plan's text when the list sent no such statement.
 */
export function planReader(client: postgres.Sql, whenMissing: string) {
  const planLines = async (prefix: string, statement: SentStatement) =>
    (await client.unsafe(`${prefix} ${statement.query}`, statement.params as never[])).map((row) => String(Object.values(row)[0]));
  return {
    explain: async (statement: SentStatement | undefined) => (statement ? scans(await planLines("EXPLAIN", statement)) : whenMissing),
    executionMs: async (statement: SentStatement | undefined) => {
      if (!statement) return NaN;
      const times: number[] = [];
      for (let run = 0; run < 5; run += 1) {
        const line = (await planLines("EXPLAIN (ANALYZE)", statement)).find((text) => text.startsWith("Execution Time"));
        times.push(Number(/([\d.]+) ms/.exec(line ?? "")?.[1] ?? NaN));
      }
      return times.sort((a, b) => a - b)[2]!;
    },
  };
}

export async function runInboxBench(options: { dataDir: string; log: (line: string) => void }): Promise<InboxReport> {
  const { log } = options;
  const database = await databaseForTool({ DATA_DIR: options.dataDir });
  await applyMigrations(database.url);
  const client = postgres(database.url, { max: 4, onnotice: () => {} });
  // The logger catches the SQL listInbox sends, for EXPLAIN; it is off while timing.
  let caught: { query: string; params: unknown[] }[] | null = null;
  const db = drizzle(client, { schema, logger: { logQuery: (query, params) => caught?.push({ query, params }) } });
  try {
    const [council] = await db.select({ id: councils.id }).from(councils).limit(1);
    const councilId = council?.id ?? (await db.insert(councils).values({ slug: "bench", name: "Bench Borough Council" }).returning({ id: councils.id }))[0]!.id;
    const now = new Date();
    await db
      .insert(users)
      .values([
        { councilId, email: OWNER_EMAIL, role: "referrer" as const, passwordHash: "!bench-user-no-password", forename: "Bench", surname: "Inbox Owner", emailVerifiedAt: now, termsAcceptedAt: now },
        { councilId, email: CASEWORKER_EMAIL, role: "caseworker" as const, passwordHash: "!bench-user-no-password", forename: "Bench", surname: "Caseworker", emailVerifiedAt: now, termsAcceptedAt: now },
      ])
      .onConflictDoNothing();
    const accounts = await db.select({ id: users.id, email: users.email, role: users.role }).from(users).where(inArray(users.email, [OWNER_EMAIL, CASEWORKER_EMAIL]));
    const owner = accounts.find((account) => account.email === OWNER_EMAIL);
    const caseworker = accounts.find((account) => account.email === CASEWORKER_EMAIL);
    if (!owner || !caseworker) throw new Error("the inbox bench's users were not made");
    const staff: StaffUser = { userId: caseworker.id, role: "caseworker" };
    // A caseworker of every team: the bench measures the inbox with the team condition in its queries.
    await setMemberships(db, caseworker.id, SEEDED_TEAMS.map((team) => ({ teamId: team.id, role: "caseworker" as const })));

    const removeRows = async () => {
      await db.delete(referralEvents).where(inArray(referralEvents.submissionId, db.select({ id: submissions.id }).from(submissions).where(eq(submissions.ownerId, owner.id))));
      await db.delete(submissions).where(eq(submissions.ownerId, owner.id));
    };
    await removeRows();

    log(`  inserting ${INBOX_ROWS.toLocaleString("en-GB")} submissions …`);
    const insertStart = performance.now();
    await insertInboxRows(db, owner.id, now);
    const insertSeconds = (performance.now() - insertStart) / 1000;
    const vacuumStart = performance.now();
    await client.unsafe("VACUUM (ANALYZE) submissions, inbox_search");
    const vacuumSeconds = (performance.now() - vacuumStart) / 1000;
    const [made] = await db.select({ n: sql<number>`count(*)::int` }).from(submissions).where(eq(submissions.ownerId, owner.id));
    const rows = made?.n ?? 0;
    log(`  ${rows.toLocaleString("en-GB")} rows in ${insertSeconds.toFixed(1)} s; VACUUM ANALYZE ${vacuumSeconds.toFixed(1)} s`);

    // Search terms taken from the data: reference prefixes ("CP-" and 4 characters, as typed) and names.
    const sampleReferences = await db.select({ reference: submissions.reference }).from(submissions).where(eq(submissions.ownerId, owner.id)).orderBy(sql`md5(${submissions.reference})`).limit(20);
    const referencePrefixes = sampleReferences.map((row) => row.reference.slice(0, 7).toLowerCase());
    const surnameParts = ["hugh", "patel", "thomps", "begum", "richards", "kaur", "wilkin", "ahmed", "griff", "pears"];
    const nameFragments = [...surnameParts, ...["amelia harris", "noah khan", "isla wood", "oscar bell", "ruby shaw", "max ali", "ivy ward", "jude cox", "ada hall", "leo hunt"]];
    const rareForm = "lado-referral"; // the smallest share: the form filter's hardest case
    const scenarios: { name: string; query: (call: number) => InboxQuery }[] = [
      { name: "New, page 1", query: () => ({ tab: "new", page: 1, pageSize: PAGE_SIZE }) },
      { name: "New, page 50", query: () => ({ tab: "new", page: 50, pageSize: PAGE_SIZE }) },
      { name: "New, team Early Help", query: () => ({ tab: "new", team: "early-help", page: 1, pageSize: PAGE_SIZE }) },
      { name: `New, form ${rareForm}`, query: () => ({ tab: "new", formId: rareForm, page: 1, pageSize: PAGE_SIZE }) },
      { name: "New, search a reference prefix", query: (call) => ({ tab: "new", search: referencePrefixes[call % referencePrefixes.length]!, page: 1, pageSize: PAGE_SIZE }) },
      { name: "New, search a child's name", query: (call) => ({ tab: "new", search: nameFragments[call % nameFragments.length]!, page: 1, pageSize: PAGE_SIZE }) },
      { name: "Closed, search a child's name", query: (call) => ({ tab: "closed", search: nameFragments[call % nameFragments.length]!, page: 1, pageSize: PAGE_SIZE }) },
      // Only a surname part has 50 pages of matches (about 5,000 in Closed; a full name about 100).
      { name: "Closed, search a surname, page 50", query: (call) => ({ tab: "closed", search: surnameParts[call % surnameParts.length]!, page: 50, pageSize: PAGE_SIZE }) },
    ];

    const loadBefore = os.loadavg()[0] ?? NaN;
    const results: InboxScenario[] = [];
    for (const scenario of scenarios) {
      log(`  ${scenario.name} …`);
      for (let call = 0; call < WARM_UPS; call += 1) await listInbox({ db }, staff, scenario.query(call));
      const samples: number[] = [];
      let total = 0;
      for (let call = 0; call < CALLS; call += 1) {
        const start = performance.now();
        const page = await listInbox({ db }, staff, scenario.query(call));
        samples.push(performance.now() - start);
        if (page.status !== "done") throw new Error(`the bench's staff member was refused the inbox`);
        total += page.total;
      }
      caught = [];
      await listInbox({ db }, staff, scenario.query(0));
      const sent: { query: string; params: unknown[] }[] = caught;
      caught = null;
      // The count is its own query for a tab (inbox_counts); a search counts in its page query.
      const countStatement = sent.find((statement) => /"inbox_counts"|select count\(/i.test(statement.query));
      const pageStatement = sent.find((statement) => statement !== countStatement);
      const { explain, executionMs } = planReader(client, "in the page query");
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

    log("  removing the bench rows …");
    await removeRows();
    await client.unsafe("ANALYZE submissions, inbox_search");

    const worst = Math.max(...results.map((result) => percentile([...result.samples].sort((a, b) => a - b), 95)));
    const verdict = `inbox p95 at ${rows.toLocaleString("en-GB")} submissions = ${worst.toFixed(1)} ms (aim < ${AIM_P95_MS} ms; the slowest of the ${results.length} queries)${worst < AIM_P95_MS ? "" : ": aim not met"}`;
    return { rows, insertSeconds, vacuumSeconds, loadBefore, scenarios: results, verdict, p95: worst };
  } finally {
    await client.end({ timeout: 5 });
    await database.stop();
  }
}

const executionText = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(1) : "–");

export function statsOf(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
  return { p50: ms(percentile(sorted, 50)), p95: ms(percentile(sorted, 95)), p99: ms(percentile(sorted, 99)), max: ms(sorted.at(-1) ?? NaN) };
}

export function inboxText(report: InboxReport): string[] {
  const header = `${"".padEnd(36)} ${"matched".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)} ${"page ms".padStart(8)} ${"count ms".padStart(8)}`;
  const lines = report.scenarios.map((scenario) => {
    const s = statsOf(scenario.samples);
    return `${scenario.name.padEnd(36)} ${String(scenario.total).padStart(8)} ${s.p50.padStart(8)} ${s.p95.padStart(8)} ${s.p99.padStart(8)} ${s.max.padStart(8)} ${executionText(scenario.pageMs).padStart(8)} ${executionText(scenario.countMs).padStart(8)}`;
  });
  return [`Load average (1 min) just before the queries: ${report.loadBefore.toFixed(2)}`, header, ...lines, "", report.verdict];
}

export function inboxMarkdown(report: InboxReport, machine: string, date: string): string {
  const table = report.scenarios.map((scenario) => {
    const s = statsOf(scenario.samples);
    return `| ${scenario.name} | ${scenario.total.toLocaleString("en-GB")} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} | ${executionText(scenario.pageMs)} | ${executionText(scenario.countMs)} | ${scenario.pagePlan} | ${scenario.countPlan} |`;
  });
  return [
    "## Referrals inbox",
    "",
    `Machine: ${machine}  `,
    `Date: ${date}  `,
    `Load average (1 min) just before the queries: ${report.loadBefore.toFixed(2)}  `,
    `Data: ${report.rows.toLocaleString("en-GB")} submissions made by one INSERT … SELECT with the non-unique indexes (of submissions and of inbox_search, which its trigger fills) dropped and built again after it, in one transaction (${report.insertSeconds.toFixed(1)} s), then VACUUM ANALYZE (${report.vacuumSeconds.toFixed(1)} s), in the bench's embedded PostgreSQL with no portal running: ` +
      "5 forms (weighted), 4 teams (12 % moved from their form's team), statuses closed 50 %, new 30 %, responded 12 %, awaiting information 5 %, resubmitted 3 %, " +
      "sent over the last 2 years, 1 to 3 children each from 100 forenames and 100 surnames. The rows are deleted afterwards. How they are made: tests/bench/inbox.ts.  ",
    `Each query: listInbox itself (the page of ${PAGE_SIZE}, oldest first, and the count, run together), ${WARM_UPS} warm-up calls, then ${CALLS} calls one after another; ` +
      "searches rotate through 20 reference prefixes (\"cp-\" and 4 characters, lower case as typed) or 20 name fragments (10 surname parts, 10 full names; page 50: the 10 surname parts, the only ones with 50 pages of matches). " +
      "Matched: the total the inbox shows (the average over the calls for searches). Plans: EXPLAIN of the SQL listInbox sent (for a search, with its first term).",
    "",
    "Page and count (ms): PostgreSQL's own execution time of the two queries (EXPLAIN ANALYZE, median of 5), apart from the round trips and the rest of the machine's load; a tab's count reads inbox_counts, a search is counted in its page query (–).",
    "",
    "| Query | Matched | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | Page (ms) | Count (ms) | Page query plan | Count query plan |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ...table,
    "",
    `**Verdict:** ${report.verdict}`,
  ].join("\n");
}
