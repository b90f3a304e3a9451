/**
 * One upload request's files for one draft ("Upload file" may carry several). Each file is
 * streamed to storage (checked by content and size, scanned for malware) as it arrives, but
 * rows are written only by commit(), in one transaction, once the whole request has been read:
 * a request that carries more files than the form can still take, or that breaks off part-way
 * (the browser went away), is refused whole and discard() deletes every object it stored, so
 * nothing is ever attached from half a request.
 */
import type { Readable } from "node:stream";
import type { Db } from "@/db/client";
import { attachments } from "@/db/schema";
import { logEvent } from "@/lib/log";
import { recordInfectedUpload } from "@/lib/scanning/audit";
import { getScanner } from "@/lib/scanning";
import type { Scanner } from "@/lib/scanning/scanner";
import { isUuid } from "@/lib/security/uuid";
import { DEFAULT_MAX_FILES, filesOnDraft, liveDraft, toAttachment, type AttachResult, type UploadLimits } from "./attachments";
import { deleteObjectQuietly } from "./clean-up";
import type { AttachmentDeps, FileOwner } from "./deps";
import { draftFullMessage, fileTooBigMessage, formFilesFullMessage } from "./messages";
import { streamUpload, type AttachmentStorage, type StreamUploadResult } from "./stream-upload";

/** What the request says: which draft, under which limits, from which address. */
export type DraftUploadRequest = {
  draftId: string;
  limits: UploadLimits;
  /** The client's address, for the audit row of an infected file. */
  ip?: string | null;
};

/** The upload's deps: storage writes and deletes; the scanner is CLAMAV_URL's unless given. */
export type DraftUploadDeps = Pick<AttachmentDeps, "db" | "now" | "scanner"> & { storage: AttachmentStorage };

type DraftUploadInput = DraftUploadRequest & { ownerId: string; now: Date; scanner?: Scanner };

type Stored = Extract<StreamUploadResult, { status: "stored" }>;
type Slot = { stored: Stored } | { result: AttachResult };

/** What the form can still take when the request starts. */
export type DraftRoom = { files: number; bytes: number; maxFiles: number; maxDraftBytes: number };

export class DraftUpload {
  private readonly slots: Slot[] = [];
  private storedBytes = 0;

  private constructor(
    private readonly db: Db,
    private readonly storage: AttachmentStorage,
    private readonly input: DraftUploadInput,
    readonly room: DraftRoom,
  ) {}

  /** The upload for the owner's live draft; null when there is no such draft of theirs. */
  static async open(deps: DraftUploadDeps, owner: FileOwner, request: DraftUploadRequest): Promise<DraftUpload | null> {
    const { db, storage } = deps;
    const input: DraftUploadInput = { ...request, ownerId: owner.userId, now: deps.now, scanner: deps.scanner };
    if (!isUuid(input.draftId) || !(await liveDraft(db, input.ownerId, input.draftId, input.now))) return null;
    const on = await filesOnDraft(db, input.ownerId, input.draftId);
    const maxFiles = input.limits.maxFiles ?? DEFAULT_MAX_FILES;
    const room = { files: Math.max(0, maxFiles - on.count), bytes: Math.max(0, input.limits.maxDraftBytes - on.bytes), maxFiles, maxDraftBytes: input.limits.maxDraftBytes };
    return new DraftUpload(db, storage, input, room);
  }

  /** Files read so far in this request (refused ones included). */
  get fileCount(): number {
    return this.slots.length;
  }

  /**
   * Streams one file to storage. When this returns, the stream has been read to its end or
   * left part-way (a refused file): the caller drains it (`resume()`) or destroys it.
   */
  async add(fileName: string, stream: Readable): Promise<void> {
    const { limits } = this.input;
    const scanner = this.input.scanner ?? getScanner();
    if (this.slots.length >= this.room.files) {
      this.slots.push({ result: { status: "refused", message: formFilesFullMessage(fileName, this.room.maxFiles) } });
      return;
    }
    const remaining = this.room.bytes - this.storedBytes;
    const draftBinds = remaining < limits.maxFileBytes;
    const result = await streamUpload(this.storage, {
      fileName,
      stream,
      scanner,
      maxBytes: Math.max(0, Math.min(limits.maxFileBytes, remaining)),
      tooBigMessage: (name) => (draftBinds ? draftFullMessage(name, limits.maxDraftBytes, remaining) : fileTooBigMessage(name, limits.maxFileBytes)),
    });
    if (result.status === "stored") {
      this.storedBytes += result.sizeBytes;
      this.slots.push({ stored: result });
      return;
    }
    if (result.status === "infected") {
      const { ownerId, draftId, ip, now } = this.input;
      await recordInfectedUpload(this.db, { userId: ownerId, subjectId: draftId, ip }, now);
      logEvent("attachments.infected-refused", { draftId, userId: ownerId });
      this.slots.push({ result: { status: "refused", message: result.message } });
      return;
    }
    this.slots.push({ result });
  }

