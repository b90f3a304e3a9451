/**
 * `npm run bench`: prints latency percentiles for pages and the health check, how long a start
 * takes, the referral form figures (section GET and save at 1, 10 and 50 users beside a
 * one-row-insert baseline: tests/bench/forms.ts) and the PDF figures (a full Early Help
 * Assessment cold, warm and 10 at once, with the browser's peak memory: tests/bench/pdf.ts),
 * the referrals inbox figures (listInbox at 1,000,000 submissions: tests/bench/inbox.ts) and
 * the SEND caseload figures (listCases at 20,000 cases: tests/bench/caseload.ts), with the
 * machine they were measured on, and writes them to docs/benchmarks.md. Starts its own
 * portal (production build, embedded services, data in .data/bench) on a free port; the PDFs
 * and the inbox are measured after it has stopped, so they do not share the machine with it.
 * BENCH_SECONDS shortens each form load (default 20) for a quick try; BENCH_ONLY=pdf,
 * BENCH_ONLY=inbox or BENCH_ONLY=caseload runs that part alone (no portal; the inbox and the
 * caseload start the bench's embedded PostgreSQL themselves) and rewrites only its section; BENCH_ONLY=forms runs the portal and the form
 * and SEND Dashboard loads only (with the aims judged from them).
 *
 * Issue 19's parts, run on the same portal after the forms: the aims' verdicts at 50 users
 * (tests/bench/aims.ts, from the forms' figures), side by side with the DEFRA forms engine
 * (tests/bench/peer.ts; BENCH_PEER=0 skips it, BENCH_PEER_ROUNDS sets its rounds, default 2),
 * the mixed profile (tests/bench/mixed.ts: 500 sessions at 50 requests/s for twice
 * BENCH_SECONDS) and page weight (tests/bench/page-weight.ts). BENCH_ONLY=peer, mixed or weight
 * starts the portal for that part alone and rewrites only its section. BENCH_WEB_CONCURRENCY runs
 * the portal with that many web processes (WEB_CONCURRENCY; 1 unless set), named in each
 * section's context, so the forms and the aims can be measured with one and with two.
 */
import os from "node:os";
import { findFreePort } from "@/lib/runtime/free-port";
import { launchPortal, waitForBanner } from "@/tests/support/launch-portal";
import { writeBenchSection } from "./docs";
import { profilerSettings } from "./profile";
import { LEVELS, formsMarkdown, formsTable, machineLine, runFormsBench, type FormsReport } from "./forms";
import { caseloadMarkdown, caseloadText, runCaseloadBench } from "./caseload";
import { inboxMarkdown, inboxText, runInboxBench } from "./inbox";
import { pdfMarkdown, runPdfBench } from "./pdf";
import { aimsMarkdown, aimsText, judgeAims } from "./aims";
import { mixedMarkdown, mixedText, runMixedBench } from "./mixed";
import { peerMarkdown, peerText, runPeerBench } from "./peer";
import { runPageWeightBench, weightMarkdown, weightText } from "./page-weight";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function summarise(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const f = (ms: number) => `${ms.toFixed(1)} ms`.padStart(10);
  return `${label.padEnd(38)} n=${String(samples.length).padEnd(4)} p50 ${f(percentile(sorted, 50))}  p95 ${f(percentile(sorted, 95))}  p99 ${f(percentile(sorted, 99))}  max ${f(sorted.at(-1) ?? NaN)}`;
}

async function time<T>(work: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function load(url: string, requests: number, concurrency: number): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        samples.push(await time(async () => {
          const response = await fetch(url);
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        }));
      }
    }),
  );
  return samples;
}

const DATA_DIR = ".data/bench";
/** BENCH_WEB_CONCURRENCY: the bench portal's web processes (WEB_CONCURRENCY), 1 unless set. */
const WEB_PROCESSES = Number(process.env.BENCH_WEB_CONCURRENCY) > 0 ? Math.floor(Number(process.env.BENCH_WEB_CONCURRENCY)) : 1;
/**
 * The bench portal's settings (with the profiler's when BENCH_PROFILE is set: tests/bench/profile.ts).
 * PORTAL_BENCH_ROUTES turns on the baseline route (app/api/bench/baseline) for this portal only.
 */
const benchPortalEnv = (port: number): Record<string, string> => ({
  DATA_DIR,
  PORT: String(port),
  PORTAL_QUIET_LOGS: "1",
  PORTAL_BENCH_ROUTES: "1",
  WEB_CONCURRENCY: String(WEB_PROCESSES),
  ...profilerSettings(),
});
const FORM_SECONDS = Number(process.env.BENCH_SECONDS) > 0 ? Number(process.env.BENCH_SECONDS) : 20;
const progress = (line: string) => process.stderr.write(`${line}\n`);
const isPeerOn = process.env.BENCH_PEER !== "0";
const PEER_ROUNDS = Number(process.env.BENCH_PEER_ROUNDS) > 0 ? Number(process.env.BENCH_PEER_ROUNDS) : 2;
const MIXED_SECONDS = FORM_SECONDS * 2;
const NEW_PARTS = ["peer", "mixed", "weight"] as const;
type NewPart = (typeof NEW_PARTS)[number];

