/**
 * The referral form figures of `npm run bench` (issue 4, item 11): latency and throughput of
 * (a) GET of a form section and (b) a section save, at 1, 10 and 50 concurrent signed-in
 * users, beside a baseline on the same server: a bare route handler that inserts one row
 * (app/api/bench/baseline, live only with PORTAL_BENCH_ROUTES=1).
 *
 * Users are made straight in the bench portal's embedded database: a referrer, a session row
 * and a "safeguarding-concern" draft each, and a session cookie minted the way next-auth mints
 * it (an encrypted JWT naming the session row, salted with the cookie's name).
 *
 * How a save is posted: as a browser without JavaScript posts the section form. The section
 * page's <form id="section-form"> uses a server action through useActionState, so Next renders
 * it as a multipart POST to the page's own URL with hidden `$ACTION_REF_…`, `$ACTION_…:0`,
 * `$ACTION_…:1` and `$ACTION_KEY` fields (progressive enhancement). The bench reads those hidden
 * fields from the page once per user and posts them with the section's own fields. The intent
 * is `goto:professional-details`, what the page's section list sends when a user picks a
 * section: the action saves and redirects (303) to that section. So a 303 to the section is a
 * success and anything else a failure; a stale revision comes back as a 200 page with the
 * "changed in another tab" banner, so it counts as a failure too. `autosave` is the JavaScript
 * path (a fetch action returning RSC) and `next` would move on to the next section instead.
 * Each user's revision is kept here (+1 per 303, only that user touches the draft) and checked
 * against the database after the run.
 */
import os from "node:os";
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { and, eq, inArray, sql } from "drizzle-orm";
import { createDb, type Db } from "@/db/client";
import { drafts, users } from "@/db/schema";
import { databaseForTool } from "@/lib/runtime/running-postgres";
import { DASHBOARD_TITLE, prepareSendCases } from "./send";
import { profiled } from "./profile";
import { processIds, readProcFile, webServerPids } from "./server-processes";
import { SECTION_ID, makeSessions } from "./sessions";

export const LEVELS = [1, 10, 50] as const;
/** The floor row: a signed-in GET of a page with no form (the accessibility statement). */
export const PLAIN_PAGE_TARGET = "GET a plain page (floor)";
const PLAIN_PAGE_PATH = "/accessibility";
/** The rows profiled when BENCH_PROFILE is set (tests/bench/profile.ts): the aims' level. */
const PROFILED_USERS = 50;
const SECTION_TITLE = "Professional's Details";
type BenchUser = { index: number; userId: string; draftId: string; cookie: string; revision: number; hidden: [string, string][]; dashboardPath: string };

export type LoadResult = {
  target: string;
  users: number;
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
  firstError?: string;
  /** The portal server's CPU time (user + system) over the row, or NaN when it could not be read. */
  serverCpuMs?: number;
};

/** What one section page weighs: its HTML, its RSC payload (`RSC: 1`) and the JavaScript it loads. */
export type PageWeight = { htmlBytes: number; rscBytes: number; scripts: number; jsBytes: number; jsGzipBytes: number };

export type FormsReport = { results: LoadResult[]; verdict: string; checks: string[]; loadBefore: number; weight?: PageWeight };

/**
 * The server's CPU time, the figure to compare before and after a change on a shared machine
 * (wall-clock latency there depends on what the other users of the machine do). Read from
 * /proc/<pid>/stat (utime + stime, in clock ticks) of the web server process serving `port`
 * (lib/runtime/web-server.ts, found by its command line and its PORT) and its descendants: with
 * WEB_CONCURRENCY above 1 that process is the cluster's primary and the web processes it forks
 * (same command line, same PORT) are its children, so they are counted, and so is a PDF browser
 * each may have started. Linux only; elsewhere the figure is NaN.
 */
