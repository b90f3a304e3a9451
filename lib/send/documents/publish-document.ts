/**
 * Publishing a document to the family's Documents to View. The upload is streamed (bytes counted
 * as they arrive, the type decided from the content, scanned for malware before the object is
 * completed: see lib/scanning); plain text, which attachments take, is refused here: the SEND team
 * publishes PDFs, Word documents and scanned images. Storage and rows are kept in step: the
 * object is stored first, then every row (document, case event, audit, emails) in one
 * transaction; when that fails the object is deleted.
 */
import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sendAccess, sendCases, sendDocuments, users } from "@/db/schema";
import { ACCEPTED_TYPES, MEGABYTE, safeFileName, streamUpload } from "@/lib/attachments";
import { logEvent } from "@/lib/log";
import { isStaff } from "@/lib/auth/roles";
import { isUuid } from "@/lib/security/uuid";
import { getScanner, recordInfectedUpload } from "@/lib/scanning";
import { inMyTeams } from "@/lib/staff/scope";
import { lockCase } from "../cases/scope";
import { compareDates, isCalendarDate, type CalendarDate } from "../dates";
import { link, todayOf, type StaffUser } from "../deps";
import { recordCaseEvent, recordSendAudit } from "../events";
import type { FieldErrors, Forbidden, Invalid, NotFound, SendResult } from "../results";
import { DOCUMENT_STORAGE_DOWN_MESSAGE, DOCUMENT_TYPES, familyDocumentsPath, MAX_DOCUMENT_DESCRIPTION, type DocumentDeps } from "./shared";
import { deleteObject, documentKeyOf, documentStorage } from "./storage";

export type PublishInput = {
  caseId: string;
  /** "YYYY-MM-DD"; "" when nothing was entered; anything else is not a real date. */
  documentDate: string;
  description: string;
  /** The file chosen, or null when none was. */
  file: { name: string; stream: Readable | Buffer } | null;
  /** The largest file accepted; the council's upload limit unless given. */
  maxBytes?: number;
};

export type PublishResult = SendResult<{ documentId: string; fileName: string }, Invalid | NotFound | Forbidden>;

/** The field errors for the date and description (the file's are decided as it streams). */
export function checkDocumentFields(input: Pick<PublishInput, "documentDate" | "description">, today: CalendarDate): FieldErrors {
  const errors: FieldErrors = {};
  const description = input.description.trim();
  if (!input.documentDate) errors.documentDate = "Enter the document date";
  else if (!isCalendarDate(input.documentDate)) errors.documentDate = "The document date must be a real date, like 23 1 2023";
  else if (compareDates(input.documentDate, today) > 0) errors.documentDate = "The document date must be today or in the past";
  if (!description) errors.description = "Enter a description of the document";
  else if (description.length > MAX_DOCUMENT_DESCRIPTION) errors.description = `The description must be ${MAX_DOCUMENT_DESCRIPTION} characters or fewer`;
  return errors;
}

/** The addresses of everyone with active access to the case (pending and revoked get nothing). */
async function activeFamilyAddresses(tx: DbOrTx, caseId: string): Promise<string[]> {
  const rows = await tx
    .select({ email: users.email })
    .from(sendAccess)
    .innerJoin(users, eq(users.id, sendAccess.userId))
    .where(and(eq(sendAccess.caseId, caseId), eq(sendAccess.status, "active")));
  return [...new Set(rows.map((row) => row.email))];
}

/**
 * Publishes a document to the family's Documents to View. The date and description are checked
 * before a byte of the file is read (then the caller drains the stream); the file is streamed to
 * storage, checked by its content (a PDF, Word document, JPG or PNG) and its size on the way.
 */
export async function publishDocument(deps: DocumentDeps, staff: StaffUser, input: PublishInput): Promise<PublishResult> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(input.caseId)) return { status: "not-found" };
  const errors = checkDocumentFields(input, todayOf(deps));
  if (!input.file) errors.file = "Select the document to publish";
  if (Object.keys(errors).length > 0 || !input.file) return { status: "invalid", errors };
  const [exists] = await deps.db.select({ id: sendCases.id }).from(sendCases).where(and(eq(sendCases.id, input.caseId), inMyTeams(sendCases.team, staff)));
  if (!exists) return { status: "not-found" };

  const maxBytes = input.maxBytes ?? deps.council.maxUploadMegabytes * MEGABYTE;
  const stream = Buffer.isBuffer(input.file.stream) ? Readable.from([input.file.stream]) : input.file.stream;
  const stored = await streamUpload(documentStorage(deps.storage), { fileName: input.file.name, stream, maxBytes, scanner: deps.scanner ?? getScanner() });
  if (stored.status === "infected") {
    await recordInfectedUpload(deps.db, { userId: staff.userId, subjectId: input.caseId, ip: staff.ip }, deps.now);
    logEvent("send.document-infected", { caseId: input.caseId, userId: staff.userId });
    return { status: "invalid", errors: { file: stored.message } };
  }
  if (stored.status === "refused") return { status: "invalid", errors: { file: stored.message.replace(ACCEPTED_TYPES, DOCUMENT_TYPES) } };
  if (stored.status === "storage-down") return { status: "invalid", errors: { file: DOCUMENT_STORAGE_DOWN_MESSAGE } };
  const objectKey = documentKeyOf(stored.objectKey);
  if (stored.kind === "text") {
    await deleteObject(deps.storage, objectKey);
    return { status: "invalid", errors: { file: `${safeFileName(input.file.name)} must be ${DOCUMENT_TYPES}` } };
  }

  const description = input.description.trim();
  try {
    const result = await deps.db.transaction(async (tx) => {
      const row = await lockCase(tx, staff, input.caseId);
      if (!row) return { status: "not-found" } as const;
      const [document] = await tx
        .insert(sendDocuments)
        .values({
          caseId: row.id,
          objectKey,
          fileName: stored.fileName,
          contentType: stored.contentType,
          sizeBytes: stored.sizeBytes,
          scanStatus: stored.scanStatus,
          documentDate: input.documentDate,
          description,
          publishedAt: deps.now,
          publishedBy: staff.userId,
        })
        .returning({ id: sendDocuments.id });
      if (!document) throw new Error("document insert returned no row");
      await recordCaseEvent(tx, { caseId: row.id, kind: "document-published", eventDate: todayOf(deps), at: deps.now, actorId: staff.userId, detail: { documentId: document.id } });
      await recordSendAudit(tx, "send-document-published", { userId: staff.userId, caseId: row.id, ip: staff.ip }, deps.now);
      for (const to of await activeFamilyAddresses(tx, row.id)) {
        await deps.mail(tx, { kind: "document-published", to, link: link(deps, familyDocumentsPath(row.id)) });
      }
      return { status: "done", documentId: document.id, fileName: stored.fileName } as const;
    });
    if (result.status !== "done") await deleteObject(deps.storage, objectKey);
    return result;
  } catch (error) {
    await deleteObject(deps.storage, objectKey);
    throw error;
  }
}