function writeAims(forms: FormsReport): string[] {
  const aims = judgeAims(forms.results);
  const context =
    `Machine: ${machineLine()}  \nDate: ${new Date().toISOString()}  \nLoad average (1 min) just before the forms' load: ${forms.loadBefore.toFixed(2)}  \nWeb processes: ${WEB_PROCESSES} (WEB_CONCURRENCY, from BENCH_WEB_CONCURRENCY)  \n` +
    "Judged from the Referral forms figures at 50 users of the same run (the section above, when the whole bench runs): the bare-insert baseline's p95 against the section GET's, the save's and the SEND Dashboard's; throughput = successful requests per second. How: tests/bench/aims.ts.";
  writeBenchSection("aims", aimsMarkdown(aims, context));
  return ["Aims at 50 users (issue 19, point 2)", ...aimsText(aims)];
}

/** Issue 19's parts that load the running portal: each prints its figures and rewrites its section. */
async function runNewParts(parts: readonly NewPart[], base: string, port: number): Promise<string[]> {
  const lines: string[] = [];
  const at = () => new Date().toISOString();
  if (parts.includes("peer")) {
    if (!isPeerOn) lines.push("Side by side with the DEFRA forms engine: skipped (BENCH_PEER=0)");
    else {
      progress(`Side by side with the DEFRA forms engine: 2 requests × 2 levels × ${PEER_ROUNDS} rounds × ${FORM_SECONDS} s, ours and the peer's …`);
      const date = at();
      const peer = await runPeerBench({ base, dataDir: DATA_DIR, seconds: FORM_SECONDS, rounds: PEER_ROUNDS, log: progress });
      lines.push("", "Side by side with the DEFRA forms engine", ...peerText(peer));
      writeBenchSection("peer", peerMarkdown(peer, machineLine(), date));
    }
  }
  if (parts.includes("mixed")) {
    progress(`Mixed profile: 500 sessions, 50 requests/s for ${MIXED_SECONDS} s …`);
    const date = at();
    const loadBefore = os.loadavg()[0] ?? NaN;
    const mixed = await runMixedBench({ base, appUrl: `http://localhost:${port}`, dataDir: DATA_DIR, seconds: MIXED_SECONDS, log: progress });
    lines.push("", "Mixed profile", ...mixedText(mixed));
    writeBenchSection("mixed", mixedMarkdown(mixed, machineLine(), date, loadBefore));
  }
  if (parts.includes("weight")) {
    progress("Page weight …");
    const date = at();
    const weight = await runPageWeightBench({ base, dataDir: DATA_DIR, log: progress });
    lines.push("", "Page weight (first-load JavaScript)", ...weightText(weight));
    writeBenchSection("weight", weightMarkdown(weight, machineLine(), date));
  }
  return lines;
}

/** BENCH_ONLY=peer, mixed or weight: the portal, that part, its section. */
async function newPartOnly(part: NewPart) {
  const port = await findFreePort();
  progress("Starting the bench portal (builds first if the sources changed) …");
  const portal = launchPortal(benchPortalEnv(port));
  let lines: string[];
  try {
    await waitForBanner(portal, 600_000);
    lines = await runNewParts([part], `http://127.0.0.1:${port}`, port);
  } finally {
    portal.child.kill("SIGINT");
    await portal.exited;
  }
  process.stdout.write(`${[`Machine: ${machineLine()}`, `Date: ${new Date().toISOString()}`, ...lines].join("\n")}\n`);
  progress(`Written to docs/benchmarks.md (${part} section only)`);
}

async function pdfOnly() {
  const date = new Date().toISOString();
  progress("PDF …");
  const pdf = await runPdfBench({ log: progress });
  process.stdout.write(`${[`Machine: ${machineLine()}`, `Date: ${date}`, "", "PDF", ...pdf.text].join("\n")}\n`);
  writeBenchSection("pdf", pdfMarkdown(pdf, machineLine(), date));
  progress("Written to docs/benchmarks.md (PDF section only)");
}

async function inboxOnly() {
  const date = new Date().toISOString();
  progress("Referrals inbox …");
  const inbox = await runInboxBench({ dataDir: DATA_DIR, log: progress });
  process.stdout.write(`${[`Machine: ${machineLine()}`, `Date: ${date}`, "", "Referrals inbox", ...inboxText(inbox)].join("\n")}\n`);
  writeBenchSection("inbox", inboxMarkdown(inbox, machineLine(), date));
  progress("Written to docs/benchmarks.md (inbox section only)");
}