export function serverCpuReader(port: string): () => number {
  let ticksPerSecond = 100;
  try {
    ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    // Linux's usual value.
  }
  const stat = (pid: string) => {
    // Fields after the command name in parentheses: state is 3rd, ppid 4th, utime 14th, stime 15th.
    const fields = readProcFile(`/proc/${pid}/stat`).replace(/^.*\)\s/s, "").split(" ");
    return { ppid: fields[1] ?? "", ticks: Number(fields[11]) + Number(fields[12]) };
  };
  const servers = webServerPids(port);
  // The one whose parent is not a web server itself: the only one, or the cluster's primary.
  const server = servers.find((pid) => !servers.includes(stat(pid).ppid));
  if (!server) return () => NaN;
  return () => {
    const family = new Set([server]);
    const stats = processIds().map((pid) => ({ pid, ...stat(pid) }));
    // Until nothing is added: a child may have a lower pid than its parent once pids wrap around.
    for (let size = 0; size !== family.size; ) {
      size = family.size;
      for (const entry of stats) if (family.has(entry.ppid)) family.add(entry.pid);
    }
    const ticks = stats.filter((entry) => family.has(entry.pid)).reduce((sum, entry) => sum + (entry.ticks || 0), 0);
    return (ticks / ticksPerSecond) * 1000;
  };
}

/** Loads one section page as `user` would: its HTML, its RSC payload, and each script it names. */
async function measurePageWeight(base: string, pagePath: string, cookie: string): Promise<PageWeight> {
  const html = await (await fetch(`${base}${pagePath}`, { headers: { cookie } })).text();
  // What a client-side navigation fetches: the page's React Server Components payload.
  const rsc = await (await fetch(`${base}${pagePath}`, { headers: { cookie, RSC: "1" } })).arrayBuffer();
  const sources = [...new Set([...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((match) => decodeEntities(match[1]!)))];
  let jsBytes = 0;
  let jsGzipBytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, base))).arrayBuffer());
    jsBytes += body.length;
    jsGzipBytes += gzipSync(body).length;
  }
  return { htmlBytes: Buffer.byteLength(html), rscBytes: rsc.byteLength, scripts: sources.length, jsBytes, jsGzipBytes };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Runs `request` in a loop from `concurrency` workers for `seconds`; a false result or a throw is an error. */
export async function loadFor(target: string, concurrency: number, seconds: number, request: (worker: number) => Promise<true | string>, cpu?: () => number): Promise<LoadResult> {
  const cpuBefore = cpu?.() ?? NaN;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        const began = performance.now();
        let outcome: true | string;
        try {
          outcome = await request(worker);
        } catch (error) {
          outcome = error instanceof Error ? error.message : String(error);
        }
        if (outcome === true) latencies.push(performance.now() - began);
        else {
          errors += 1;
          firstError ??= outcome;
        }
      }
    }),
  );
  const serverCpuMs = (cpu?.() ?? NaN) - cpuBefore;
  return { target, users: concurrency, requests: latencies.length + errors, errors, seconds: (performance.now() - start) / 1000, latencies, firstError, serverCpuMs };
}

const decodeEntities = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The section form's markup, from `<form … id="section-form" …>` to its `</form>`. */
export function sectionFormHtml(html: string): string {
  const start = html.search(/<form[^>]*\bid="section-form"/);
  if (start < 0) throw new Error("the section page has no <form id=\"section-form\">");
  const end = html.indexOf("</form>", start);
  return html.slice(start, end < 0 ? undefined : end + "</form>".length);
}

/** The hidden inputs Next renders for a server action without JavaScript (`$ACTION_…`). */
export function actionFields(formHtml: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const [input] of formHtml.matchAll(/<input\b[^>]*>/g)) {
    const name = input.match(/\bname="([^"]*)"/)?.[1];
    if (!name || !decodeEntities(name).startsWith("$ACTION")) continue;
    fields.push([decodeEntities(name), decodeEntities(input.match(/\bvalue="([^"]*)"/)?.[1] ?? "")]);
  }
  return fields;
}

const sectionPath = (user: BenchUser) => `/drafts/${user.draftId}/section/${SECTION_ID}`;

function saveBody(user: BenchUser, save: number): FormData {
  const body = new FormData();
  for (const [name, value] of user.hidden) body.append(name, value);
  body.append("draftId", user.draftId);
  body.append("sectionId", SECTION_ID);
  body.append("revision", String(user.revision));
  body.append("referrerName", `Bench Referrer ${user.index} (save ${save})`);
  body.append("referrerRole", "Designated safeguarding lead");
  body.append("referrerOrganisation", "Bench Primary School");
  body.append("referrerEmail", `dsl${user.index}@bench-school.example`);
  body.append("referrerPhone", "01632 960 123");
  body.append("intent", `goto:${SECTION_ID}`);
  return body;
}

