/**
 * The mixed profile of `npm run bench` (issue 19, point 2): a large county's peak with headroom.
 * 500 signed-in sessions (tests/bench/sessions.ts), an open-model load of 50 requests/s in all
 * for BENCH_SECONDS × 2 (default 40 s): arrivals on a fixed schedule (stats.ts
 * arrivalSchedule), each sent at its time whether or not earlier ones have answered, so a slow
 * portal makes requests queue instead of slowing the load. Arrival k goes to session k mod 500,
 * so each session sends one request every 10 s (its think time), and its turn picks the kind
 * from a cycle of 25 (stats.ts kindFor; each session starts at its own place in it):
 * 13 section reads, 9 section saves, 2 uploads and 1 PDF.
 *
 * - read: GET of the session's Professional's Details section, 200.
 * - save: that section's form posted as a browser without JavaScript posts it (the action
 *   fields read from the session's page once before the load, as forms.ts does), a 303 back to
 *   the section; the session's revision is kept here.
 * - PDF: "Create PDF" (GET /drafts/<id>/pdf, what the button links to), a 200 application/pdf.
 * - upload: the Supporting Documentation form's multipart post of a one-page PDF of 0.6 KB
 *   (fields `sectionId` and `file`, as the browser sends them), a 303 back to the section with
 *   the "has been uploaded" notice.
 *
 * Latency runs from each request's scheduled time (so a load generator running late counts
 * against the portal, never hides its queue) to the end of its body; the redirects are not
 * followed. Anything else, or no answer within 60 s, is an error.
 */
import { inArray, sql } from "drizzle-orm";
import { createDb } from "@/db/client";
import { attachments, drafts } from "@/db/schema";
import { databaseForTool } from "@/lib/runtime/running-postgres";
import { getSection, readActionFields, saveSection, type SectionSession } from "./section-requests";
import { FILE_SECTION_ID, makeSessions, sectionPath } from "./sessions";
import { arrivalSchedule, kindFor, summarise, type Summary } from "./stats";

export const MIXED_SESSIONS = 500;
export const MIXED_RATE = 50;
const KINDS = ["read", "save", "PDF", "upload"] as const;
type Kind = (typeof KINDS)[number];
const R = "read";
const S = "save";
/** 13 reads, 9 saves, 2 uploads, 1 PDF: a save follows a read, as a person reads before saving. */
const CYCLE: Kind[] = [R, S, R, S, R, "upload", R, S, R, S, R, S, R, "PDF", R, S, R, S, R, "upload", R, S, R, S, R];
const TIMEOUT_MS = 60_000;

type KindResult = { kind: Kind; sent: number; latencies: number[]; errors: number; firstError?: string };
export type MixedReport = {
  seconds: number;
  sessions: number;
  rate: number;
  kinds: (KindResult & { summary: Summary })[];
  /** How late the load generator sent its requests (ms): the worst, and the p95. */
  lateMax: number;
  late95: number;
  checks: string[];
};

/** A one-page PDF, as small as a valid one gets (what a phone's "scan to PDF" of a blank page is not, but the checks read only its type). */
function smallPdf(): Blob {
  const body = [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj",
    "4 0 obj << /Length 44 >> stream",
    "BT /F1 12 Tf 72 770 Td (Bench upload) Tj ET",
    "endstream endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
  ].join("\n");
  return new Blob([body], { type: "application/pdf" });
}

