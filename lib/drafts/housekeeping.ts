/**
 * The daily draft housekeeping (issue 4, item 8): deletes drafts past their expiry and emails
 * each owner once, in the last three days before their draft goes. A reminder is claimed by
 * stamping reminderSentAt only while it is still null, in the same transaction that queues
 * the email, so two workers (or a retried job) never both send it, and a rolled-back send
 * leaves the draft to be reminded on the next run. Kept posts (issue 15) past their two hours,
 * or already given back, are deleted here too.
 */
import { and, asc, eq, gt, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { drafts, users } from "@/db/schema";
import { deleteDraftAttachments, deleteStrayAttachments, deleteUnclaimedObjects } from "@/lib/attachments/clean-up";
import { logEvent } from "@/lib/log";
import { getStorage } from "@/lib/storage";
import { deleteFinishedKeptPosts } from "@/lib/kept-posts/store";
import type { DraftDeps, DraftMailer } from "./deps";
import { deleteExpiredDrafts } from "./drafts";

const REMINDER_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;
/** An object with no row younger than this may be an upload still writing its row. */
const UNCLAIMED_OBJECT_GRACE_MS = 24 * 60 * 60 * 1000;

export type DraftHousekeepingResult = { deleted: number; reminded: number; filesDeleted: number; keptPostsDeleted: number };

export async function runDraftHousekeeping(deps: DraftDeps): Promise<DraftHousekeepingResult> {
  const { db, now, mail } = deps;
  const storage = deps.storage ?? getStorage();
  // The expired drafts' files go first, while their rows still name the draft (deleting a draft
  // sets its files' draft id to null; deleteStrayAttachments picks up any left that way).
  const expired = await db.select({ id: drafts.id }).from(drafts).where(lte(drafts.expiresAt, now));
  const files = await cleanUpFiles(() => deleteDraftAttachments({ db, storage }, expired.map((row) => row.id)));
  const deletedIds = await deleteExpiredDrafts(db, now);
  const strays = await cleanUpFiles(() => deleteStrayAttachments({ db, storage }));
  const unclaimed = await cleanUpFiles(() => deleteUnclaimedObjects({ db, storage }, { olderThan: new Date(now.getTime() - UNCLAIMED_OBJECT_GRACE_MS) }));
  const filesDeleted = files.deleted + strays.deleted + unclaimed.deleted;
  const keptPostsDeleted = await deleteFinishedKeptPosts(db, now);
  const filesFailed = files.failed + strays.failed + unclaimed.failed;

  const due = await db
    .select({ id: drafts.id })
    .from(drafts)
    .where(and(isNull(drafts.reminderSentAt), gt(drafts.expiresAt, now), lte(drafts.expiresAt, new Date(now.getTime() + REMINDER_WINDOW_MS))))
    .orderBy(asc(drafts.expiresAt));

  let reminded = 0;
  let failed = 0;
  for (const { id } of due) {
    try {
      if (await remindOnce(db, id, now, mail)) reminded += 1;
    } catch (error) {
      // One bad reminder must not stop the others; the job fails at the end so it is retried,
      // and the retry sends only those still unclaimed.
      failed += 1;
      logEvent("drafts.reminder-failed", { draftId: id, error: error instanceof Error ? error.name : "unknown" });
    }
  }

  logEvent("drafts.housekeeping", { deleted: deletedIds.length, reminded, failed, filesDeleted, filesFailed, keptPostsDeleted });
  if (failed > 0) throw new Error(`${failed} draft expiry reminder(s) failed`);
  // Files that could not be deleted (storage unreachable) keep their rows; a retry finishes them.
  if (filesFailed > 0) throw new Error(`${filesFailed} attachment(s) could not be deleted`);
  return { deleted: deletedIds.length, reminded, filesDeleted, keptPostsDeleted };
}

/** A file clean-up step whose failure (storage down) must not stop the drafts' deletion or the reminders. */
async function cleanUpFiles(step: () => Promise<{ deleted: number; failed: number }>): Promise<{ deleted: number; failed: number }> {
  try {
    return await step();
  } catch (error) {
    logEvent("drafts.file-cleanup-failed", { error: error instanceof Error ? error.name : "unknown" });
    return { deleted: 0, failed: 1 };
  }
}

/** Claims and sends one draft's reminder in one transaction; false when another run claimed it first. */
async function remindOnce(db: Db, draftId: string, now: Date, mail: DraftMailer): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(drafts)
      .set({ reminderSentAt: now })
      .where(and(eq(drafts.id, draftId), isNull(drafts.reminderSentAt), gt(drafts.expiresAt, now)))
      .returning({ ownerId: drafts.ownerId, formId: drafts.formId, expiresAt: drafts.expiresAt });
    if (!claimed) return false;
    const [owner] = await tx.select({ email: users.email, forename: users.forename }).from(users).where(eq(users.id, claimed.ownerId));
    if (!owner) throw new Error("draft owner not found");
    await mail(tx, { kind: "expiry-reminder", to: owner.email, forename: owner.forename, formId: claimed.formId, expiresAt: claimed.expiresAt, draftId });
    logEvent("drafts.reminder-queued", { draftId });
    return true;
  });
}
