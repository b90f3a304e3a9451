/**
 * "Add info": the files sent with a submission, copied onto the owner's new draft so the
 * returned form opens with them. Each gets an object of its own (copied inside storage), so
 * removing it from the draft never touches what was sent. Only the owner's own submission's
 * files are copied.
 *
 * Two halves, so that the draft and its files are made as one step (lib/referrals/resubmit.ts):
 * the objects are copied first, outside any transaction (`copySentFiles`), then their rows are
 * written in the transaction that makes the draft (`keepCopiesOnDraft`). If anything fails, the
 * copies are deleted (`discardCopies`) and no draft is made, so a retry starts again from
 * nothing instead of finding a draft without its files. An object left behind by a crash is
 * deleted by the daily housekeeping (deleteUnclaimedObjects), since no row names it.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { attachments } from "@/db/schema";
import type { Storage } from "@/lib/storage";
import { isUuid } from "@/lib/security/uuid";
import { deleteObjectQuietly } from "./clean-up";
import type { FileOwner, StorageDeps } from "./deps";
import { ATTACHMENT_KEY_PREFIX } from "./stream-upload";

/** A copied object and the row it will have, but for the draft it goes on. */
export type SentFileCopy = Omit<typeof attachments.$inferInsert, "draftId" | "createdAt" | "id">;

export async function copySentFiles(
  deps: { db: Pick<Db, "select">; storage: Pick<Storage, "copy" | "delete"> },
  owner: FileOwner,
  request: { submissionId: string },
): Promise<SentFileCopy[]> {
  const { db, storage } = deps;
  const input = { ownerId: owner.userId, submissionId: request.submissionId };
  if (!isUuid(input.submissionId)) return [];
  const sent = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.submissionId, input.submissionId), eq(attachments.ownerId, input.ownerId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  const copies: SentFileCopy[] = [];
  try {
    for (const file of sent) {
      const objectKey = `${ATTACHMENT_KEY_PREFIX}${randomUUID()}`;
      await storage.copy(file.objectKey, objectKey);
      copies.push({ ownerId: input.ownerId, objectKey, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes, kind: file.kind, scanStatus: file.scanStatus, sha256: file.sha256 });
    }
  } catch (error) {
    await discardCopies(storage, copies);
    throw error;
  }
  return copies;
}

/** Writes the copies' rows onto the draft; pass the transaction that makes the draft. */
export async function keepCopiesOnDraft(tx: DbOrTx, copies: readonly SentFileCopy[], input: { draftId: string; now: Date }): Promise<void> {
  if (copies.length === 0) return;
  // One after another, so the files keep the order they were sent in.
  for (const [index, copy] of copies.entries()) {
    await tx.insert(attachments).values({ ...copy, draftId: input.draftId, createdAt: new Date(input.now.getTime() + index) });
  }
}

export async function discardCopies(storage: Pick<Storage, "delete">, copies: readonly SentFileCopy[]): Promise<void> {
  for (const copy of copies) await deleteObjectQuietly(storage, copy.objectKey);
}

/** Copies a submission's files onto an existing draft of the same owner; the number copied. */
export async function copySubmissionFilesToDraft(
  deps: StorageDeps<"copy" | "delete"> & { now: Date },
  owner: FileOwner,
  input: { submissionId: string; draftId: string },
): Promise<number> {
  const { db, storage } = deps;
  if (!isUuid(input.draftId)) return 0;
  const copies = await copySentFiles(deps, owner, input);
  try {
    await db.transaction((tx) => keepCopiesOnDraft(tx, copies, { draftId: input.draftId, now: deps.now }));
  } catch (error) {
    await discardCopies(storage, copies);
    throw error;
  }
  return copies.length;
}