/** Makes (or reuses) `count` referrers with a fresh session, cookie and draft each. */
async function prepareUsers(db: Db, base: string, dataDir: string, count: number): Promise<BenchUser[]> {
  const benchUsers: BenchUser[] = (await makeSessions(db, dataDir, "bench-referrer", count)).map((session) => ({ ...session, hidden: [], dashboardPath: "" }));
  const ids = benchUsers.map((user) => user.userId);

  // Each user is also a parent with active access to a child's EHCP case (issue 8's dashboard figure).
  const [caseworker] = await db.select({ id: users.id }).from(users).where(eq(users.role, "caseworker")).limit(1);
  if (!caseworker) throw new Error("the bench database has no caseworker (was it seeded?)");
  const dashboards = await prepareSendCases(db, ids, caseworker.id);
  for (const [index, user] of benchUsers.entries()) user.dashboardPath = dashboards[index]!;

  // Each user's page once: proves the cookie signs in, and gives the form's action fields.
  for (const user of benchUsers) {
    const response = await fetch(`${base}${sectionPath(user)}`, { headers: { cookie: user.cookie }, redirect: "manual" });
    const html = await response.text();
    if (response.status !== 200) throw new Error(`GET ${sectionPath(user)} as bench user ${user.index} answered ${response.status} ${response.headers.get("location") ?? ""}`);
    if (!decodeEntities(html).includes(SECTION_TITLE)) throw new Error(`the section page for bench user ${user.index} does not show "${SECTION_TITLE}"`);
    user.hidden = actionFields(sectionFormHtml(html));
    const dashboard = await fetch(`${base}${user.dashboardPath}`, { headers: { cookie: user.cookie }, redirect: "manual" });
    const dashboardHtml = await dashboard.text();
    if (dashboard.status !== 200 || !decodeEntities(dashboardHtml).includes(DASHBOARD_TITLE)) {
      throw new Error(`GET ${user.dashboardPath} as bench user ${user.index} answered ${dashboard.status} without "${DASHBOARD_TITLE}"`);
    }
    if (!user.hidden.some(([name]) => name.startsWith("$ACTION_REF_") || name.startsWith("$ACTION_ID_"))) {
      throw new Error(`the section form has no server action fields:\n${sectionFormHtml(html).slice(0, 2000)}`);
    }
  }
  return benchUsers;
}

