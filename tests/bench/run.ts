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
 * and SEND Dashboard loads only.
 */
import { findFreePort } from "@/lib/runtime/free-port";
import { launchPortal, waitForBanner } from "@/tests/support/launch-portal";
import { writeBenchSection } from "./docs";
import { LEVELS, formsMarkdown, formsTable, machineLine, runFormsBench, type FormsReport } from "./forms";
import { caseloadMarkdown, caseloadText, runCaseloadBench } from "./caseload";
import { inboxMarkdown, inboxText, runInboxBench } from "./inbox";
import { pdfMarkdown, runPdfBench } from "./pdf";

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
const FORM_SECONDS = Number(process.env.BENCH_SECONDS) > 0 ? Number(process.env.BENCH_SECONDS) : 20;
const progress = (line: string) => process.stderr.write(`${line}\n`);

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
  const isFormsOnly = process.env.BENCH_ONLY === "forms";
  if (process.env.BENCH_ONLY && !isFormsOnly) throw new Error(`BENCH_ONLY=${process.env.BENCH_ONLY}: expected pdf, inbox, caseload or forms`);
  const header = [`Machine: ${machineLine()}`, `Date: ${new Date().toISOString()}`, ""];
  const lines: string[] = [];

  const port = await findFreePort();
  // PORTAL_BENCH_ROUTES turns on the baseline route (app/api/bench/baseline) for this portal only.
  const env = { DATA_DIR, PORT: String(port), PORTAL_QUIET_LOGS: "1", PORTAL_BENCH_ROUTES: "1" };
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
  try {
    progress("Pages …");
    await load(`${base}/`, 20, 2); // warm-up
    lines.push(summarise("GET / (1 client)", await load(`${base}/`, 200, 1)));
    lines.push(summarise("GET / (8 clients)", await load(`${base}/`, 400, 8)));
    lines.push(summarise("GET /accessibility (8 clients)", await load(`${base}/accessibility`, 400, 8)));
    lines.push(summarise("GET /api/health (1 client)", await load(`${base}/api/health`, 50, 1)));
    progress(`Referral forms and the SEND Dashboard: 4 requests × ${LEVELS.length} levels × ${FORM_SECONDS} s …`);
    forms = await runFormsBench({ base, dataDir: DATA_DIR, seconds: FORM_SECONDS, log: progress });
  } finally {
    portal.child.kill("SIGINT");
    await portal.exited;
  }
  if (isFormsOnly) {
    process.stdout.write(`${[...header, "Referral forms and the SEND Dashboard", formsTable(forms)].join("\n")}\n`);
    writeBenchSection("forms", `## Referral forms and the SEND Dashboard\n\n${formsMarkdown(forms, FORM_SECONDS)}`);
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
  process.stdout.write(`${[...header, ...lines, "", "Referral forms", formLines, "", "PDF", ...pdf.text, "", "Referrals inbox", ...inboxText(inbox), "", "SEND caseload", ...caseloadText(caseload)].join("\n")}\n`);

  writeBenchSection("forms", `## Referral forms and the SEND Dashboard\n\n${formsMarkdown(forms, FORM_SECONDS)}`);
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
