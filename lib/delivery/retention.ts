/**
 * The portal forgets (issue 17, point 6): once the council's case system has a sent form (its
 * delivery acknowledged, by webhook answer or API ack), the portal keeps the form's content only
 * COUNCIL_DELIVERED_RETENTION_DAYS more (30 by default). Then the daily job deletes:
 *
 * - the answers and the people (names included, so the inbox's name search no longer finds it);
 * - the files sent with it (the stored objects and their rows); the PDF is never stored, and
 *   without answers it can no longer be made.
 *
 * It keeps the reference, dates, status, the council's response, the referral's history
 * (referral_events) and the audit rows, and stamps `purged_at`. A form that was never
 * acknowledged is never deleted, however old. Each form is purged in its own transaction, its
 * row locked, so two workers (or a retried job) never both delete it, and a file that cannot be
 * deleted leaves the form to be tried again on the next run. Nothing personal is logged.
 *
 * Afterwards the referrer no longer finds it (findSubmittedForm, the PDF), its team sees the
 * referral with a note that its content was deleted, and "Add info" (if the case system later
 * asks for more) starts the same form again without the deleted answers.
 */
import { and, asc, eq, isNotNull, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attachments, deliveries, submissions } from "@/db/schema";
import { logEvent } from "@/lib/log";
import { getStorage, type Storage } from "@/lib/storage";

const DAY_MS = 86_400_000;
/** Forms purged per run at most, so one run never holds the database for long; the next day takes the rest. */
const BATCH = 5_000;

export type RetentionResult = { purged: number; filesDeleted: number; failed: number };

export async function purgeDeliveredSubmissions(
  db: Db,
  input: { now: Date; retentionDays: number; storage?: Pick<Storage, "delete"> },
): Promise<RetentionResult> {
  const cutoff = new Date(input.now.getTime() - input.retentionDays * DAY_MS);
  const due = await db
    .select({ id: submissions.id })
    .from(deliveries)
    .innerJoin(submissions, eq(submissions.id, deliveries.submissionId))
    .where(and(isNotNull(deliveries.deliveredAt), lte(deliveries.deliveredAt, cutoff), isNull(submissions.purgedAt)))
    .orderBy(asc(deliveries.deliveredAt))
    .limit(BATCH);

  let storage = input.storage;
  const result: RetentionResult = { purged: 0, filesDeleted: 0, failed: 0 };
  for (const { id } of due) {
    try {
      const files = await purgeOne(db, (storage ??= getStorage()), id, input.now);
      if (files !== null) {
        result.purged += 1;
        result.filesDeleted += files;
      }
    } catch (error) {
      // One form that cannot be purged (storage down) must not stop the others; it is tried again tomorrow.
      result.failed += 1;
      logEvent("delivery.retention-failed", { submissionId: id, error: error instanceof Error ? error.name : "unknown" });
    }
  }
  return result;
}

/** Purges one form; null when another run already did. Returns the number of files deleted. */
async function purgeOne(db: Db, storage: Pick<Storage, "delete">, submissionId: string, now: Date): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: submissions.id })
      .from(submissions)
      .where(and(eq(submissions.id, submissionId), isNull(submissions.purgedAt)))
      .for("update");
    if (!row) return null;
    const files = await tx.select({ id: attachments.id, objectKey: attachments.objectKey }).from(attachments).where(eq(attachments.submissionId, submissionId));
    // Objects first: if one cannot be deleted the transaction rolls back and the rows still name it.
    for (const file of files) await storage.delete(file.objectKey);
    if (files.length > 0) await tx.delete(attachments).where(eq(attachments.submissionId, submissionId));
    await tx.update(submissions).set({ answers: {}, people: [], peopleNames: "", purgedAt: now }).where(eq(submissions.id, submissionId));
    return files.length;
  });
}
