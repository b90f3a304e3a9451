/**
 * Page weight on phones (issue 19, point 4): the first-load JavaScript of each kind of page, as
 * the production build serves it. For each page: its HTML fetched as a signed-in user (or
 * signed out for sign-in), the JavaScript files it loads at once (page-weight-html.ts
 * scriptUrls: each `<script src>`, modulepreload and script preload), each fetched from the
 * portal and compressed here with gzip (zlib's default level 6, what the portal's own
 * compression sends) and brotli (quality 11, what a CDN or a build step would send), summed.
 * The HTML itself is shown beside it (gzip), since it carries the page's RSC payload too.
 * Each page's figure is split into Next's and React's runtime (the build manifest's
 * `rootMainFiles`, which every App Router page loads whatever it holds) and the rest (the root
 * layout's and the page's own chunks). `nomodule` scripts (Next's polyfills) are weighed and
 * reported apart, never summed: a browser that runs modules does not download them.
 * Aim: at most 120 KB (gzip) for section pages.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { createDb } from "@/db/client";
import { users } from "@/db/schema";
import { startSession } from "@/lib/auth/sessions";
import { databaseForTool } from "@/lib/runtime/running-postgres";
import { distDir } from "@/lib/runtime/build";
import { kilobytes, nomoduleScriptUrls, scriptUrls, sumWeights, type ChunkWeight, type Weight } from "./page-weight-html";
import { prepareSendCases } from "./send";
import { FILE_SECTION_ID, makeSessions, mintCookie, sectionPath } from "./sessions";

export const SECTION_AIM_KB = 120;

type PageWeight = Weight & { route: string; path: string; html: number; isSection: boolean; runtime: Weight };
export type WeightReport = { pages: PageWeight[]; nomodule: Weight };

/** The chunks every App Router page loads (Next's router and React DOM), from the build the portal serves. */
function runtimeChunkPaths(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir(), "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  if (!manifest.rootMainFiles?.length) throw new Error(`${distDir()}/build-manifest.json names no rootMainFiles`);
  return manifest.rootMainFiles.map((file) => `/_next/${file}`);
}

export async function runPageWeightBench(options: { base: string; dataDir: string; log: (line: string) => void }): Promise<WeightReport> {
  const { base, log } = options;
  const database = await databaseForTool({ DATA_DIR: options.dataDir });
  const { db, close } = createDb(database.url, { max: 2 });
  try {
    const [session] = await makeSessions(db, options.dataDir, "bench-weight", 1);
    const [caseworker] = await db.select({ id: users.id }).from(users).where(eq(users.role, "caseworker")).limit(1);
    if (!session || !caseworker) throw new Error("the bench database has no caseworker (was it seeded?)");
    const [dashboard] = await prepareSendCases(db, [session.userId], caseworker.id);
    const staffCookie = await mintCookie(options.dataDir, await startSession(db, caseworker.id, new Date()));
    const pages = [
      { route: "Sign in (signed out)", path: "/account/sign-in", cookie: "", isSection: false },
      { route: "Start page (signed in)", path: "/", cookie: session.cookie, isSection: false },
      { route: "Section page (Professional's Details)", path: sectionPath(session), cookie: session.cookie, isSection: true },
      { route: "Section page with a file question", path: sectionPath(session, FILE_SECTION_ID), cookie: session.cookie, isSection: true },
      { route: "Check your answers", path: `/drafts/${session.draftId}/check-answers`, cookie: session.cookie, isSection: false },
      { route: "SEND Dashboard (parent)", path: dashboard!, cookie: session.cookie, isSection: false },
      { route: "Staff inbox (caseworker)", path: "/staff", cookie: staffCookie, isSection: false },
    ];
    const runtimePaths = runtimeChunkPaths();
    const isRuntime = (url: string) => runtimePaths.includes(new URL(url).pathname);
    const chunkCache = new Map<string, ChunkWeight>();
    const weigh = async (url: string): Promise<ChunkWeight> => {
      const known = chunkCache.get(url);
      if (known) return known;
      const response = await fetch(url);
      if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      const chunk = { url, raw: bytes.length, gzip: gzipSync(bytes).length, brotli: brotliCompressSync(bytes).length };
      chunkCache.set(url, chunk);
      return chunk;
    };
    const results: PageWeight[] = [];
    const nomodule = new Map<string, ChunkWeight>();
    for (const page of pages) {
      log(`  ${page.route} …`);
      const response = await fetch(`${base}${page.path}`, { headers: page.cookie ? { cookie: page.cookie } : {}, redirect: "manual" });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`GET ${page.path} (${page.route}) answered ${response.status} ${response.headers.get("location") ?? ""}`);
      const chunks: ChunkWeight[] = [];
      for (const url of scriptUrls(html, `${base}${page.path}`)) chunks.push(await weigh(url));
      for (const url of nomoduleScriptUrls(html, `${base}${page.path}`)) nomodule.set(url, await weigh(url));
      results.push({
        route: page.route,
        path: page.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "<id>"),
        html: gzipSync(Buffer.from(html)).length,
        isSection: page.isSection,
        ...sumWeights(chunks),
        runtime: sumWeights(chunks.filter((chunk) => isRuntime(chunk.url))),
      });
    }
    return { pages: results, nomodule: sumWeights([...nomodule.values()]) };
  } finally {
    await close();
    await database.stop();
  }
}

