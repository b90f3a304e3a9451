/**
 * Deleting files and objects (lib/attachments/attachments.ts): a cancelled draft's files, and the
 * housekeeping's sweeps (an expired draft's files, files left by a draft deleted without them,
 * objects no row names). Object first, then row, each file in its own transaction; a file whose
 * object cannot be deleted keeps its row and is counted as failed, for the next sweep.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { attachments } from "@/db/schema";
import { logEvent } from "@/lib/log";
import type { Storage } from "@/lib/storage";
import { isUuid } from "@/lib/security/uuid";
import type { StorageDeps } from "./deps";
import { ATTACHMENT_KEY_PREFIX } from "./stream-upload";

export type DeletedAttachments = { deleted: number; failed: number };

/**
 * Deletes the files (objects, then rows) still on these drafts: for "Cancel" (call it before
 * deleting the draft, with `scope.ownerId` so it touches only the acting user's files) and for
 * expiry. A file whose object cannot be deleted keeps its row and is counted in `failed`; once
 * its draft is gone, deleteStrayAttachments finishes the job.
 */
export async function deleteDraftAttachments(
  deps: StorageDeps<"delete">,
  draftIds: readonly string[],
  scope: { ownerId?: string } = {},
): Promise<DeletedAttachments> {
  const { db, storage } = deps;
  const ids = draftIds.filter(isUuid);
  if (ids.length === 0) return { deleted: 0, failed: 0 };
  const rows = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(inArray(attachments.draftId, ids), isNull(attachments.submissionId), scope.ownerId ? eq(attachments.ownerId, scope.ownerId) : undefined));
  return deleteEach(db, storage, rows.map((row) => row.id));
}

/**
 * Deletes files whose draft was deleted without them and that were never sent (draft and
 * submission both gone): a cancel that did not clean up, a clean-up storage failed. Run by the
 * draft housekeeping.
 */
export async function deleteStrayAttachments(deps: StorageDeps<"delete">): Promise<DeletedAttachments> {
  const { db, storage } = deps;
  const rows = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(isNull(attachments.draftId), isNull(attachments.submissionId)));
  return deleteEach(db, storage, rows.map((row) => row.id));
}

/**
 * Deletes objects under the attachments prefix that have no row and are older than `olderThan`
 * (an upload whose process died between storing and writing its row; younger ones may still be
 * in flight). Run by the draft housekeeping.
 */
export async function deleteUnclaimedObjects(deps: { db: DbOrTx; storage: Pick<Storage, "list" | "delete"> }, input: { olderThan: Date }): Promise<DeletedAttachments> {
  const { db, storage } = deps;
  const candidates = (await storage.list(ATTACHMENT_KEY_PREFIX)).filter((object) => object.lastModified && object.lastModified < input.olderThan);
  let deleted = 0;
  let failed = 0;
  for (let i = 0; i < candidates.length; i += 500) {
    const keys = candidates.slice(i, i + 500).map((object) => object.key);
    const claimed = new Set(
      (await db.select({ objectKey: attachments.objectKey }).from(attachments).where(inArray(attachments.objectKey, keys))).map((row) => row.objectKey),
    );
    for (const key of keys.filter((k) => !claimed.has(k))) {
      try {
        await storage.delete(key);
        deleted += 1;
      } catch (error) {
        failed += 1;
        logEvent("attachments.delete-failed", { key, error: error instanceof Error ? error.name : "unknown" });
      }
    }
  }
  return { deleted, failed };
}

/** One by one, each in a transaction holding its row, so a submit cannot freeze a file whose object is going. */
async function deleteEach(db: Db, storage: Pick<Storage, "delete">, ids: string[]): Promise<DeletedAttachments> {
  let deleted = 0;
  let failed = 0;
  for (const id of ids) {
    try {
      const gone = await db.transaction(async (tx) => {
        const [row] = await tx
          .select({ objectKey: attachments.objectKey })
          .from(attachments)
          .where(and(eq(attachments.id, id), isNull(attachments.submissionId)))
          .for("update");
        if (!row) return false;
        await storage.delete(row.objectKey);
        await tx.delete(attachments).where(eq(attachments.id, id));
        return true;
      });
      if (gone) deleted += 1;
    } catch (error) {
      failed += 1;
      logEvent("attachments.delete-failed", { attachmentId: id, error: error instanceof Error ? error.name : "unknown" });
    }
  }
  return { deleted, failed };
}

export async function deleteObjectQuietly(storage: Pick<Storage, "delete">, key: string): Promise<void> {
  await storage.delete(key).catch((error: unknown) => {
    logEvent("attachments.cleanup-failed", { key, error: error instanceof Error ? error.name : "unknown" });
  });
}
