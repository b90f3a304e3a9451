import "server-only";
/**
 * The gauges read from the database when /api/metrics is scraped: the job queues (pg-boss's own
 * table), the mail outbox and the workers' heartbeats. They are shared state, so every instance
 * reports the same values; the job worker may run in another process, which is why these are
 * read here rather than counted where the work happens.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { QUEUES } from "@/lib/jobs/queues";
import { portalMetrics } from "./registry";

type QueueRow = { name: string; state: string; jobs: number };
type OutboxRow = { pending: number; oldest_seconds: number | null };
type HeartbeatRow = { age_seconds: number | null };

export async function readDatabaseGauges(db: Db): Promise<void> {
  const metrics = portalMetrics();
  const [outbox] = (await db.execute(sql`
    select count(*)::int as pending, extract(epoch from now() - min(created_at))::float8 as oldest_seconds
    from mail_outbox where status = 'pending'`)) as unknown as OutboxRow[];
  metrics.mailOutboxPending.set(outbox?.pending ?? 0);
  metrics.mailOutboxOldestAge.set(Math.max(0, outbox?.oldest_seconds ?? 0));

  const [heartbeat] = (await db.execute(sql`select extract(epoch from now() - max(beat_at))::float8 as age_seconds from worker_heartbeats`)) as unknown as HeartbeatRow[];
  metrics.workerHeartbeatAge.set(heartbeat?.age_seconds ?? -1);

  for (const queue of Object.values(QUEUES)) {
    metrics.jobQueueDepth.set({ queue }, 0);
    metrics.jobsFailed.set({ queue }, 0);
  }
  let rows: QueueRow[] = [];
  try {
    rows = (await db.execute(sql`
      select name, state::text as state, count(*)::int as jobs from pgboss.job
      where state in ('created', 'retry', 'failed') group by name, state`)) as unknown as QueueRow[];
  } catch {
    // No worker has ever run on this database: pg-boss has not made its schema yet.
  }
  const queues = new Set<string>(Object.values(QUEUES));
  for (const row of rows) {
    if (!queues.has(row.name)) continue;
    if (row.state === "failed") metrics.jobsFailed.set({ queue: row.name }, row.jobs);
    else metrics.jobQueueDepth.inc({ queue: row.name }, row.jobs);
  }
}