export async function runFormsBench(options: {
  base: string;
  dataDir: string;
  seconds: number;
  log: (line: string) => void;
  /** Only the rows whose request name includes one of these (BENCH_FORMS_ONLY, comma-separated: e.g. "GET a form,Save"), for a profile. */
  only?: string[];
}): Promise<FormsReport> {
  const { base, seconds, log } = options;
  const cpu = serverCpuReader(new URL(base).port);
  const database = await databaseForTool({ DATA_DIR: options.dataDir });
  const { db, close } = createDb(database.url, { max: 4 });
  try {
    await db.execute(sql`create table if not exists bench_baseline (id bigserial primary key, created_at timestamptz default now(), payload text)`);
    await db.execute(sql`truncate bench_baseline`);
    const benchUsers = await prepareUsers(db, base, options.dataDir, Math.max(...LEVELS));
    const startRevisions = new Map(benchUsers.map((user) => [user.draftId, user.revision]));
    let savesMade = 0;
    const checks: string[] = [];

    const baseline = async (): Promise<true | string> => {
      const response = await fetch(`${base}/api/bench/baseline`, { method: "POST", body: "bench baseline row", headers: { origin: base } });
      await response.arrayBuffer();
      return response.status === 204 || `baseline answered ${response.status}`;
    };
    const getSection = async (worker: number): Promise<true | string> => {
      const user = benchUsers[worker]!;
      const response = await fetch(`${base}${sectionPath(user)}`, { headers: { cookie: user.cookie }, redirect: "manual" });
      await response.arrayBuffer();
      return response.status === 200 || `GET section answered ${response.status}`;
    };
    const getDashboard = async (worker: number): Promise<true | string> => {
      const user = benchUsers[worker]!;
      const response = await fetch(`${base}${user.dashboardPath}`, { headers: { cookie: user.cookie }, redirect: "manual" });
      await response.arrayBuffer();
      return response.status === 200 || `GET SEND Dashboard answered ${response.status}`;
    };
    // The floor under the section GET: a page of static text behind the same root layout (the
    // session check, header, account links and footer), so the table shows how much of a section
    // page's cost is the section and how much any page of ours costs on Next's App Router.
    const getPlainPage = async (worker: number): Promise<true | string> => {
      const user = benchUsers[worker]!;
      const response = await fetch(`${base}${PLAIN_PAGE_PATH}`, { headers: { cookie: user.cookie }, redirect: "manual" });
      await response.arrayBuffer();
      return response.status === 200 || `GET ${PLAIN_PAGE_PATH} answered ${response.status}`;
    };
    const saveSection = async (worker: number): Promise<true | string> => {
      const user = benchUsers[worker]!;
      const response = await fetch(`${base}${sectionPath(user)}`, {
        method: "POST",
        headers: { cookie: user.cookie, origin: base },
        body: saveBody(user, savesMade + 1),
        redirect: "manual",
      });
      await response.arrayBuffer();
      const location = response.headers.get("location") ?? "";
      if (response.status === 303 && location.endsWith(sectionPath(user))) {
        user.revision += 1;
        savesMade += 1;
        return true;
      }
      // Out of step (a stale page, say): learn the revision again so the next save can work.
      const [row] = await db.select({ revision: drafts.revision }).from(drafts).where(and(eq(drafts.id, user.draftId), eq(drafts.ownerId, user.userId)));
      if (row) user.revision = row.revision;
      return `save answered ${response.status} ${location}`;
    };

    const loadBefore = os.loadavg()[0] ?? NaN;
    const targets = [
      { name: "Baseline: POST inserting one row", request: baseline },
      { name: "GET a form section", request: getSection },
      { name: "Save a form section", request: saveSection },
      { name: "GET a SEND Dashboard", request: getDashboard },
      { name: PLAIN_PAGE_TARGET, request: getPlainPage },
    ];
    const results: LoadResult[] = [];
    const weight = await measurePageWeight(base, sectionPath(benchUsers[0]!), benchUsers[0]!.cookie);
    const only = options.only ?? process.env.BENCH_FORMS_ONLY?.split(",").filter(Boolean);
    for (const target of targets) {
      if (only && !only.some((part) => target.name.includes(part))) continue;
      await loadFor(`${target.name} (warm-up)`, 10, 3, target.request);
      for (const level of LEVELS) {
        log(`  ${target.name}, ${level} user${level === 1 ? "" : "s"}, ${seconds} s …`);
        const row = () => loadFor(target.name, level, seconds, target.request, cpu);
        results.push(level === PROFILED_USERS ? await profiled(new URL(base).port, `${target.name} ${level} users`, row) : await row());
      }
    }

    const revisions = await db.select({ id: drafts.id, revision: drafts.revision }).from(drafts).where(inArray(drafts.id, [...startRevisions.keys()]));
    const advanced = revisions.reduce((sum, row) => sum + row.revision - (startRevisions.get(row.id) ?? row.revision), 0);
    checks.push(
      advanced === savesMade
        ? `Drafts' revisions advanced ${advanced} times, once for each save answered 303 (warm-up included).`
        : `MISMATCH: drafts' revisions advanced ${advanced} times but ${savesMade} saves answered 303.`,
    );
    const [baselineRows] = await db.execute<{ count: string }>(sql`select count(*)::text as count from bench_baseline`);
    const baselineOk = results.filter((result) => result.target === targets[0]!.name).reduce((sum, result) => sum + result.requests - result.errors, 0);
    checks.push(`bench_baseline holds ${baselineRows?.count ?? "?"} rows (${baselineOk} measured inserts plus the warm-up).`);

    const p95 = (result: LoadResult | undefined) => (result ? percentile([...result.latencies].sort((a, b) => a - b), 95) : NaN);
    const at50 = (name: string) => results.find((result) => result.target === name && result.users === 50);
    const save95 = p95(at50(targets[2]!.name));
    const base95 = p95(at50(targets[0]!.name));
    const ratio = save95 / base95;
    const get95 = p95(at50(targets[1]!.name));
    const dashboard95 = p95(at50(targets[3]!.name));
    const dashboardRatio = dashboard95 / get95;
    const verdict =
      `section save p95 at 50 users = ${save95.toFixed(1)} ms = ${ratio.toFixed(2)} × baseline (${base95.toFixed(1)} ms; aim ≤ 2×)${ratio <= 2 ? "" : ": aim not met"}. ` +
      `SEND Dashboard p95 at 50 users = ${dashboard95.toFixed(1)} ms = ${dashboardRatio.toFixed(2)} × the section GET's (${get95.toFixed(1)} ms; aim ≤ 2×)${dashboardRatio <= 2 ? "" : ": aim not met"}`;
    return { results, verdict, checks, loadBefore, weight };
  } finally {
    await close();
    await database.stop();
  }
}

