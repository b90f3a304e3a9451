/**
 * How long the outbox keeps what it keeps. A delivered message has no body left (see
 * deliver-outbox-message.ts); what remains (recipient, subject, template, status) is the
 * record that an email went, kept for 30 days for questions such as "did my code arrive?".
 *
 * - Every row is deleted 30 days after it was queued, whatever its state: by then a pending
 *   message's job is long gone (pg-boss keeps a queued job 14 days, and retries at the default
 *   settings end within two days), so it can never be sent.
 * - A failed message (the queue gave up) keeps its body 7 days, so that whoever runs the portal
 *   can read it and send it again by hand (there is no command for it) after a long mail
 *   outage; then the body is cleared.
 *
 * Run daily by the job worker (lib/jobs/worker.ts); safe to run at any time and to repeat.
 */
import { and, eq, isNotNull, lt, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { mailOutbox } from "@/db/schema";

export const OUTBOX_RETENTION_DAYS = 30;
export const FAILED_BODY_RETENTION_DAYS = 7;

const DAY_MS = 86_400_000;

export type OutboxRetentionResult = { deleted: number; bodiesCleared: number };

export async function applyOutboxRetention(db: DbOrTx, now: Date): Promise<OutboxRetentionResult> {
  const deleted = await db
    .delete(mailOutbox)
    .where(lt(mailOutbox.createdAt, new Date(now.getTime() - OUTBOX_RETENTION_DAYS * DAY_MS)))
    .returning({ id: mailOutbox.id });
  const cleared = await db
    .update(mailOutbox)
    .set({ html: null, text: null })
    .where(
      and(
        eq(mailOutbox.status, "failed"),
        lt(mailOutbox.createdAt, new Date(now.getTime() - FAILED_BODY_RETENTION_DAYS * DAY_MS)),
        or(isNotNull(mailOutbox.html), isNotNull(mailOutbox.text)),
      ),
    )
    .returning({ id: mailOutbox.id });
  return { deleted: deleted.length, bodiesCleared: cleared.length };
}
