/**
 * `npm run bench`: prints latency percentiles for pages and the health check, PDF render
 * times, how long a start takes, and the referral form figures (section GET and save at 1, 10
 * and 50 users beside a one-row-insert baseline: tests/bench/forms.ts), with the machine they
 * were measured on, and writes them to docs/benchmarks.md. Starts its own portal (production
 * build, embedded services, data in .data/bench) on a free port. BENCH_SECONDS shortens each
 * form load (default 20) for a quick try.
 */
import { findFreePort } from "@/lib/runtime/free-port";
import { PdfRenderer } from "@/lib/pdf/renderer";
import { resolveChromium } from "@/lib/pdf/resolve-chromium";
import { launchPortal, waitForBanner } from "@/tests/support/launch-portal";
import { writeBenchSection } from "./docs";
import { LEVELS, formsMarkdown, formsTable, machineLine, runFormsBench, type FormsReport } from "./forms";

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

const formHtml = (n: number) =>
  `<!doctype html><html><head><style>body{font-family:Arial;font-size:12pt} section{page-break-after:always}</style></head><body>${Array.from(
    { length: 3 },
    (_, page) =>
      `<section><h1>Multi-agency referral ${n} — section ${page + 1}</h1>${Array.from({ length: 25 }, (_, row) => `<p><b>Question ${row + 1}</b><br>An answer typed by the referrer, long enough to wrap across the line once or twice in the PDF.</p>`).join("")}</section>`,
  ).join("")}</body></html>`;

const DATA_DIR = ".data/bench";
const FORM_SECONDS = Number(process.env.BENCH_SECONDS) > 0 ? Number(process.env.BENCH_SECONDS) : 20;
const progress = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
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
    progress(`Referral forms: 3 requests × ${LEVELS.length} levels × ${FORM_SECONDS} s …`);
    forms = await runFormsBench({ base, dataDir: DATA_DIR, seconds: FORM_SECONDS, log: progress });
  } finally {
    portal.child.kill("SIGINT");
    await portal.exited;
  }

  progress("PDF …");
  const chromium = await resolveChromium(process.env.CHROMIUM_PATH || undefined);
  const renderer = new PdfRenderer({ executablePath: chromium.path, poolSize: 2 });
  try {
    const cold = await time(() => renderer.render(formHtml(0)));
    lines.push("", `PDF, 3-page form, cold (browser launch)       ${cold.toFixed(0)} ms   [Chromium from ${chromium.source}]`);
    const warm: number[] = [];
    for (let i = 1; i <= 30; i += 1) warm.push(await time(() => renderer.render(formHtml(i))));
    lines.push(summarise("PDF, 3-page form, warm, one at a time", warm));
    const batchStart = performance.now();
    const batch = await Promise.all(Array.from({ length: 20 }, (_, i) => time(() => renderer.render(formHtml(i)))));
    const seconds = (performance.now() - batchStart) / 1000;
    lines.push(summarise("PDF, 20 at once through a pool of 2", batch), `  throughput ${(20 / seconds).toFixed(1)} PDFs/s`);
  } finally {
    await renderer.close();
  }
  const formLines = formsTable(forms);
  process.stdout.write(`${[...header, ...lines, "", "Referral forms", formLines].join("\n")}\n`);

  writeBenchSection("forms", `## Referral forms\n\n${formsMarkdown(forms, FORM_SECONDS)}`);
  writeBenchSection("other", ["## Other figures", "", `Machine: ${machineLine()}  `, `Date: ${header[1]!.slice("Date: ".length)}`, "", "```text", ...lines, "```"].join("\n"));
  progress("Written to docs/benchmarks.md");
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