type Row = { target: string; users: number; requests: number; errors: number; throughput: string; p50: string; p95: string; p99: string; cpu: string };

function rows(results: LoadResult[]): Row[] {
  return results.map((result) => {
    const sorted = [...result.latencies].sort((a, b) => a - b);
    const ms = (p: number) => (sorted.length ? percentile(sorted, p).toFixed(1) : "–");
    return {
      target: result.target,
      users: result.users,
      requests: result.requests,
      errors: result.errors,
      throughput: (result.latencies.length / result.seconds).toFixed(1),
      p50: ms(50),
      p95: ms(95),
      p99: ms(99),
      cpu: result.requests > 0 && Number.isFinite(result.serverCpuMs) ? (result.serverCpuMs! / result.requests).toFixed(2) : "–",
    };
  });
}

export function machineLine(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

export function formsTable(report: FormsReport): string {
  const header = `${"".padEnd(34)} ${"users".padStart(5)} ${"requests".padStart(9)} ${"errors".padStart(7)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"CPU ms/req".padStart(10)}`;
  const lines = rows(report.results).map(
    (row) =>
      `${row.target.padEnd(34)} ${String(row.users).padStart(5)} ${String(row.requests).padStart(9)} ${String(row.errors).padStart(7)} ${row.throughput.padStart(8)} ${row.p50.padStart(8)} ${row.p95.padStart(8)} ${row.p99.padStart(8)} ${row.cpu.padStart(10)}`,
  );
  const errors = report.results.filter((result) => result.firstError).map((result) => `  first error, ${result.target} at ${result.users}: ${result.firstError}`);
  return [header, ...lines, "", report.verdict, ...report.checks, ...(report.weight ? [weightLine(report.weight)] : []), ...errors].join("\n");
}

function weightLine(weight: PageWeight): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return `Section page weight (Professional's Details): HTML ${kb(weight.htmlBytes)}, RSC payload ${kb(weight.rscBytes)}, ${weight.scripts} scripts of ${kb(weight.jsBytes)} (${kb(weight.jsGzipBytes)} gzipped).`;
}

export function formsMarkdown(report: FormsReport, seconds: number, webProcesses = 1): string {
  const table = rows(report.results).map((row) => `| ${row.target} | ${row.users} | ${row.requests} | ${row.errors} | ${row.throughput} | ${row.p50} | ${row.p95} | ${row.p99} | ${row.cpu} |`);
  const errors = report.results.filter((result) => result.firstError).map((result) => `- First error, ${result.target} at ${result.users} users: \`${result.firstError}\``);
  return [
    `Machine: ${machineLine()}  `,
    `Date: ${new Date().toISOString()}  `,
    `Load average (1 min) just before the load: ${report.loadBefore.toFixed(2)}  `,
    `Web processes: ${webProcesses} (WEB_CONCURRENCY, from BENCH_WEB_CONCURRENCY)  `,
    `Each row: ${seconds} s of load after a 3 s warm-up of each request; latencies of successful requests only; throughput = successful requests per second. ` +
      "Each user has its own session and draft. GET: the whole HTML of the draft's Professional's Details section. " +
      "Save: the section form posted as a browser without JavaScript posts it (server action, intent `goto:professional-details`), timed up to its 303; the redirect is not followed. " +
      "Baseline: POST to a route handler that inserts one row and answers 204. " +
      "SEND Dashboard: the whole HTML of the user's own child's dashboard (each user a parent with active access to one EHCP case). " +
      "Plain page (floor): the whole HTML of the accessibility statement, signed in: the same root layout as every page (session check, header, account links, footer) around static text, no form and no draft, so the difference between it and the section GET is what the section itself costs. " +
      "Server CPU per request: the portal server process's user + system CPU time over the row (/proc/<pid>/stat), with its children's (the web processes with more than one, the PDF browser), divided by the requests made, the figure to compare on a shared machine.",
    "",
    "| Request | Users | Requests | Errors | Throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | Server CPU (ms/req) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...table,
    "",
    `**Verdict:** ${report.verdict}`,
    "",
    ...report.checks.map((check) => `- ${check}`),
    ...(report.weight ? [`- ${weightLine(report.weight)}`] : []),
    ...errors,
  ].join("\n");
}
