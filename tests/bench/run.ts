/**
 * `npm run bench`: prints latency percentiles for pages and the health check, PDF render
 * times, and how long a start takes, with the machine they were measured on. Starts its own
 * portal (production build, embedded services, data in .data/bench) on a free port.
 */
import os from "node:os";
import { findFreePort } from "@/lib/runtime/free-port";
import { PdfRenderer } from "@/lib/pdf/renderer";
import { resolveChromium } from "@/lib/pdf/resolve-chromium";
import { launchPortal, waitForBanner } from "@/tests/support/launch-portal";

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

async function main() {
  const cpus = os.cpus();
  const lines = [
    `Machine: ${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`,
    `Date: ${new Date().toISOString()}`,
    "",
  ];

  const port = await findFreePort();
  const env = { DATA_DIR: ".data/bench", PORT: String(port), PORTAL_QUIET_LOGS: "1" };
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
  try {
    await load(`${base}/`, 20, 2); // warm-up
    lines.push(summarise("GET / (1 client)", await load(`${base}/`, 200, 1)));
    lines.push(summarise("GET / (8 clients)", await load(`${base}/`, 400, 8)));
    lines.push(summarise("GET /accessibility (8 clients)", await load(`${base}/accessibility`, 400, 8)));
    lines.push(summarise("GET /api/health (1 client)", await load(`${base}/api/health`, 50, 1)));
  } finally {
    portal.child.kill("SIGINT");
    await portal.exited;
  }

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
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