export async function runMixedBench(options: { base: string; appUrl: string; dataDir: string; seconds: number; log: (line: string) => void }): Promise<MixedReport> {
  const { base, appUrl, log } = options;
  const database = await databaseForTool({ DATA_DIR: options.dataDir });
  const { db, close } = createDb(database.url, { max: 4 });
  try {
    log(`  making ${MIXED_SESSIONS} sessions …`);
    log("  reading each session's section page once (its action fields) …");
    const sessions = await readActionFields(base, await makeSessions(db, options.dataDir, "bench-mixed", MIXED_SESSIONS));
    const startRevisions = new Map(sessions.map((session) => [session.draftId, session.revision]));

    const results = new Map<Kind, KindResult>(KINDS.map((kind) => [kind, { kind, sent: 0, latencies: [], errors: 0 }]));
    let savesMade = 0;
    let uploadsMade = 0;
    const pdf = smallPdf();

    const send: Record<Kind, (session: SectionSession, save: number) => Promise<true | string>> = {
      read: (session) => getSection(base, session, AbortSignal.timeout(TIMEOUT_MS)),
      save: async (session, save) => {
        const outcome = await saveSection(base, db, session, `mixed save ${save}`, AbortSignal.timeout(TIMEOUT_MS));
        if (outcome === true) savesMade += 1;
        return outcome;
      },
      PDF: async (session) => {
        const response = await fetch(`${base}/drafts/${session.draftId}/pdf`, { headers: { cookie: session.cookie }, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
        const bytes = new Uint8Array(await response.arrayBuffer());
        const isPdf = response.headers.get("content-type")?.startsWith("application/pdf") && new TextDecoder().decode(bytes.subarray(0, 5)) === "%PDF-";
        return (response.status === 200 && isPdf) || `PDF answered ${response.status} ${response.headers.get("content-type") ?? ""}`;
      },
      upload: async (session, save) => {
        const body = new FormData();
        body.append("sectionId", FILE_SECTION_ID);
        body.append("file", pdf, `bench-${session.index}-${save}.pdf`);
        // A browser posts from the portal's own address (APP_URL), the origin the route compares.
        const response = await fetch(`${base}/drafts/${session.draftId}/attachments`, {
          method: "POST",
          headers: { cookie: session.cookie, origin: new URL(appUrl).origin },
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await response.arrayBuffer();
        const location = response.headers.get("location") ?? "";
        const notice = decodeURIComponent(response.headers.getSetCookie().find((cookie) => cookie.startsWith("portal.upload-notice=")) ?? "");
        if (response.status === 303 && location.endsWith(sectionPath(session, FILE_SECTION_ID)) && notice.includes('"kind":"success"')) {
          uploadsMade += 1;
          return true;
        }
        return `upload answered ${response.status} ${location} ${notice.slice(0, 200)}`;
      },
    };

    const schedule = arrivalSchedule(MIXED_RATE, options.seconds);
    log(`  ${schedule.length} requests at ${MIXED_RATE}/s over ${options.seconds} s …`);
    const lateness: number[] = [];
    const inFlight: Promise<void>[] = [];
    const start = performance.now();
    let sequence = 0;
    for (const [arrival, due] of schedule.entries()) {
      const wait = start + due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const scheduled = start + due;
      lateness.push(performance.now() - scheduled);
      const session = sessions[arrival % sessions.length]!;
      const kind = kindFor(CYCLE, session.index, Math.floor(arrival / sessions.length));
      const result = results.get(kind)!;
      result.sent += 1;
      sequence += 1;
      const save = sequence;
      inFlight.push(
        send[kind](session, save)
          .catch((error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)))
          .then((outcome) => {
            if (outcome === true) result.latencies.push(performance.now() - scheduled);
            else {
              result.errors += 1;
              result.firstError ??= outcome;
            }
          }),
      );
    }
    await Promise.all(inFlight);

    const revisions = await db.select({ id: drafts.id, revision: drafts.revision }).from(drafts).where(inArray(drafts.id, [...startRevisions.keys()]));
    const advanced = revisions.reduce((sum, row) => sum + row.revision - (startRevisions.get(row.id) ?? row.revision), 0);
    const [files] = await db.select({ count: sql<number>`count(*)::int` }).from(attachments).where(inArray(attachments.draftId, [...startRevisions.keys()]));
    const checks = [
      advanced === savesMade
        ? `Drafts' revisions advanced ${advanced} times, once for each save answered 303.`
        : `MISMATCH: drafts' revisions advanced ${advanced} times but ${savesMade} saves answered 303.`,
      files?.count === uploadsMade
        ? `The drafts hold ${files.count} attachments, one for each upload answered "has been uploaded".`
        : `MISMATCH: the drafts hold ${files?.count ?? "?"} attachments but ${uploadsMade} uploads answered "has been uploaded".`,
    ];
    const lateSummary = summarise(lateness);
    return {
      seconds: options.seconds,
      sessions: sessions.length,
      rate: MIXED_RATE,
      kinds: KINDS.map((kind) => ({ ...results.get(kind)!, summary: summarise(results.get(kind)!.latencies) })),
      lateMax: lateSummary.max,
      late95: lateSummary.p95,
      checks,
    };
  } finally {
    await close();
    await database.stop();
  }
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");

function verdict(report: MixedReport): string {
  const worst = Math.max(...report.kinds.map((kind) => kind.summary.p95).filter(Number.isFinite));
  const errors = report.kinds.reduce((sum, kind) => sum + kind.errors, 0);
  const isMet = worst < 300 && errors === 0;
  return `mixed profile: worst p95 ${ms(worst)} ms (aim < 300 ms), ${errors} errors (aim 0): ${isMet ? "met" : "not met"}`;
}

export function mixedText(report: MixedReport): string[] {
  const header = `${"".padEnd(8)} ${"sent".padStart(6)} ${"ok".padStart(6)} ${"errors".padStart(7)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)}`;
  const rows = report.kinds.map(
    (kind) =>
      `${kind.kind.padEnd(8)} ${String(kind.sent).padStart(6)} ${String(kind.summary.count).padStart(6)} ${String(kind.errors).padStart(7)} ${ms(kind.summary.p50).padStart(8)} ${ms(kind.summary.p95).padStart(8)} ${ms(kind.summary.p99).padStart(8)} ${ms(kind.summary.max).padStart(8)}`,
  );
  const errors = report.kinds.filter((kind) => kind.firstError).map((kind) => `  first error, ${kind.kind}: ${kind.firstError}`);
  return [
    `${report.sessions} sessions, ${report.rate} requests/s for ${report.seconds} s; load generator late by p95 ${ms(report.late95)} ms, at most ${ms(report.lateMax)} ms`,
    header,
    ...rows,
    verdict(report),
    ...report.checks,
    ...errors,
  ];
}

export function mixedMarkdown(report: MixedReport, machine: string, date: string, loadBefore: number): string {
  const rows = report.kinds.map(
    (kind) => `| ${kind.kind} | ${kind.sent} | ${kind.summary.count} | ${kind.errors} | ${ms(kind.summary.p50)} | ${ms(kind.summary.p95)} | ${ms(kind.summary.p99)} | ${ms(kind.summary.max)} |`,
  );
  return [
    "## Mixed profile",
    "",
    `Machine: ${machine}  `,
    `Date: ${date}  `,
    `Load average (1 min) just before the load: ${loadBefore.toFixed(2)}  `,
    `${report.sessions} signed-in sessions (each a professional referrer with a Safeguarding Concern draft), an open-model load of ${report.rate} requests/s in all for ${report.seconds} s on a fixed schedule: ` +
      "each request is sent at its time whether or not earlier ones have answered, so a slow portal shows as queueing. Each session sends one request every " +
      `${(report.sessions / report.rate).toFixed(0)} s (its think time), its kind from a cycle of 13 section reads, 9 section saves (the no-JavaScript post, a 303), ` +
      '2 uploads (a 0.6 KB PDF posted to the Supporting Documentation file question, a 303 with "has been uploaded") and 1 "Create PDF" (GET /drafts/<id>/pdf). ' +
      `Latency runs from each request's scheduled time to the end of its answer (the load generator was late by p95 ${ms(report.late95)} ms, at most ${ms(report.lateMax)} ms); ` +
      "an error is any other answer or none within 60 s. How: tests/bench/mixed.ts.",
    "",
    "| Request | Sent | Succeeded | Errors | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    `**Verdict:** ${verdict(report)}`,
    "",
    ...report.checks.map((check) => `- ${check}`),
    ...report.kinds.filter((kind) => kind.firstError).map((kind) => `- First error, ${kind.kind}: \`${kind.firstError}\``),
  ].join("\n");
}
