/**
 * Fixed-window rate limits kept in Postgres, so every app instance counts together.
 * `hitThrottle` counts one attempt and says whether it is within the limit; `refundThrottle`
 * takes one back. Counting first and refunding what turned out fine (a right password, a right
 * code) counts only failures, yet stays exact under parallel requests: the count is reserved
 * atomically before the work, so N requests at once cannot all slip under the limit.
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

/** Takes back one attempt counted by hitThrottle (it turned out not to be a failure). */
export async function refundThrottle(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`update throttle_counters set count = greatest(count - 1, 0) where key = ${key}`);
}

/** The stricter of several throttles: refused if any refuses, with the longest wait. */
export function strictest(results: readonly ThrottleResult[]): ThrottleResult {
  const waits = results.flatMap((result) => (result.allowed ? [] : [result.retryAfterSeconds]));
  return waits.length === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(...waits) };
}
