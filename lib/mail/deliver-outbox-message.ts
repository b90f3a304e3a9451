/**
 * Sends one outbox message. Called by the worker for each delivery job; a throw makes the
 * queue retry with backoff. A message already sent is skipped, so a job that runs twice (a
 * retry after a crash between sending and recording) does not send twice from here.
 *
 * Once sent, the body is dropped in the same update that records it: sign-in, reset and
 * identity codes and invitation links must not be readable from the database afterwards. The
 * row keeps the recipient, subject (never a code: subjects are fixed strings), template and
 * status; lib/mail/outbox-retention.ts deletes it later.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { DbOrTx } from "@/db/client";
import { mailOutbox } from "@/db/schema";

export type DeliveryResult = "sent" | "already-sent" | "missing";

export async function deliverOutboxMessage(
  db: DbOrTx,
  transport: Transporter,
  from: string,
  outboxId: string,
): Promise<DeliveryResult> {
  const [message] = await db
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1` })
    .where(and(eq(mailOutbox.id, outboxId), sql`${mailOutbox.status} <> 'sent'`))
    .returning();
  if (!message) {
    const [existing] = await db.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.id, outboxId));
    return existing ? "already-sent" : "missing";
  }
  try {
    await transport.sendMail({
      from,
      to: message.toAddress,
      subject: message.subject,
      html: message.html ?? undefined,
      text: message.text ?? undefined,
      // A stable id lets a receiving server drop a duplicate if we ever resend.
      messageId: `<${message.id}@childrens-portal>`,
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? "SEND_FAILED";
    await db.update(mailOutbox).set({ lastError: code }).where(eq(mailOutbox.id, outboxId));
    throw error;
  }
  await db.update(mailOutbox).set({ status: "sent", sentAt: new Date(), lastError: null, html: null, text: null }).where(eq(mailOutbox.id, outboxId));
  return "sent";
}

/**
 * After the last retry: the queue has given up. Marked failed, it stops counting as pending (the
 * outbox gauges) and keeps its body 7 days (outbox-retention.ts) for whoever runs the portal to
 * read, and send again by hand, after a long mail outage. No page shows it and no command resends
 * it: the loss shows in portal_jobs_failed and the mail.delivery-failed log line.
 */
export async function markOutboxMessageFailed(db: DbOrTx, outboxId: string): Promise<void> {
  await db.update(mailOutbox).set({ status: "failed" }).where(and(eq(mailOutbox.id, outboxId), eq(mailOutbox.status, "pending")));
}
