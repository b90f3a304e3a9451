/**
 * Attachments: the files on a user's form (issue 5). This file is the read model (what a file
 * is, the limits, the owner's files on a draft, the file a user may download); each change has a
 * file of its own: draft-upload.ts (add), remove-attachment.ts (remove), freeze-attachments.ts
 * (send), sent-copies.ts (Add info), clean-up.ts (housekeeping). Every function that acts for a
 * person takes them and has their id in its WHERE clause, as lib/drafts does: another user's draft
 * or file id behaves exactly like one that does not exist. The changes take `deps` first (deps.ts).
 *
 * Storage and rows are kept in step: an object is stored before its row is written and deleted
 * before its row is, and a refused or failed upload deletes what it stored, so there is never a
 * row without an object nor (but for an upload in flight) an object without a row.
 */
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { attachments, drafts, submissions } from "@/db/schema";
import type { CouncilSettings } from "@/lib/config/council";
import { isStaff, type AccountRole } from "@/lib/auth/roles";
import { inMyTeams } from "@/lib/staff/scope";
import type { AttachmentKind } from "./content";
import { MEGABYTE } from "./messages";
import { isUuid } from "@/lib/security/uuid";

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
