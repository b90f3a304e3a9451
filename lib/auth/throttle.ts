/**
 * Fixed-window rate limits kept in Postgres, so every app instance counts together.
 * `hitThrottle` counts one attempt and says whether it is within the limit.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

export type ThrottleRule = { limit: number; windowSeconds: number };
export type ThrottleResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function hitThrottle(db: DbOrTx, key: string, rule: ThrottleRule, now: Date): Promise<ThrottleResult> {
  const windowStart = new Date(now.getTime() - rule.windowSeconds * 1000);
  // One statement: start a new window if the old one has passed, else count into it.
  const rows = await db.execute<{ count: number; window_started_at: Date | string }>(sql`
    insert into throttle_counters (key, window_started_at, count) values (${key}, ${now.toISOString()}, 1)
    on conflict (key) do update set
      count = case when throttle_counters.window_started_at <= ${windowStart.toISOString()} then 1 else throttle_counters.count + 1 end,
      window_started_at = case when throttle_counters.window_started_at <= ${windowStart.toISOString()} then ${now.toISOString()}::timestamptz else throttle_counters.window_started_at end
    returning count, window_started_at`);
  const row = rows[0];
  if (!row || row.count <= rule.limit) return { allowed: true };
  const startedAt = new Date(row.window_started_at).getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((startedAt + rule.windowSeconds * 1000 - now.getTime()) / 1000)) };
}
