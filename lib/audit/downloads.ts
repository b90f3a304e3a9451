/**
 * A referral's PDF and files, opened for download: by their owner, or by staff of the team the
 * form was sent to (the scope is in each finder's WHERE). A staff member's download is a staff
 * read: its audit row (./staff-reads.ts) is written before the file is returned, so a download
 * that could not be recorded is not served.
 */
import type { Db } from "@/db/client";
import { findAttachmentForDownload, type StoredAttachment } from "@/lib/attachments";
import { isStaff } from "@/lib/auth/roles";
import { findSubmittedForm, type SubmittedForm } from "@/lib/submissions/find-submission";
import { recordStaffRead, type Reader } from "./staff-reads";

/** A sent form for its PDF (findSubmittedForm's scope); a staff reader's download is audited first. */
export async function openSubmittedFormForPdf(db: Db, reader: Reader, reference: string, now: Date): Promise<SubmittedForm | null> {
  const sent = await findSubmittedForm(db, reader, reference);
  if (!sent) return null;
  if (isStaff(reader)) await recordStaffRead(db, "referral-pdf-downloaded", { userId: reader.userId, subjectId: sent.id, ip: reader.ip }, now);
  return sent;
}

/**
 * A file to download (findAttachmentForDownload's scope). A staff reader's download of a sent file
 * is audited with the file's id; their own draft's files are not anybody else's record.
 */
export async function openAttachmentForDownload(db: Db, reader: Reader, attachmentId: string, now: Date): Promise<StoredAttachment | null> {
  const attachment = await findAttachmentForDownload(db, { userId: reader.userId, role: reader.role, attachmentId });
  if (!attachment) return null;
  if (isStaff(reader) && attachment.submissionId) {
    await recordStaffRead(db, "referral-file-downloaded", { userId: reader.userId, subjectId: attachment.submissionId, ip: reader.ip, detail: { fileId: attachment.id } }, now);
  }
  return attachment;
}