async function caseloadOnly() {
  const date = new Date().toISOString();
  progress("SEND caseload …");
  const caseload = await runCaseloadBench({ dataDir: DATA_DIR, log: progress });
  process.stdout.write(`${[`Machine: ${machineLine()}`, `Date: ${date}`, "", "SEND caseload", ...caseloadText(caseload)].join("\n")}\n`);
  writeBenchSection("caseload", caseloadMarkdown(caseload, machineLine(), date));
  progress("Written to docs/benchmarks.md (caseload section only)");
}

async function main() {
  if (process.env.BENCH_ONLY === "pdf") return pdfOnly();
  if (process.env.BENCH_ONLY === "inbox") return inboxOnly();
  if (process.env.BENCH_ONLY === "caseload") return caseloadOnly();
  const newPart = NEW_PARTS.find((part) => part === process.env.BENCH_ONLY);
  if (newPart) return newPartOnly(newPart);
  const isFormsOnly = process.env.BENCH_ONLY === "forms";
  if (process.env.BENCH_ONLY && !isFormsOnly) throw new Error(`BENCH_ONLY=${process.env.BENCH_ONLY}: expected pdf, inbox, caseload, forms, peer, mixed or weight`);
  const header = [`Machine: ${machineLine()}`, `Date: ${new Date().toISOString()}`, `Web processes: ${WEB_PROCESSES} (BENCH_WEB_CONCURRENCY)`, ""];
  const lines: string[] = [];

  const port = await findFreePort();
  const env = benchPortalEnv(port);
  progress("Starting the bench portal (builds first if the sources changed) …");
  const coldStart = performance.now();
  let portal = launchPortal(env);
  await waitForBanner(portal, 600_000);
  lines.push(`First start (builds only if sources changed)   ${((performance.now() - coldStart) / 1000).toFixed(1)} s`);
  portal.child.kill("SIGINT");
  await portal.exited;
  const warmStart = performance.now();
  portal = launchPortal(env);
  await waitForBanner(portal, 600_000);
  lines.push(`Restart with nothing changed                   ${((performance.now() - warmStart) / 1000).toFixed(1)} s`, "");

  const base = `http://127.0.0.1:${port}`;
  let forms: FormsReport;
  let newLines: string[] = [];
  try {
    progress("Pages …");
    await load(`${base}/`, 20, 2); // warm-up
    lines.push(summarise("GET / (1 client)", await load(`${base}/`, 200, 1)));
    lines.push(summarise("GET / (8 clients)", await load(`${base}/`, 400, 8)));
    lines.push(summarise("GET /accessibility (8 clients)", await load(`${base}/accessibility`, 400, 8)));
    lines.push(summarise("GET /api/health (1 client)", await load(`${base}/api/health`, 50, 1)));
    progress(`Referral forms and the SEND Dashboard: 4 requests × ${LEVELS.length} levels × ${FORM_SECONDS} s …`);
    forms = await runFormsBench({ base, dataDir: DATA_DIR, seconds: FORM_SECONDS, log: progress });
    if (!isFormsOnly) newLines = await runNewParts(NEW_PARTS, base, port);
  } finally {
    portal.child.kill("SIGINT");
    await portal.exited;
  }
  if (isFormsOnly) {
    process.stdout.write(`${[...header, "Referral forms and the SEND Dashboard", formsTable(forms), "", ...writeAims(forms)].join("\n")}\n`);
    writeBenchSection("forms", `## Referral forms and the SEND Dashboard\n\n${formsMarkdown(forms, FORM_SECONDS, WEB_PROCESSES)}`);
    progress("Written to docs/benchmarks.md (forms section only)");
    return;
  }

  progress("PDF …");
  const pdfDate = new Date().toISOString();
  const pdf = await runPdfBench({ log: progress });
  progress("Referrals inbox …");
  const inboxDate = new Date().toISOString();
  const inbox = await runInboxBench({ dataDir: DATA_DIR, log: progress });
  progress("SEND caseload …");
  const caseloadDate = new Date().toISOString();
  const caseload = await runCaseloadBench({ dataDir: DATA_DIR, log: progress });
  const formLines = formsTable(forms);
  const aimLines = writeAims(forms);
  process.stdout.write(`${[...header, ...lines, "", "Referral forms", formLines, "", ...aimLines, ...newLines, "", "PDF", ...pdf.text, "", "Referrals inbox", ...inboxText(inbox), "", "SEND caseload", ...caseloadText(caseload)].join("\n")}\n`);

  writeBenchSection("forms", `## Referral forms and the SEND Dashboard\n\n${formsMarkdown(forms, FORM_SECONDS, WEB_PROCESSES)}`);
  writeBenchSection("pdf", pdfMarkdown(pdf, machineLine(), pdfDate));
  writeBenchSection("inbox", inboxMarkdown(inbox, machineLine(), inboxDate));
  writeBenchSection("caseload", caseloadMarkdown(caseload, machineLine(), caseloadDate));
  writeBenchSection("other", ["## Other figures", "", `Machine: ${machineLine()}  `, `Date: ${header[1]!.slice("Date: ".length)}`, "", "```text", ...lines, "```"].join("\n"));
  progress("Written to docs/benchmarks.md");
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
