/**
 * "Remove" on a draft's file (lib/attachments/attachments.ts): its object first, then its row,
 * with the draft locked so a submit cannot freeze a file half gone.
 */
import { and, eq, isNull } from "drizzle-orm";
import { attachments, drafts } from "@/db/schema";
import { logEvent } from "@/lib/log";
import { isUuid } from "@/lib/security/uuid";
import type { FileOwner, StorageDeps } from "./deps";

/**
 * "Remove": deletes one file from the owner's draft, its object first, then its row. False
 * when there is no such file on a draft of theirs (another user's id included). Throws when
 * storage cannot be reached (the file is then kept, row and object).
 */
export async function removeAttachment(
  deps: StorageDeps<"delete">,
  owner: FileOwner,
  input: { draftId: string; attachmentId: string },
): Promise<boolean> {
  const { db, storage } = deps;
  const ownerId = owner.userId;
  const { draftId, attachmentId } = input;
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
