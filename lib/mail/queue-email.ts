/**
 * Queues an email: one outbox row and one delivery job, both written with the caller's
 * database handle. Pass the transaction that makes the change the email reports, so that
 * if it rolls back the email is never sent.
 */
import type { DbOrTx } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { QUEUES, type DeliverMailJob } from "@/lib/jobs/queues";
import { executorFor } from "@/lib/jobs/sql-executor";
import type PgBoss from "pg-boss";

export type OutgoingEmail = {
  to: string;
  subject: string;
  /** Rendered bodies (see emails/render-email.ts). */
  html: string;
  text: string;
  /** The template's name, logged instead of the content. */
  template: string;
};

export async function queueEmail(db: DbOrTx, sender: PgBoss, email: OutgoingEmail): Promise<string> {
  const [row] = await db
    .insert(mailOutbox)
    .values({ toAddress: email.to, subject: email.subject, html: email.html, text: email.text, template: email.template })
    .returning({ id: mailOutbox.id });
  if (!row) throw new Error("outbox insert returned no row");
  const job: DeliverMailJob = { outboxId: row.id };
  await sender.send(QUEUES.deliverMail, job, { db: executorFor(db) });
  return row.id;
}
