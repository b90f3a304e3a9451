/**
 * Attachments: the files on a user's form (issue 5). Every function that acts for a person
 * takes their id and has it in its WHERE clause, as lib/drafts does: another user's draft or
 * file id behaves exactly like one that does not exist.
 *
 * Storage and rows are kept in step: an object is stored before its row is written and deleted
 * before its row is, and a refused or failed upload deletes what it stored, so there is never a
 * row without an object nor (but for an upload in flight) an object without a row.
 */
import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { attachments, drafts, submissions } from "@/db/schema";
import type { CouncilSettings } from "@/lib/config/council";
import { logEvent } from "@/lib/log";
import { isStaff, type AccountRole } from "@/lib/staff/roles";
import { inMyTeams } from "@/lib/staff/scope";
import type { AttachmentKind } from "./content";
import { MEGABYTE } from "./messages";
import type { Storage } from "@/lib/storage";
import { ATTACHMENT_KEY_PREFIX } from "./stream-upload";

export type Attachment = {
  id: string;
  draftId: string | null;
  submissionId: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  kind: AttachmentKind;
  createdAt: Date;
};

/** An attachment with what is needed to serve it (the storage key) and whose it is. */
export type StoredAttachment = Attachment & { ownerId: string; objectKey: string };

/** Per file and per form; `maxFiles` (files on one form) is 20 when not given. */
export type UploadLimits = { maxFileBytes: number; maxDraftBytes: number; maxFiles?: number };

export const DEFAULT_MAX_FILES = 20;

/** The council's limits (COUNCIL_MAX_UPLOAD_MB, COUNCIL_MAX_UPLOADS_PER_FORM_MEGABYTES, COUNCIL_MAX_FILES_PER_FORM). */
export function uploadLimitsFor(council: Pick<CouncilSettings, "maxUploadMegabytes" | "maxUploadsPerFormMegabytes" | "maxFilesPerForm">): UploadLimits {
  return { maxFileBytes: council.maxUploadMegabytes * MEGABYTE, maxDraftBytes: council.maxUploadsPerFormMegabytes * MEGABYTE, maxFiles: council.maxFilesPerForm };
}

export type AttachResult =
  | { status: "attached"; attachment: Attachment }
  | { status: "refused"; message: string }
  | { status: "not-found" }
  | { status: "storage-down"; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

export function toAttachment(row: typeof attachments.$inferSelect): Attachment {
  return {
    id: row.id,
    draftId: row.draftId,
    submissionId: row.submissionId,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    kind: row.kind as AttachmentKind,
    createdAt: row.createdAt,
  };
}

const toStored = (row: typeof attachments.$inferSelect): StoredAttachment => ({ ...toAttachment(row), ownerId: row.ownerId, objectKey: row.objectKey });

/** The owner's live (not expired) draft, locked for the rest of the transaction when `lock`. */
export async function liveDraft(db: DbOrTx, ownerId: string, draftId: string, now: Date, lock = false): Promise<boolean> {
  const query = db
    .select({ id: drafts.id })
    .from(drafts)
    .where(and(eq(drafts.id, draftId), eq(drafts.ownerId, ownerId), sql`${drafts.expiresAt} > ${now.toISOString()}`));
  const rows = lock ? await query.for("update") : await query;
  return rows.length === 1;
}

/** How many files the owner's draft holds and their total size. */
export async function filesOnDraft(db: DbOrTx, ownerId: string, draftId: string): Promise<{ count: number; bytes: number }> {
  const [row] = await db
    .select({ count: sql<string>`count(*)`, total: sql<string>`coalesce(sum(${attachments.sizeBytes}), 0)` })
    .from(attachments)
    .where(and(eq(attachments.draftId, draftId), eq(attachments.ownerId, ownerId), isNull(attachments.submissionId)));
  return { count: Number(row?.count ?? 0), bytes: Number(row?.total ?? 0) };
}

/** The files on the owner's draft, in the order they were added (none for someone else's draft). */
export async function listAttachments(db: DbOrTx, input: { ownerId: string; draftId: string }): Promise<Attachment[]> {
  if (!isUuid(input.draftId)) return [];
  const rows = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.draftId, input.draftId), eq(attachments.ownerId, input.ownerId), isNull(attachments.submissionId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.fileName), asc(attachments.id));
  return rows.map(toAttachment);
}

