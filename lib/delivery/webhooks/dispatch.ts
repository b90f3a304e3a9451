/**
 * The webhook side of the delivery outbox: claims the deliveries that are due and pushes each to
 * its team's endpoint, signed (signature.ts), through the SSRF-guarded POST (post.ts).
 *
 * Due: status queued or retrying, not delivered, next try unset or past, and the team has an
 * endpoint (a team without one is pull only: its rows stay queued). Claiming is one statement,
 * `FOR UPDATE SKIP LOCKED` then an update that counts the attempt and moves `next_attempt_at` a
 * lease ahead, so any number of workers never take one row twice, and a worker that dies
 * mid-send leaves its row due again once the lease runs out. Then: a 2xx answer marks it
 * delivered (by "webhook", with the case system's id when the answer gives
 * `{"caseSystemId": "…"}`); anything else schedules the next try (backoff.ts) or, once the retry
 * window is spent, marks it failed for the admins. An ack through the API in the meantime wins:
 * nothing here overwrites a delivered row.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries } from "@/db/schema";
import { logEvent } from "@/lib/log";
import { submissionDocument } from "../document";
import { delayAfterAttempt, maxAttempts, type BackoffPolicy } from "./backoff";
import { endpointForTeam } from "./endpoint-secret";
import { postWebhook } from "./post";
import { signedHeaders } from "./signature";

export const WEBHOOK_EVENT_TYPE = "submission.sent";

export type DispatchSettings = BackoffPolicy & {
  appUrl: string;
  authSecret: string;
  allowLocal: boolean;
  timeoutMs: number;
  /** How many due rows one round claims. */
  batchSize?: number;
};

export type DispatchOutcome = { submissionId: string; webhookId: string; attempt: number; result: "delivered" | "retrying" | "failed" | "no-endpoint"; reason?: string };

type Claimed = { submission_id: string; webhook_id: string; attempts: number; team: string };

async function claimDue(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<Claimed[]> {
  const rows = await db.execute<Claimed>(sql`
    with due as (
      select d.submission_id, s.team
      from deliveries d
      join submissions s on s.id = d.submission_id
      join delivery_endpoints e on e.team_id = s.team
      where d.status in ('queued', 'retrying') and d.delivered_at is null
        and (d.next_attempt_at is null or d.next_attempt_at <= ${now.toISOString()}::timestamptz)
      order by coalesce(d.next_attempt_at, d.created_at), d.submission_id
      limit ${limit}
      for update of d skip locked
    )
    update deliveries d
    set attempts = d.attempts + 1, last_attempt_at = ${now.toISOString()}::timestamptz, next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
    from due
    where d.submission_id = due.submission_id
    returning d.submission_id, d.webhook_id, d.attempts, due.team`);
  return [...rows];
}

/** The body of every push of one submission: the same bytes on every retry. */
export function webhookBody(document: { sentAt: string }): string {
  return JSON.stringify({ type: WEBHOOK_EVENT_TYPE, timestamp: document.sentAt, data: document });
}

function caseSystemIdOf(answer: string): string | null {
  try {
    const parsed: unknown = JSON.parse(answer);
    const id = (parsed as { caseSystemId?: unknown } | null)?.caseSystemId;
    return typeof id === "string" && id.length > 0 && id.length <= 200 ? id : null;
  } catch {
    return null;
  }
}

/** One round: claims what is due now and pushes each; returns what happened to each. */
export async function dispatchDueDeliveries(db: Db, settings: DispatchSettings, now: () => Date): Promise<DispatchOutcome[]> {
  const startedAt = now();
  const leaseUntil = new Date(startedAt.getTime() + settings.timeoutMs + 60_000);
  const claimed = await claimDue(db, startedAt, leaseUntil, settings.batchSize ?? 10);
  const outcomes: DispatchOutcome[] = [];
  for (const row of claimed) outcomes.push(await pushOne(db, settings, row, now));
  return outcomes;
}

async function pushOne(db: Db, settings: DispatchSettings, row: Claimed, now: () => Date): Promise<DispatchOutcome> {
  const base = { submissionId: row.submission_id, webhookId: row.webhook_id, attempt: row.attempts };
  const notDelivered = and(eq(deliveries.submissionId, row.submission_id), isNull(deliveries.deliveredAt));
  const endpoint = await endpointForTeam(db, settings.authSecret, row.team);
  if (!endpoint) {
    // Removed since the claim (or its secret no longer opens): back to waiting, this try uncounted.
    await db.update(deliveries).set({ status: "queued", attempts: sql`${deliveries.attempts} - 1`, nextAttemptAt: null }).where(notDelivered);
    return { ...base, result: "no-endpoint" };
  }
  const reason = await (async () => {
    // A document that cannot be built (a stored file unreadable while hashing it) is a failed try
    // like any other, so it is retried and in the end shown to admins, never retried unseen forever.
    const built = await submissionDocument(db, row.submission_id, { appUrl: settings.appUrl }).catch((error: unknown) => ({ status: "error" as const, name: (error as Error)?.name ?? "Error" }));
    if (built.status === "error") return `the portal could not build the document (${built.name})`;
    if (built.status !== "found") return "the submission's document could not be built";
    const body = webhookBody(built.document);
    const headers = signedHeaders(endpoint.secret, row.webhook_id, Math.floor(now().getTime() / 1000), body);
    const posted = await postWebhook(endpoint.url, headers, body, { allowLocal: settings.allowLocal, timeoutMs: settings.timeoutMs });
    if (posted.status !== "answered") return posted.reason;
    if (posted.httpStatus >= 200 && posted.httpStatus < 300) {
      await db.update(deliveries).set({ status: "delivered", deliveredAt: now(), deliveredBy: "webhook", caseSystemId: caseSystemIdOf(posted.body), nextAttemptAt: null, lastError: null }).where(notDelivered);
      return null;
    }
    if (posted.httpStatus >= 300 && posted.httpStatus < 400) return `HTTP ${posted.httpStatus} (a redirect: redirects are not followed)`;
    return `HTTP ${posted.httpStatus}`;
  })();
  if (reason === null) {
    logEvent("delivery.delivered", { ...base, by: "webhook" });
    return { ...base, result: "delivered" };
  }
  if (row.attempts >= maxAttempts(settings)) {
    await db.update(deliveries).set({ status: "failed", nextAttemptAt: null, lastError: reason }).where(notDelivered);
    logEvent("delivery.failed", { ...base });
    return { ...base, result: "failed", reason };
  }
  const nextAttemptAt = new Date(now().getTime() + delayAfterAttempt(settings, row.attempts) * 1000);
  await db.update(deliveries).set({ status: "retrying", nextAttemptAt, lastError: reason }).where(notDelivered);
  logEvent("delivery.retrying", { ...base, nextAttemptAt: nextAttemptAt.toISOString() });
  return { ...base, result: "retrying", reason };
}
