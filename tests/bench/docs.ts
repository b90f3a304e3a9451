/**
 * docs/benchmarks.md: the intro is kept as written; `npm run bench` replaces only what lies
 * between its markers (`<!-- bench:<name>:start -->` … `<!-- bench:<name>:end -->`), adding a
 * marked section at the end if the file lacks it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const BENCHMARKS_FILE = "docs/benchmarks.md";

const INTRO = `# Benchmarks

\`npm run bench\` (tests/bench/run.ts) starts its own portal the way \`npm start\` does: a production
build (built first if the sources changed), embedded PostgreSQL, S3 and mail, data in
.data/bench, on a free port. It then measures, and rewrites the marked sections below:

- **Referral forms** (issue 4, item 11): p50, p95 and p99 latency and throughput of a GET of a
  form section and of a section save, at 1, 10 and 50 concurrent signed-in users for 20 s each,
  beside a baseline on the same server: a bare route handler that inserts one row
  (app/api/bench/baseline, live only when the bench starts the portal with
  PORTAL_BENCH_ROUTES=1). The aim: section save p95 at 50 users no more than 2× the baseline's.
  How users, cookies and saves are made is described at the top of tests/bench/forms.ts.
- **Aims at 50 users** (issue 19, point 2): judged from the Referral forms rows at 50 users:
  section GET p95 ≤ 2× the bare-insert baseline's p95, section save p95 ≤ 1.5×, each at least
  200 requests/s, and the SEND Dashboard's p95 within the section GET's bound (≤ 2×). Met or not
  met per aim, with the figures (tests/bench/aims.ts). Written whenever the forms run.
- **Side by side with the DEFRA forms engine** (issue 19, point 3): the bench installs
  \`@defra/forms-engine-plugin\` 8.0.1 from npm into .data/bench-peer once (never a dependency of
  the portal), starts it with its example form and in-memory sessions (tests/bench/peer-server.mjs),
  and loads its one-question page's GET and POST (with the CSRF crumb of each user's first GET)
  beside our section GET and save: the same load generator, 10 and 50 users, ours then the
  peer's, 2 rounds (BENCH_PEER_ROUNDS), with the ratio ours/peer per row. The aim: ours at least
  as fast. \`BENCH_PEER=0\` skips it; \`BENCH_ONLY=peer npm run bench\` runs it alone.
- **Mixed profile** (issue 19, point 2): 500 signed-in sessions, an open-model load of 50
  requests/s on a fixed schedule (sent on time however slow the answers, so queueing shows) for
  twice BENCH_SECONDS (40 s by default): section reads, saves, uploads and "Create PDF", with
  p50, p95, p99, counts and errors per kind (tests/bench/mixed.ts). The aim: p95 under 300 ms
  and no errors. \`BENCH_ONLY=mixed npm run bench\` runs it alone.
- **Page weight** (issue 19, point 4): first-load JavaScript per kind of page (sign-in, section
  pages, check your answers, SEND Dashboard, staff inbox …) from the production build: the
  scripts each page's HTML names, compressed (gzip, brotli) and summed (tests/bench/page-weight.ts).
  The aim: at most 120 KB gzip for section pages. \`BENCH_ONLY=weight npm run bench\` runs it alone.
- **PDF** (issue 5, item 5): a PDF of a full External Early Help Assessment (three children,
  every section shown and complete, five attachments: tests/bench/full-eha.ts) made as the app
  makes it, with a fresh browser (launch, render, close; 5 runs) and with the kept one (30 one
  after another), and 10 at once on the kept one with its pool of 2 pages (3 times): median and
  p95, failures, and the browser's peak memory (RSS of its process tree, sampled every 50 ms).
  The aim: a warm PDF in at most 300 ms median, and all of 10 at once succeed. The PDFs are
  made after the portal has stopped. \`BENCH_ONLY=pdf npm run bench\` runs this part alone.
- **Referrals inbox** (issue 6, item 9; issue 19, point 5): the staff inbox query (listInbox: the page of 25,
  oldest first, and its count) at 1,000,000 submissions made in the bench's database by one
  INSERT … SELECT (5 forms, 4 teams, mostly new or closed, 2 years of dates, children's names
  from about 200 names): p50, p95 and p99 of 200 calls each for the New tab's first and 50th
  page, a team, a form, a reference prefix and a child's name, with the plans PostgreSQL chose.
  The aim: p95 under 50 ms. The rows are removed afterwards. \`BENCH_ONLY=inbox npm run bench\`
  runs this part alone (no portal).
- **SEND caseload** (issue 19, point 5): the caseworkers' list (listCases: its whole
  transaction, the page of 25 nearest due first and its total) at 20,000 SEND cases made by one
  INSERT … SELECT: p50, p95 and p99 of 200 calls each for the first and 50th page of each stage
  filter, a child's name and a case number, with the plans. The aim: p95 under 50 ms.
  \`BENCH_ONLY=caseload npm run bench\` runs this part alone (no portal).
- **Other figures**: start-up times, latency of a few pages and the health check.

The figures come from one run on one machine (named in each section), with the load generator
on the same machine as the portal, so they compare requests with each other rather than promise
anything about a council's server.
`;

export function writeBenchSection(name: string, body: string, file = BENCHMARKS_FILE): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : INTRO;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}` : `${current.trimEnd()}\n\n${block}\n`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, next);
}