/**
 * "Remove": deletes one file from the owner's draft, its object first, then its row. False
 * when there is no such file on a draft of theirs (another user's id included). Throws when
 * storage cannot be reached (the file is then kept, row and object).
 */
export async function removeAttachment(
  db: Db,
  storage: Pick<Storage, "delete">,
  input: { ownerId: string; draftId: string; attachmentId: string },
): Promise<boolean> {
  const { ownerId, draftId, attachmentId } = input;
  if (!isUuid(draftId) || !isUuid(attachmentId)) return false;
  const removed = await db.transaction(async (tx) => {
    // Lock the draft: a submit waits (it locks the draft too) and cannot freeze a file half gone.
    const [draft] = await tx
      .select({ id: drafts.id })
      .from(drafts)
      .where(and(eq(drafts.id, draftId), eq(drafts.ownerId, ownerId)))
      .for("update");
    if (!draft) return false;
    const [row] = await tx
      .select({ id: attachments.id, objectKey: attachments.objectKey })
      .from(attachments)
      .where(and(eq(attachments.id, attachmentId), eq(attachments.draftId, draftId), eq(attachments.ownerId, ownerId), isNull(attachments.submissionId)));
    if (!row) return false;
    await storage.delete(row.objectKey);
    await tx.delete(attachments).where(eq(attachments.id, row.id));
    return true;
  });
  if (removed) logEvent("attachments.removed", { attachmentId, draftId });
  return removed;
}

export type DeletedAttachments = { deleted: number; failed: number };

/**
 * Deletes the files (objects, then rows) still on these drafts: for "Cancel" (call it before
 * deleting the draft, with `scope.ownerId` so it touches only the acting user's files) and for
 * expiry. A file whose object cannot be deleted keeps its row and is counted in `failed`; once
 * its draft is gone, deleteStrayAttachments finishes the job.
 */
export async function deleteDraftAttachments(
  db: Db,
  storage: Pick<Storage, "delete">,
  draftIds: readonly string[],
  scope: { ownerId?: string } = {},
): Promise<DeletedAttachments> {
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
export async function deleteStrayAttachments(db: Db, storage: Pick<Storage, "delete">): Promise<DeletedAttachments> {
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
export async function deleteUnclaimedObjects(
  db: DbOrTx,
  storage: Pick<Storage, "list" | "delete">,
  input: { olderThan: Date },
): Promise<DeletedAttachments> {
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

/**
 * "Send to Local Authority": moves the draft's files to the submission (its owner's files only).
 * Call it inside the submit transaction, before the draft is deleted. Returns how many moved.
 */
export async function freezeAttachments(tx: DbOrTx, input: { draftId: string; submissionId: string }): Promise<number> {
  const moved = await tx
    .update(attachments)
    .set({ submissionId: input.submissionId })
    .where(
      and(
        eq(attachments.draftId, input.draftId),
        isNull(attachments.submissionId),
        eq(attachments.ownerId, sql`(select ${submissions.ownerId} from ${submissions} where ${submissions.id} = ${input.submissionId})`),
      ),
    )
    .returning({ id: attachments.id });
  return moved.length;
}

/**
 * The file a user may download: their own, or (council staff) a file on a form sent to one of
 * their teams. Null otherwise, for a file that does not exist too.
 */
export async function findAttachmentForDownload(
  db: DbOrTx,
  input: { userId: string; role: AccountRole; attachmentId: string },
): Promise<StoredAttachment | null> {
  if (!isUuid(input.attachmentId)) return null;
  const ofMyTeams = sql`${attachments.submissionId} in (select ${submissions.id} from ${submissions} where ${inMyTeams(submissions.team, input)})`;
  const [row] = await db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.id, input.attachmentId),
        isStaff(input) ? or(eq(attachments.ownerId, input.userId), ofMyTeams) : eq(attachments.ownerId, input.userId),
      ),
    );
  return row ? toStored(row) : null;
}

export async function deleteObjectQuietly(storage: Pick<Storage, "delete">, key: string): Promise<void> {
  await storage.delete(key).catch((error: unknown) => {
    logEvent("attachments.cleanup-failed", { key, error: error instanceof Error ? error.name : "unknown" });
  });
}
