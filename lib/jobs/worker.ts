/**
 * The background worker: delivers queued email with retries and exponential backoff, pushes
 * sent forms to the teams' webhook endpoints (lib/delivery/webhooks/dispatch.ts, polled every few
 * seconds; several workers never push one twice), runs the daily housekeeping of drafts and of
 * the mail outbox, and stamps a heartbeat that /api/health reads. The launcher runs one beside
 * the web server (PORTAL_WORKER=on, the default), or it runs in a process of its own
 * (`npm run worker`, lib/runtime/worker-cli.ts). Any number may run on one database: a mail job
 * is taken by one worker, and each scheduled job is made once per schedule (pg-boss records the
 * last cron check in the database and sends each schedule's job as a singleton for its minute),
 * however many workers there are.
 */
import PgBoss from "pg-boss";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { hostname } from "node:os";
import { createDb } from "@/db/client";
import { workerHeartbeats } from "@/db/schema";
import { createDraftMailer } from "@/emails/draft-mailer";
import { readCouncilSettings, type CouncilSettings } from "@/lib/config/council";
import type { LaunchSettings } from "@/lib/config/env";
import { formatSender } from "@/lib/mail/sender-address";
import { runDraftHousekeeping } from "@/lib/drafts/housekeeping";
import { deliverOutboxMessage, markOutboxMessageFailed } from "@/lib/mail/deliver-outbox-message";
import { applyOutboxRetention } from "@/lib/mail/outbox-retention";
import { purgeDeliveredSubmissions } from "@/lib/delivery/retention";
import { createMailTransport } from "@/lib/mail/transport";
import { dispatchDueDeliveries, type DispatchSettings } from "@/lib/delivery/webhooks/dispatch";
import { logEvent } from "@/lib/log";
import { now } from "@/lib/clock";
import { QUEUES, type DeliverMailJob } from "./queues";
import { executorFor } from "./sql-executor";

export type WorkerOptions = {
  databaseUrl: string;
  smtpUrl: string;
  mailFrom: string;
  retryLimit: number;
  retryDelaySeconds: number;
  pollingIntervalSeconds?: number;
  /** Cron expressions (London time) for the daily jobs; the defaults are the quiet hours below. */
  schedules?: { draftHousekeeping?: string; mailRetention?: string; deliveredRetention?: string };
  /** Webhook pushes; absent: this worker pushes none (deliveries wait for another worker or the pull API). */
  delivery?: DispatchSettings & { pollSeconds: number };
};

/** The worker's options from the settings the app runs with (the launcher's or `npm run worker`'s). */
type WorkerSettings = Pick<
  LaunchSettings,
  "MAIL_RETRY_LIMIT" | "MAIL_RETRY_DELAY_SECONDS" | "DELIVERY_ALLOW_LOCAL_ENDPOINTS" | "DELIVERY_RETRY_BASE_SECONDS" | "DELIVERY_RETRY_MAX_DELAY_SECONDS" | "DELIVERY_RETRY_WINDOW_SECONDS" | "DELIVERY_POLL_SECONDS"
>;

export function workerOptionsFor(settings: WorkerSettings, council: Pick<CouncilSettings, "mailSenderName">, env: Record<string, string | undefined>): WorkerOptions {
  return {
    databaseUrl: env.DATABASE_URL!,
    smtpUrl: env.SMTP_URL!,
    mailFrom: formatSender(council.mailSenderName, env.MAIL_FROM!),
    retryLimit: settings.MAIL_RETRY_LIMIT,
    retryDelaySeconds: settings.MAIL_RETRY_DELAY_SECONDS,
    delivery: {
      appUrl: env.APP_URL!,
      authSecret: env.AUTH_SECRET!,
      allowLocal: settings.DELIVERY_ALLOW_LOCAL_ENDPOINTS === "1",
      timeoutMs: WEBHOOK_TIMEOUT_MS,
      baseDelaySeconds: settings.DELIVERY_RETRY_BASE_SECONDS,
      maxDelaySeconds: settings.DELIVERY_RETRY_MAX_DELAY_SECONDS,
      windowSeconds: settings.DELIVERY_RETRY_WINDOW_SECONDS,
      pollSeconds: settings.DELIVERY_POLL_SECONDS,
    },
  };
}

/** A webhook endpoint has this long to answer. */
const WEBHOOK_TIMEOUT_MS = 10_000;

/** `stop` finishes the job in hand (waiting at most `timeoutMs`, 10 s by default), then closes its connections. */
export type RunningWorker = { id: string; stop: (timeoutMs?: number) => Promise<void> };

const HEARTBEAT_MS = 5_000;
/** 03:15 UK time, daily: a quiet hour, after midnight in both GMT and BST. */
const DRAFT_HOUSEKEEPING_CRON = "15 3 * * *";
/** 03:45 UK time, daily, after the drafts' run. */
const MAIL_RETENTION_CRON = "45 3 * * *";
/** 04:15 UK time, daily. */
const DELIVERED_RETENTION_CRON = "15 4 * * *";

type QueuePolicy = Pick<WorkerOptions, "retryLimit" | "retryDelaySeconds">;

/**
 * The advisory lock's key for making the queues ("cpqueu", beside the migrations' "cp-migr").
 * pg-boss's createQueue is not safe to run at the same moment from two processes: each adds a
 * partition and its foreign key, and two instances starting together met "deadlock detected"
 * (found by the cluster test). Under this lock the first makes the queues and the rest find them.
 */
const QUEUE_LOCK_KEY = 0x637071756575;

