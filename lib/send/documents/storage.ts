/**
 * Housekeeping of the documents' stored objects. Uploads reuse lib/attachments' streaming upload
 * under the key prefix "send-documents/" (not "attachments/"), so the drafts' housekeeping, which
 * sweeps unclaimed "attachments/" objects, never sees them; an object whose rows were not written
 * is deleted here, and a failed delete is logged by key, never by name.
 */
import { ATTACHMENT_KEY_PREFIX, type AttachmentStorage } from "@/lib/attachments";
import { logEvent } from "@/lib/log";
import { DOCUMENT_KEY_PREFIX, type DocumentStorage } from "./shared";

/** The "send-documents/<uuid>" key of an object lib/attachments stored as "attachments/<uuid>". */
export const documentKeyOf = (attachmentKey: string): string => `${DOCUMENT_KEY_PREFIX}${attachmentKey.slice(ATTACHMENT_KEY_PREFIX.length)}`;

/** lib/attachments' storage, with its "attachments/<uuid>" keys moved to "send-documents/<uuid>". */
export function documentStorage(storage: DocumentStorage): AttachmentStorage {
  const key = (attachmentKey: string) => {
    if (!attachmentKey.startsWith(ATTACHMENT_KEY_PREFIX)) throw new Error("unexpected upload key");
    return documentKeyOf(attachmentKey);
  };
  return { put: (attachmentKey, body, options) => storage.put(key(attachmentKey), body, options), delete: (attachmentKey) => storage.delete(key(attachmentKey)) };
}

/** Deletes an object whose rows were never written (or were refused); a failure is logged, not thrown. */
export async function deleteObject(storage: DocumentStorage, objectKey: string): Promise<void> {
  await storage.delete(objectKey).catch((error: unknown) => {
    logEvent("send.document-cleanup-failed", { objectKey, error: error instanceof Error ? error.name : "unknown" });
  });
}
