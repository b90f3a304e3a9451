/**
 * Readiness (/api/health/ready): may a load balancer send this instance requests? Yes when each
 * part a request may need answers:
 *
 * - database: `select 1`;
 * - storage: the bucket answers (HeadBucket);
 * - mail: the SMTP server accepts a connection (nodemailer's verify). The outcome is kept for a
 *   few seconds, so frequent probes from several balancers do not each open an SMTP session;
 * - scanner: clamd answers VERSION. With no scanner configured (development on a machine
 *   without clamd, where files are stored "unscanned") it counts as ready; production requires
 *   CLAMAV_URL, so there it is always checked;
 * - jobWorker: some job worker has stamped its heartbeat in the last 30 seconds, whether it runs
 *   inside a web process (PORTAL_WORKER=on) or in its own (`npm run worker`, with
 *   PORTAL_WORKER=off on the web instances). Without one, sign-in codes are never sent, so nobody
 *   can sign in: the instance is not ready. (The worker is shared: when it is down every instance
 *   is not ready at once, which is what an alert should say.)
 *
 * The Chromium for PDFs is not part of readiness (it is started on first use, and a PDF is not
 * needed to serve pages); /api/health still reports it.
 */
import { sql, desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workerHeartbeats } from "@/db/schema";
import { createMailTransport } from "@/lib/mail/transport";
import { clamdVersion } from "@/lib/scanning/clamd";
import type { Scanner } from "@/lib/scanning/scanner";
import type { Storage } from "@/lib/storage";
import { checkParts } from "./check-health";

export const READINESS_PARTS = ["database", "storage", "mail", "scanner", "jobWorker"] as const;
export type ReadinessPart = (typeof READINESS_PARTS)[number];
export type ReadinessReport = { status: "ready" | "not-ready"; parts: Record<ReadinessPart, "ok" | "down">; down: ReadinessPart[] };

/** A worker that has not stamped its heartbeat for this long is counted as down. */
export const WORKER_STALE_MS = 30_000;
const MAIL_VERIFY_KEPT_MS = 5_000;

export async function assertFreshHeartbeat(db: Db, now = new Date()): Promise<void> {
  const [newest] = await db.select({ beatAt: workerHeartbeats.beatAt }).from(workerHeartbeats).orderBy(desc(workerHeartbeats.beatAt)).limit(1);
  if (!newest || now.getTime() - newest.beatAt.getTime() > WORKER_STALE_MS) throw new Error("no recent heartbeat");
}

const mailVerified = new Map<string, { at: number; outcome: Promise<void> }>();

/** SMTP verify, its outcome shared for a few seconds by every probe. */
export function verifySmtp(smtpUrl: string): Promise<void> {
  const kept = mailVerified.get(smtpUrl);
  if (kept && Date.now() - kept.at < MAIL_VERIFY_KEPT_MS) return kept.outcome;
  const outcome = (async () => {
    const transport = createMailTransport(smtpUrl);
    try {
      await transport.verify();
    } finally {
      transport.close();
    }
  })();
  outcome.catch(() => undefined);
  mailVerified.set(smtpUrl, { at: Date.now(), outcome });
  return outcome;
}

export type ReadinessDeps = { db: Db; storage: Pick<Storage, "check">; smtpUrl: string; scanner: Scanner };

export function readinessChecks(deps: ReadinessDeps): Record<ReadinessPart, () => Promise<void>> {
  return {
    database: async () => void (await deps.db.execute(sql`select 1`)),
    storage: () => deps.storage.check(),
    mail: () => verifySmtp(deps.smtpUrl),
    scanner: async () => {
      if (deps.scanner.enabled) await clamdVersion(deps.scanner.address, 3_000);
    },
    jobWorker: () => assertFreshHeartbeat(deps.db),
  };
}

export async function checkReadiness(checks: Record<ReadinessPart, () => Promise<void>>): Promise<ReadinessReport> {
  const { parts, down } = await checkParts(READINESS_PARTS, checks);
  return { status: down.length === 0 ? "ready" : "not-ready", parts, down };
}
