/**
 * The daily draft housekeeping (issue 4, item 8): deletes drafts past their expiry and emails
 * each owner once, in the last three days before their draft goes. A reminder is claimed by
 * stamping reminderSentAt only while it is still null, in the same transaction that queues
 * the email, so two workers (or a retried job) never both send it, and a rolled-back send
 * leaves the draft to be reminded on the next run.
 */
import { and, asc, eq, gt, isNull, lte } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { drafts, users } from "@/db/schema";
import { logEvent } from "@/lib/log";
import { deleteExpiredDrafts } from "./drafts";

const REMINDER_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;

export type DraftReminder = { to: string; forename: string; formId: string; expiresAt: Date; draftId: string };

export type SendDraftReminder = (tx: DbOrTx, reminder: DraftReminder) => Promise<void>;

export type DraftHousekeepingResult = { deleted: number; reminded: number };

export async function runDraftHousekeeping(db: Db, input: { now: Date; sendReminder: SendDraftReminder }): Promise<DraftHousekeepingResult> {
  const { now, sendReminder } = input;
  const deletedIds = await deleteExpiredDrafts(db, now);

  const due = await db
    .select({ id: drafts.id })
    .from(drafts)
    .where(and(isNull(drafts.reminderSentAt), gt(drafts.expiresAt, now), lte(drafts.expiresAt, new Date(now.getTime() + REMINDER_WINDOW_MS))))
    .orderBy(asc(drafts.expiresAt));

  let reminded = 0;
  let failed = 0;
  for (const { id } of due) {
    try {
      if (await remindOnce(db, id, now, sendReminder)) reminded += 1;
    } catch (error) {
      // One bad reminder must not stop the others; the job fails at the end so it is retried,
      // and the retry sends only those still unclaimed.
      failed += 1;
      logEvent("drafts.reminder-failed", { draftId: id, error: error instanceof Error ? error.name : "unknown" });
    }
  }

  logEvent("drafts.housekeeping", { deleted: deletedIds.length, reminded, failed });
  if (failed > 0) throw new Error(`${failed} draft expiry reminder(s) failed`);
  return { deleted: deletedIds.length, reminded };
}

/** Claims and sends one draft's reminder in one transaction; false when another run claimed it first. */
async function remindOnce(db: Db, draftId: string, now: Date, sendReminder: SendDraftReminder): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(drafts)
      .set({ reminderSentAt: now })
      .where(and(eq(drafts.id, draftId), isNull(drafts.reminderSentAt), gt(drafts.expiresAt, now)))
      .returning({ ownerId: drafts.ownerId, formId: drafts.formId, expiresAt: drafts.expiresAt });
    if (!claimed) return false;
    const [owner] = await tx.select({ email: users.email, forename: users.forename }).from(users).where(eq(users.id, claimed.ownerId));
    if (!owner) throw new Error("draft owner not found");
    await sendReminder(tx, { to: owner.email, forename: owner.forename, formId: claimed.formId, expiresAt: claimed.expiresAt, draftId });
    logEvent("drafts.reminder-queued", { draftId });
    return true;
  });
}
