/**
 * The PDF figures of `npm run bench` (issue 5, item 5), all on a FULL External Early Help
 * Assessment (tests/bench/full-eha.ts) through the app's own path: renderFormPdf on a
 * PdfRenderer with a pool of 2 pages, the PDF_PAGE_POOL default getPdfRenderer uses.
 *
 * (a) Cold: a new PdfRenderer each time (launch, render, close), 5 runs; the time to the PDF
 *     (what the person waits for) and the time with the close.
 * (b) Warm: one kept renderer, 2 warm-up renders, then 30 one after another.
 * (c) 10 at once on the kept renderer, 3 times: how many succeed (a PDF pdf.js can open with
 *     the right number of pages), each PDF's latency from asking to getting it (its wait for
 *     a page of the pool included), and each batch's wall time.
 * (d) The browser's memory during (b) and (c): every 50 ms, the sum of VmRSS over the browser
 *     process and all its descendants (renderers, GPU and utility processes), from /proc. A sum
 *     of RSS counts pages the processes share once per process, so it overstates; RssAnon
 *     (private, anonymous memory: the heaps) is summed beside it.
 *
 * Aim: a warm PDF of the full assessment in at most 300 ms median; 10 at once all succeed.
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { renderFormPdf, type FormDocument } from "@/lib/pdf/form-document";
import { PdfRenderer } from "@/lib/pdf/renderer";
import { resolveChromium } from "@/lib/pdf/resolve-chromium";
import { checkFullEha, describeFullEha, fullEarlyHelpAssessment } from "./full-eha";

/** What getPdfRenderer uses unless PDF_PAGE_POOL says otherwise (lib/config/env.ts). */
export const POOL_SIZE = 2;
const COLD_RUNS = 5;
const WARM_UPS = 2;
const WARM_RUNS = 30;
const BATCH_SIZE = 10;
const BATCHES = 3;
const SAMPLE_MS = 50;
const AIM_WARM_MEDIAN_MS = 300;

export type PdfReport = { text: string[]; markdown: string[]; verdicts: string[]; warnings: string[] };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

type Stats = { n: number; median: number; p95: number; min: number; max: number };

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, median: percentile(sorted, 50), p95: percentile(sorted, 95), min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : "–");
const mb = (kb: number) => (kb / 1024).toFixed(0);

async function pageCount(pdf: Buffer): Promise<number> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    return document.numPages;
  } finally {
    await document.destroy();
  }
}

/** The process and all its descendants, through /proc/<pid>/task/<tid>/children. */
function processTree(root: number): number[] {
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    found.push(pid);
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // gone since its parent listed it
    }
    for (const task of tasks) {
      try {
        for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/)) {
          if (child !== "") queue.push(Number(child));
        }
      } catch {
        // the thread ended meanwhile
      }
    }
  }
  return found;
}

type MemorySample = { rssKb: number; anonKb: number; processes: number };

function treeMemory(root: number): MemorySample {
  let rssKb = 0;
  let anonKb = 0;
  let processes = 0;
  for (const pid of processTree(root)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      rssKb += Number(status.match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
      anonKb += Number(status.match(/^RssAnon:\s+(\d+)/m)?.[1] ?? 0);
      processes += 1;
    } catch {
      // exited between the listing and the read
    }
  }
  return { rssKb, anonKb, processes };
}

/** Samples the tree every SAMPLE_MS until stopped; keeps the peak of each figure. */
function memorySampler(root: number) {
  const peak: MemorySample & { samples: number } = { rssKb: 0, anonKb: 0, processes: 0, samples: 0 };
  const sample = () => {
    const now = treeMemory(root);
    peak.rssKb = Math.max(peak.rssKb, now.rssKb);
    peak.anonKb = Math.max(peak.anonKb, now.anonKb);
    peak.processes = Math.max(peak.processes, now.processes);
    peak.samples += 1;
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  const started = performance.now();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { ...peak, seconds: (performance.now() - started) / 1000 };
    },
  };
}