  /**
   * Writes the rows of the files stored, in one transaction that locks the draft and checks the
   * form's count and total again (two requests at once cannot pass them together). Returns one
   * result per file, in order.
   */
  async commit(): Promise<AttachResult[]> {
    const { ownerId, draftId, now } = this.input;
    const { maxDraftBytes, maxFiles } = this.room;
    let results: AttachResult[];
    try {
      results = await this.db.transaction(async (tx): Promise<AttachResult[]> => {
        if (!(await liveDraft(tx, ownerId, draftId, now, true))) return this.slots.map(() => ({ status: "not-found" }) as const);
        const on = await filesOnDraft(tx, ownerId, draftId);
        const out: AttachResult[] = [];
        for (const slot of this.slots) {
          if ("result" in slot) {
            out.push(slot.result);
            continue;
          }
          const { stored } = slot;
          if (on.count >= maxFiles) {
            out.push({ status: "refused", message: formFilesFullMessage(stored.fileName, maxFiles) });
            continue;
          }
          if (on.bytes + stored.sizeBytes > maxDraftBytes) {
            out.push({ status: "refused", message: draftFullMessage(stored.fileName, maxDraftBytes, maxDraftBytes - on.bytes) });
            continue;
          }
          const [row] = await tx
            .insert(attachments)
            .values({
              ownerId,
              draftId,
              objectKey: stored.objectKey,
              fileName: stored.fileName,
              contentType: stored.contentType,
              sizeBytes: stored.sizeBytes,
              kind: stored.kind,
              scanStatus: stored.scanStatus,
              sha256: stored.sha256,
              createdAt: now,
            })
            .returning();
          if (!row) throw new Error("attachment insert returned no row");
          on.count += 1;
          on.bytes += stored.sizeBytes;
          out.push({ status: "attached", attachment: toAttachment(row) });
        }
        return out;
      });
    } catch (error) {
      await this.discard();
      throw error;
    }
    // Objects whose row was not written (the form filled up meanwhile) go.
    for (const [index, slot] of this.slots.entries()) {
      if (!("stored" in slot)) continue;
      const result = results[index];
      if (result?.status === "attached") {
        logEvent("attachments.attached", { attachmentId: result.attachment.id, draftId, kind: slot.stored.kind, sizeBytes: slot.stored.sizeBytes, scanStatus: slot.stored.scanStatus });
      } else await deleteObjectQuietly(this.storage, slot.stored.objectKey);
    }
    return results;
  }

  /** Deletes every object this request stored (it is refused whole, or broke off). */
  async discard(): Promise<void> {
    for (const slot of this.slots) if ("stored" in slot) await deleteObjectQuietly(this.storage, slot.stored.objectKey);
    this.slots.length = 0;
  }
}

/**
 * Adds one uploaded file to the owner's draft: checks the draft, streams the file to storage
 * (stopping as soon as it passes the per-file limit or what is left of the per-form limit),
 * decides its type from its content, has it scanned, then writes the row (see DraftUpload).
 * A refused file leaves nothing stored; "storage-down" leaves the draft as it was.
 *
 * With "not-found" (or an early "refused"), `stream` has not been read (or not to its end):
 * drain or destroy it (see streamUpload).
 */
export async function attachToDraft(
  deps: DraftUploadDeps,
  owner: FileOwner,
  input: DraftUploadRequest & { fileName: string; stream: Readable },
): Promise<AttachResult> {
  const upload = await DraftUpload.open(deps, owner, input);
  if (!upload) return { status: "not-found" };
  await upload.add(input.fileName, input.stream);
  const [result] = await upload.commit();
  return result ?? { status: "not-found" };
}