/** Creates our queues with their retry policy, one process at a time; safe to repeat. */
async function prepareQueues(boss: PgBoss, databaseUrl: string, options: QueuePolicy): Promise<void> {
  // One connection of its own holds the lock (it ends with the connection if the process dies).
  const { db, close } = createDb(databaseUrl, { max: 1 });
  try {
    await db.execute(sql`select pg_advisory_lock(${QUEUE_LOCK_KEY})`);
    try {
      await createOrUpdateQueues(boss, options);
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${QUEUE_LOCK_KEY})`);
    }
  } finally {
    await close();
  }
}

async function createOrUpdateQueues(boss: PgBoss, options: QueuePolicy): Promise<void> {
  const policy = { name: QUEUES.deliverMail, retryLimit: options.retryLimit, retryDelay: options.retryDelaySeconds, retryBackoff: true };
  if (await boss.getQueue(QUEUES.deliverMail)) await boss.updateQueue(QUEUES.deliverMail, policy);
  else await boss.createQueue(QUEUES.deliverMail, policy);
  // Housekeeping is safe to repeat (each reminder is claimed once), so a failed run is retried.
  for (const name of [QUEUES.draftHousekeeping, QUEUES.mailRetention, QUEUES.deliveredRetention]) {
    const housekeeping = { name, retryLimit: 3, retryDelay: 60, retryBackoff: true };
    if (await boss.getQueue(name)) await boss.updateQueue(name, housekeeping);
    else await boss.createQueue(name, housekeeping);
  }
}

/** For a database that must accept jobs before any worker has run (tests, fresh installs). */
export async function installJobQueue(databaseUrl: string, options: QueuePolicy): Promise<void> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 1, supervise: false, schedule: false });
  await boss.start();
  try {
    await prepareQueues(boss, databaseUrl, options);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const id = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const boss = new PgBoss({ connectionString: options.databaseUrl, max: 4 });
  boss.on("error", (error) => logEvent("job-worker.error", { errorCode: (error as { code?: string }).code ?? error.name }));
  await boss.start();
  await prepareQueues(boss, options.databaseUrl, options);

  const { db, close } = createDb(options.databaseUrl, { max: 4 });
  const transport = createMailTransport(options.smtpUrl);

  await boss.work<DeliverMailJob>(
    QUEUES.deliverMail,
    { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
    async (jobs) => {
      for (const job of jobs) {
        try {
          const result = await deliverOutboxMessage(db, transport, options.mailFrom, job.data.outboxId);
          logEvent("mail.delivered", { outboxId: job.data.outboxId, result });
        } catch (error) {
          const isLastTry = job.retryCount >= job.retryLimit;
          logEvent("mail.delivery-failed", { outboxId: job.data.outboxId, attempt: job.retryCount + 1, isLastTry });
          if (isLastTry) await markOutboxMessageFailed(db, job.data.outboxId);
          throw error;
        }
      }
    },
  );

  await boss.schedule(QUEUES.draftHousekeeping, options.schedules?.draftHousekeeping ?? DRAFT_HOUSEKEEPING_CRON, {}, { tz: "Europe/London" });
  // Reminders are queued through the worker's own pool, inside each reminder's transaction.
  const sender = new PgBoss({ db: executorFor(db), supervise: false, schedule: false, migrate: false });
  const mail = createDraftMailer(sender, readCouncilSettings().name);
  await boss.work(QUEUES.draftHousekeeping, { batchSize: 1 }, async () => {
    await runDraftHousekeeping({ db, now: new Date(), mail });
  });

  await boss.schedule(QUEUES.mailRetention, options.schedules?.mailRetention ?? MAIL_RETENTION_CRON, {}, { tz: "Europe/London" });
  await boss.work(QUEUES.mailRetention, { batchSize: 1 }, async () => {
    const result = await applyOutboxRetention(db, new Date());
    logEvent("mail.retention", result);
  });

  await boss.schedule(QUEUES.deliveredRetention, options.schedules?.deliveredRetention ?? DELIVERED_RETENTION_CRON, {}, { tz: "Europe/London" });
  await boss.work(QUEUES.deliveredRetention, { batchSize: 1 }, async () => {
    const result = await purgeDeliveredSubmissions(db, { now: new Date(), retentionDays: readCouncilSettings().deliveredRetentionDays });
    logEvent("delivery.retention", result);
    // Forms left behind (storage down) make the job fail, so pg-boss retries it.
    if (result.failed > 0) throw new Error(`${result.failed} delivered forms could not be purged`);
  });

  const delivery = options.delivery;
  let dispatching: Promise<unknown> | null = null;
  const dispatchTimer = delivery
    ? setInterval(() => {
        // One round at a time per worker; other workers' rounds run beside it (SKIP LOCKED).
        if (dispatching) return;
        dispatching = dispatchDueDeliveries(db, delivery, now)
          .catch((error: unknown) => logEvent("delivery.dispatch-error", { errorCode: (error as { code?: string }).code ?? (error as Error).name }))
          .finally(() => (dispatching = null));
      }, delivery.pollSeconds * 1000)
    : undefined;
  dispatchTimer?.unref();

  const beat = () =>
    db
      .insert(workerHeartbeats)
      .values({ workerId: id, beatAt: new Date() })
      .onConflictDoUpdate({ target: workerHeartbeats.workerId, set: { beatAt: new Date() } })
      .catch(() => logEvent("job-worker.heartbeat-failed", { workerId: id }));
  await beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  timer.unref();

  return {
    id,
    async stop(timeoutMs = 10_000) {
      clearInterval(timer);
      clearInterval(dispatchTimer);
      await within(dispatching, timeoutMs);
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
      transport.close();
      await close();
    },
  };
}

function within(work: Promise<unknown> | null, ms: number): Promise<unknown> {
  if (!work) return Promise.resolve();
  return Promise.race([work, new Promise((resolve) => setTimeout(resolve, ms).unref())]);
}