function verdict(report: WeightReport): string {
  const sections = report.pages.filter((page) => page.isSection);
  const worst = Math.max(...sections.map((page) => page.gzip));
  return `section pages' first-load JavaScript: at most ${kilobytes(worst)} KB gzip (aim ≤ ${SECTION_AIM_KB} KB): ${worst <= SECTION_AIM_KB * 1024 ? "met" : "not met"}`;
}

export function weightText(report: WeightReport): string[] {
  const header = `${"".padEnd(40)} ${"files".padStart(5)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)} ${"runtime".padStart(8)} ${"rest".padStart(8)} ${"br KB".padStart(8)} ${"HTML gz KB".padStart(10)}`;
  const rows = report.pages.map(
    (page) =>
      `${page.route.padEnd(40)} ${String(page.files).padStart(5)} ${kilobytes(page.raw).padStart(8)} ${kilobytes(page.gzip).padStart(8)} ${kilobytes(page.runtime.gzip).padStart(8)} ${kilobytes(page.gzip - page.runtime.gzip).padStart(8)} ${kilobytes(page.brotli).padStart(8)} ${kilobytes(page.html).padStart(10)}`,
  );
  return [header, ...rows, nomoduleLine(report), verdict(report)];
}

function nomoduleLine(report: WeightReport): string {
  const { nomodule } = report;
  return nomodule.files === 0
    ? "No page names a nomodule script."
    : `Left out of every figure: ${nomodule.files} nomodule script${nomodule.files === 1 ? "" : "s"} (Next's polyfills, ${kilobytes(nomodule.raw)} KB raw, ${kilobytes(nomodule.gzip)} KB gzip), named by every page but downloaded only by browsers without JavaScript modules.`;
}

export function weightMarkdown(report: WeightReport, machine: string, date: string): string {
  const rows = report.pages.map(
    (page) =>
      `| ${page.route} | \`${page.path}\` | ${page.files} | ${kilobytes(page.raw)} | ${kilobytes(page.gzip)} | ${kilobytes(page.runtime.gzip)} | ${kilobytes(page.gzip - page.runtime.gzip)} | ${kilobytes(page.brotli)} | ${kilobytes(page.html)} |`,
  );
  return [
    "## Page weight",
    "",
    `Machine: ${machine}  `,
    `Date: ${date}  `,
    "First-load JavaScript of each kind of page from the production build: the page's HTML fetched as its user (a professional referrer with a draft and a child's EHCP case, a caseworker, or signed out), " +
      "every `<script src>`, modulepreload and script preload it names, each fetched once and compressed here: gzip at zlib's default level (what the portal sends), brotli at quality 11 (what a CDN would send). " +
      "A `<script nomodule>` is not counted: it is Next's polyfills for browsers without JavaScript modules, and every browser that runs modules (all current ones: Chrome 61 and Safari 11 onwards, 2017) skips it without downloading it; it is weighed below the table. " +
      "Runtime: the part of the gzip figure that is Next's router and React DOM (the build manifest's `rootMainFiles`), which every App Router page loads, whatever it holds; rest: the root layout's and the page's own chunks. " +
      "KB = 1,024 bytes. The HTML column is the page itself, gzipped: it carries the page's RSC payload as well as its markup. How: tests/bench/page-weight.ts.",
    "",
    "| Page | Path | JS files | JS raw (KB) | JS gzip (KB) | of which runtime (KB gzip) | rest (KB gzip) | JS brotli (KB) | HTML gzip (KB) |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    nomoduleLine(report),
    "",
    `**Verdict:** ${verdict(report)}`,
  ].join("\n");
}
