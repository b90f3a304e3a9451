/**
 * The delivery outbox: every sent form gets one `deliveries` row (db/schema/delivery.ts) in the
 * transaction that makes the submission, so a form is never sent without being owed to the case
 * system, and a rolled-back send owes nothing. The webhook worker pushes queued rows to their
 * team's endpoint; the pull API lists the undelivered ones. The `webhook-id` is fixed here, once,
 * so every retry of this submission carries the same one.
 */
import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { deliveries } from "@/db/schema";

export function newWebhookId(): string {
  return `msg_${randomUUID().replaceAll("-", "")}`;
}

export async function recordDelivery(tx: DbOrTx, submissionId: string, now: Date): Promise<void> {
  await tx.insert(deliveries).values({ submissionId, webhookId: newWebhookId(), createdAt: now }).onConflictDoNothing();
}