export async function runPdfBench(options: { log: (line: string) => void }): Promise<PdfReport> {
  const { log } = options;
  const warnings: string[] = [];
  const form = fullEarlyHelpAssessment();
  for (const problem of checkFullEha(form)) warnings.push(`WARNING: the full Early Help Assessment is not full: ${problem}`);
  for (const warning of warnings) log(warning);
  const document: FormDocument = {
    councilName: "Demo Borough Council",
    definition: form.definition,
    people: form.people,
    answers: form.answers,
    attachments: form.attachments,
    createdAt: new Date(),
  };
  const chromium = await resolveChromium(process.env.CHROMIUM_PATH || undefined);
  const newRenderer = () => new PdfRenderer({ executablePath: chromium.path, poolSize: POOL_SIZE });
  const loadBefore = os.loadavg()[0] ?? NaN;

  // (a) Cold: a browser launched for one PDF and closed again.
  log(`  PDF cold: ${COLD_RUNS} × (launch, render, close) …`);
  const coldToPdf: number[] = [];
  const coldWithClose: number[] = [];
  for (let run = 0; run < COLD_RUNS; run += 1) {
    const renderer = newRenderer();
    const start = performance.now();
    try {
      await renderFormPdf(renderer, document);
      coldToPdf.push(performance.now() - start);
    } finally {
      await renderer.close();
    }
    coldWithClose.push(performance.now() - start);
  }

  // (b), (c) and (d) on one kept renderer.
  const renderer = newRenderer();
  let version = "";
  try {
    version = await renderer.version(); // launches it
    const browserPid = await renderer.browserPid();
    if (browserPid === undefined) throw new Error("the PDF renderer's browser has no process id");
    const idle = treeMemory(browserPid);

    log(`  PDF warm: ${WARM_UPS} warm-up + ${WARM_RUNS} one after another …`);
    const warmMemory = memorySampler(browserPid);
    let reference: Buffer | undefined;
    for (let run = 0; run < WARM_UPS; run += 1) reference = await renderFormPdf(renderer, document);
    const warm: number[] = [];
    for (let run = 0; run < WARM_RUNS; run += 1) {
      const start = performance.now();
      await renderFormPdf(renderer, document);
      warm.push(performance.now() - start);
    }
    const warmPeak = warmMemory.stop();

    log(`  PDF ${BATCH_SIZE} at once × ${BATCHES} …`);
    const batchMemory = memorySampler(browserPid);
    const latencies: number[] = [];
    const walls: number[] = [];
    const pdfs: Buffer[] = [];
    const failures: string[] = [];
    for (let batch = 0; batch < BATCHES; batch += 1) {
      const start = performance.now();
      const results = await Promise.allSettled(
        Array.from({ length: BATCH_SIZE }, async () => {
          const pdf = await renderFormPdf(renderer, document);
          latencies.push(performance.now() - start);
          return pdf;
        }),
      );
      walls.push(performance.now() - start);
      for (const result of results) {
        if (result.status === "fulfilled") pdfs.push(result.value);
        else failures.push(result.reason instanceof Error ? result.reason.message : String(result.reason));
      }
    }
    const batchPeak = batchMemory.stop();
    const relaunched = (await renderer.browserPid()) !== browserPid;

    // What the full assessment comes to, and whether every PDF of the batches is that document.
    const size = reference?.length ?? 0;
    const pages = reference ? await pageCount(reference) : 0;
    let good = 0;
    for (const pdf of pdfs) {
      const count = pdf.subarray(0, 5).toString() === "%PDF-" ? await pageCount(pdf).catch(() => -1) : -1;
      if (count === pages) good += 1;
      else failures.push(`a PDF of the batch has ${count} pages, not ${pages}`);
    }

    const cold = stats(coldToPdf);
    const coldClosed = stats(coldWithClose);
    const warmStats = stats(warm);
    const batchStats = stats(latencies);
    const total = BATCH_SIZE * BATCHES;
    const peakRss = Math.max(warmPeak.rssKb, batchPeak.rssKb);
    const verdicts = [
      `warm full EHA PDF median = ${ms(warmStats.median)} ms (aim ≤ ${AIM_WARM_MEDIAN_MS} ms): ${warmStats.median <= AIM_WARM_MEDIAN_MS ? "met" : "not met"}`,
      `${BATCH_SIZE} at once: ${good}/${total} succeeded`,
    ];
    const about = [
      `Document: ${describeFullEha(form)}.`,
      warnings.length === 0
        ? `Engine check (sectionStates with sectionValidator): all ${form.definition.sections.length} sections shown and complete, no shown question unanswered.`
        : `Engine check: ${warnings.length} problem${warnings.length === 1 ? "" : "s"} (below).`,
      `PDF: ${(size / 1024).toFixed(0)} KB, ${pages} pages (A4, header and footer, tagged). Chromium ${version} from ${chromium.source}; pool of ${POOL_SIZE} pages.`,
      `Load average (1 min) just before: ${loadBefore.toFixed(2)}.`,
    ];
    const rows: [string, Stats, string][] = [
      [`Cold: new browser, time to the PDF`, cold, `${COLD_RUNS} runs, each a new PdfRenderer; p95 of 5 is the slowest`],
      [`Cold: new browser, with its close`, coldClosed, "the same runs, until the browser has exited"],
      [`Warm: kept browser, one at a time`, warmStats, `after ${WARM_UPS} warm-up renders`],
      [`${BATCH_SIZE} at once, kept browser`, batchStats, `${BATCHES} batches; from asking to getting the PDF, the wait for a page of the pool included`],
    ];
    const memoryLines = [
      `Idle kept browser: ${mb(idle.rssKb)} MB RSS over ${idle.processes} processes`,
      `Peak during warm renders: ${mb(warmPeak.rssKb)} MB RSS (${mb(warmPeak.anonKb)} MB anonymous), up to ${warmPeak.processes} processes, ${warmPeak.samples} samples over ${warmPeak.seconds.toFixed(1)} s`,
      `Peak during ${BATCH_SIZE} at once: ${mb(batchPeak.rssKb)} MB RSS (${mb(batchPeak.anonKb)} MB anonymous), up to ${batchPeak.processes} processes, ${batchPeak.samples} samples over ${batchPeak.seconds.toFixed(1)} s`,
      `Browser's peak memory (warm and ${BATCH_SIZE} at once): ${mb(peakRss)} MB RSS summed over the process tree`,
    ];
    const batchLine = `Batch wall times: ${walls.map((wall) => `${ms(wall)} ms`).join(", ")} (${((BATCH_SIZE * 1000) / stats(walls).median).toFixed(1)} PDFs/s at the median)`;
    const failureLines = [
      ...(relaunched ? ["The browser was relaunched during the run (its process id changed)."] : []),
      ...[...new Set(failures)].map((failure) => `Failure: ${failure}`),
    ];

    const text = [
      ...about,
      ...rows.map(
        ([label, s]) =>
          `${label.padEnd(38)} n=${String(s.n).padEnd(3)} median ${ms(s.median).padStart(6)} ms  p95 ${ms(s.p95).padStart(6)} ms  min ${ms(s.min).padStart(6)} ms  max ${ms(s.max).padStart(6)} ms`,
      ),
      batchLine,
      ...memoryLines,
      ...failureLines,
      ...warnings,
      ...verdicts,
    ];
    const markdown = [
      ...about.map((line) => `${line}  `),
      "",
      "| Measure | Runs | Median (ms) | p95 (ms) | Min (ms) | Max (ms) | Notes |",
      "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
      ...rows.map(([label, s, note]) => `| ${label} | ${s.n} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.min)} | ${ms(s.max)} | ${note} |`),
      "",
      `- ${batchLine}`,
      ...memoryLines.map((line) => `- ${line}`),
      ...failureLines.map((line) => `- ${line}`),
      ...warnings.map((line) => `- ${line}`),
      "",
      ...verdicts.map((line) => `**Verdict:** ${line}  `),
    ];
    return { text, markdown, verdicts, warnings };
  } finally {
    await renderer.close();
  }
}

export function pdfMarkdown(report: PdfReport, machine: string, date: string): string {
  return [
    "## PDF",
    "",
    `Machine: ${machine}  `,
    `Date: ${date}  `,
    "Every figure is a PDF of a full External Early Help Assessment (tests/bench/full-eha.ts), made the way the app makes it (renderFormPdf). " +
      "The browser's memory is sampled every 50 ms from /proc: VmRSS summed over the browser process and its descendants, which counts shared pages once per process and so overstates; RssAnon is the private heap part.",
    "",
    ...report.markdown,
  ].join("\n");
}
