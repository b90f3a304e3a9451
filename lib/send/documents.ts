/**
 * Documents to View (guide 004, issue 9): letters and plans the SEND team publishes to a
 * family. The caseworker uploads a file with its date and a description; every family member
 * with active access is emailed that a document is waiting (never what it is); the family lists
 * and downloads them through `caseForFamily`, and each download is recorded for the caseworker.
 * A withdrawn document is no longer listed nor downloadable by the family; its file is kept.
 *
 * Uploads reuse lib/attachments' streaming upload (bytes counted as they arrive, the type decided
 * from the content, scanned for malware before the object is completed: see lib/scanning) under the key prefix "send-documents/", so the drafts' housekeeping, which
 * sweeps unclaimed "attachments/" objects, never sees them. Plain text, which attachments take,
 * is refused here: the SEND team publishes PDFs, Word documents and scanned images.
 *
 * Storage and rows are kept in step: the object is stored first, then every row (document, case
 * event, audit, emails) in one transaction; when that fails the object is deleted.
 */
import { Readable } from "node:stream";
import { and, asc, count, desc, eq, isNull } from "drizzle-orm";
import { inMyTeams } from "@/lib/staff/scope";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { sendAccess, sendCases, sendDocumentDownloads, sendDocuments, users } from "@/db/schema";
import { ACCEPTED_TYPES, ATTACHMENT_KEY_PREFIX, MEGABYTE, safeFileName, streamUpload, type AttachmentStorage } from "@/lib/attachments";
import { logEvent } from "@/lib/log";
import { getScanner, recordInfectedUpload, type Scanner } from "@/lib/scanning";
import { isStaff, isUuid } from "@/lib/referrals/staff";
import type { Storage } from "@/lib/storage";
import { caseForFamily, type FamilyCase } from "./access";
import { caseOfMyTeams, lockCase, type FieldErrors, type Forbidden, type Invalid, type NotFound } from "./cases";
import { compareDates, isCalendarDate, type CalendarDate } from "./dates";
import { formatCaseNumber, link, todayOf, type FamilyUser, type SendDeps, type StaffUser } from "./deps";
import { recordCaseEvent, recordSendAudit } from "./events";

export const DOCUMENT_KEY_PREFIX = "send-documents/";
export const MAX_DOCUMENT_DESCRIPTION = 200;
/** What the file must be, in the refusal messages' words. */
export const DOCUMENT_TYPES = "a PDF, Word document, JPG or PNG";
export const DOCUMENT_STORAGE_DOWN_MESSAGE = "The document could not be uploaded. Try again later";

/** The part of lib/storage publishing needs (a test can hand in one that fails). */
export type DocumentStorage = Pick<Storage, "put" | "delete">;

/** SendDeps, the storage the files go to, and the malware scanner (CLAMAV_URL's unless given). */
export type DocumentDeps = SendDeps & { storage: DocumentStorage; scanner?: Scanner };

export type DocumentRow = typeof sendDocuments.$inferSelect;

/** The family member acting, with their IP address for the audit row when known. */
export type FamilyDownloader = FamilyUser & { ip?: string | null };

/** The path of the family's Documents to View page, and of one document's download. */
export const familyDocumentsPath = (caseId: string) => `/send/${caseId}/documents`;
export const familyDocumentPath = (caseId: string, documentId: string) => `/send/${caseId}/documents/${documentId}`;
export const staffDocumentsPath = (caseId: string) => `/staff/send/${caseId}/documents`;
export const staffDocumentPath = (caseId: string, documentId: string) => `/staff/send/${caseId}/documents/${documentId}`;

/** "12 KB", "2.5 MB": never "0 KB" for a small file. */
export function documentSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "PDF", "Word document", "JPG image", "PNG image" for a stored Content-Type. */
export function documentKind(contentType: string): string {
  if (contentType === "application/pdf") return "PDF";
  if (contentType === "image/jpeg") return "JPG image";
  if (contentType === "image/png") return "PNG image";
  if (contentType.includes("word")) return "Word document";
  return "File";
}

// --- Publishing --------------------------------------------------------------------------

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

export type PublishResult = { status: "published"; documentId: string; fileName: string } | Invalid | NotFound | Forbidden;

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

/** lib/attachments' storage, with its "attachments/<uuid>" keys moved to "send-documents/<uuid>". */
function documentStorage(storage: DocumentStorage): AttachmentStorage {
  const key = (attachmentKey: string) => {
    if (!attachmentKey.startsWith(ATTACHMENT_KEY_PREFIX)) throw new Error("unexpected upload key");
    return `${DOCUMENT_KEY_PREFIX}${attachmentKey.slice(ATTACHMENT_KEY_PREFIX.length)}`;
  };
  return { put: (attachmentKey, body, options) => storage.put(key(attachmentKey), body, options), delete: (attachmentKey) => storage.delete(key(attachmentKey)) };
}

async function deleteObject(storage: DocumentStorage, objectKey: string): Promise<void> {
  await storage.delete(objectKey).catch((error: unknown) => {
    logEvent("send.document-cleanup-failed", { objectKey, error: error instanceof Error ? error.name : "unknown" });
  });
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
  const objectKey = `${DOCUMENT_KEY_PREFIX}${stored.objectKey.slice(ATTACHMENT_KEY_PREFIX.length)}`;
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
      return { status: "published", documentId: document.id, fileName: stored.fileName } as const;
    });
    if (result.status !== "published") await deleteObject(deps.storage, objectKey);
    return result;
  } catch (error) {
    await deleteObject(deps.storage, objectKey);
    throw error;
  }
}

// --- Withdrawing -------------------------------------------------------------------------

/** Withdraws a published document: the family no longer sees it nor can download it. */
export async function withdrawDocument(deps: SendDeps, staff: StaffUser, documentId: string): Promise<{ status: "done"; caseId: string } | Invalid | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(documentId)) return { status: "not-found" };
  return deps.db.transaction(async (tx) => {
    const [document] = await tx.select().from(sendDocuments).where(and(eq(sendDocuments.id, documentId), caseOfMyTeams(sendDocuments.caseId, staff))).for("update");
    if (!document) return { status: "not-found" } as const;
    if (document.withdrawnAt) return { status: "invalid", errors: { document: "This document has already been withdrawn" } } as const;
    await tx.update(sendDocuments).set({ withdrawnAt: deps.now, withdrawnBy: staff.userId }).where(eq(sendDocuments.id, documentId));
    await recordCaseEvent(tx, { caseId: document.caseId, kind: "document-withdrawn", eventDate: todayOf(deps), at: deps.now, actorId: staff.userId, detail: { documentId } });
    await recordSendAudit(tx, "send-document-withdrawn", { userId: staff.userId, caseId: document.caseId, ip: staff.ip }, deps.now);
    return { status: "done", caseId: document.caseId } as const;
  });
}

// --- The family's side -------------------------------------------------------------------

export type FamilyDocument = {
  id: string;
  description: string;
  documentDate: CalendarDate;
  publishedAt: Date;
  fileName: string;
  contentType: string;
  sizeBytes: number;
};

const familyColumns = {
  id: sendDocuments.id,
  description: sendDocuments.description,
  documentDate: sendDocuments.documentDate,
  publishedAt: sendDocuments.publishedAt,
  fileName: sendDocuments.fileName,
  contentType: sendDocuments.contentType,
  sizeBytes: sendDocuments.sizeBytes,
};

const listedFor = (caseId: string) => and(eq(sendDocuments.caseId, caseId), isNull(sendDocuments.withdrawnAt));

/**
 * The case's documents for the family (not withdrawn, the newest published first) and the
 * child's name for the page; null when this user has no active access to the case.
 */
export async function listDocumentsForFamily(db: DbOrTx, family: FamilyUser, caseId: string): Promise<{ childName: string; items: FamilyDocument[] } | null> {
  const row = await caseForFamily(db, family, caseId);
  if (!row) return null;
  const items = await db.select(familyColumns).from(sendDocuments).where(listedFor(row.id)).orderBy(desc(sendDocuments.publishedAt), desc(sendDocuments.id));
  return { childName: `${row.childForename} ${row.childSurname}`, items };
}

/** The newest `limit` documents and how many there are in all, for the dashboard's box; null without active access. */
export async function latestDocumentsForFamily(db: DbOrTx, family: FamilyUser, caseId: string, limit = 3): Promise<{ items: FamilyDocument[]; total: number } | null> {
  const row = await caseForFamily(db, family, caseId);
  return row ? latestDocumentsIn(db, row, limit) : null;
}

/** The latest documents of a case whose access caseForFamily has checked, and how many there are. */
export async function latestDocumentsIn(db: DbOrTx, row: FamilyCase, limit = 3): Promise<{ items: FamilyDocument[]; total: number }> {
  const [items, [counted]] = await Promise.all([
    db.select(familyColumns).from(sendDocuments).where(listedFor(row.id)).orderBy(desc(sendDocuments.publishedAt), desc(sendDocuments.id)).limit(Math.max(0, limit)),
    db.select({ total: count() }).from(sendDocuments).where(listedFor(row.id)),
  ]);
  return { items, total: counted?.total ?? 0 };
}

/**
 * A document the family is about to download: only a listed one (not withdrawn) of a case they
 * have active access to; anything else is null (the caller answers 404). Records the download
 * and an audit row.
 */
export async function openDocumentForFamily(deps: SendDeps, family: FamilyDownloader, caseId: string, documentId: string): Promise<DocumentRow | null> {
  if (!isUuid(documentId)) return null;
  return deps.db.transaction(async (tx) => {
    const row = await caseForFamily(tx, family, caseId);
    if (!row) return null;
    const [document] = await tx.select().from(sendDocuments).where(and(eq(sendDocuments.id, documentId), listedFor(row.id)));
    if (!document) return null;
    await tx.insert(sendDocumentDownloads).values({ documentId: document.id, userId: family.userId, at: deps.now });
    await recordSendAudit(tx, "send-document-downloaded", { userId: family.userId, caseId: row.id, ip: family.ip ?? null, detail: { documentId } }, deps.now);
    return document;
  });
}

// --- The caseworker's side ---------------------------------------------------------------

export type DocumentDownload = { at: Date; by: string };

export type StaffDocument = {
  id: string;
  description: string;
  documentDate: CalendarDate;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  publishedAt: Date;
  publishedBy: string;
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
  /** Family downloads: how many, the first and the last (null when none yet). */
  downloads: { count: number; first: DocumentDownload | null; last: DocumentDownload | null };
};

export type StaffDocuments = { caseId: string; caseNumber: string; childName: string; documents: StaffDocument[] };

const nameOf = (person: { forename: string | null; surname: string | null } | null | undefined) => (person?.forename ? `${person.forename} ${person.surname ?? ""}`.trim() : "Unknown");

/** Every document on the case (withdrawn ones too), newest published first, with the family's downloads; writes a "viewed" audit row. */
export async function listDocumentsForStaff(deps: SendDeps, staff: StaffUser, caseId: string): Promise<({ status: "found" } & StaffDocuments) | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(caseId)) return { status: "not-found" };
  const publisher = alias(users, "publisher");
  const withdrawer = alias(users, "withdrawer");
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(sendCases).where(and(eq(sendCases.id, caseId), inMyTeams(sendCases.team, staff)));
    if (!row) return { status: "not-found" } as const;
    const documents = await tx
      .select({
        document: sendDocuments,
        publisher: { forename: publisher.forename, surname: publisher.surname },
        withdrawer: { forename: withdrawer.forename, surname: withdrawer.surname },
      })
      .from(sendDocuments)
      .innerJoin(publisher, eq(publisher.id, sendDocuments.publishedBy))
      .leftJoin(withdrawer, eq(withdrawer.id, sendDocuments.withdrawnBy))
      .where(eq(sendDocuments.caseId, caseId))
      .orderBy(desc(sendDocuments.publishedAt), desc(sendDocuments.id));
    const downloads = await tx
      .select({ documentId: sendDocumentDownloads.documentId, at: sendDocumentDownloads.at, forename: users.forename, surname: users.surname })
      .from(sendDocumentDownloads)
      .innerJoin(sendDocuments, eq(sendDocuments.id, sendDocumentDownloads.documentId))
      .innerJoin(users, eq(users.id, sendDocumentDownloads.userId))
      .where(eq(sendDocuments.caseId, caseId))
      .orderBy(asc(sendDocumentDownloads.at), asc(sendDocumentDownloads.id));
    const byDocument = new Map<string, DocumentDownload[]>();
    for (const download of downloads) {
      const list = byDocument.get(download.documentId) ?? [];
      list.push({ at: download.at, by: nameOf(download) });
      byDocument.set(download.documentId, list);
    }
    await recordSendAudit(tx, "send-case-viewed", { userId: staff.userId, caseId, ip: staff.ip, detail: { view: "documents" } }, deps.now);
    return {
      status: "found",
      caseId: row.id,
      caseNumber: formatCaseNumber(row.number),
      childName: `${row.childForename} ${row.childSurname}`,
      documents: documents.map(({ document, publisher: by, withdrawer: gone }) => {
        const list = byDocument.get(document.id) ?? [];
        return {
          id: document.id,
          description: document.description,
          documentDate: document.documentDate,
          fileName: document.fileName,
          contentType: document.contentType,
          sizeBytes: document.sizeBytes,
          publishedAt: document.publishedAt,
          publishedBy: nameOf(by),
          withdrawnAt: document.withdrawnAt,
          withdrawnBy: document.withdrawnAt ? nameOf(gone) : null,
          downloads: { count: list.length, first: list[0] ?? null, last: list.at(-1) ?? null },
        };
      }),
    } as const;
  });
}

/** A document for the caseworker to download (withdrawn ones too); writes an audit row. */
export async function openDocumentForStaff(deps: SendDeps, staff: StaffUser, caseId: string, documentId: string): Promise<{ status: "found"; document: DocumentRow } | NotFound | Forbidden> {
  if (!isStaff(staff)) return { status: "forbidden" };
  if (!isUuid(caseId) || !isUuid(documentId)) return { status: "not-found" };
  return deps.db.transaction(async (tx) => {
    const [document] = await tx.select().from(sendDocuments).where(and(eq(sendDocuments.id, documentId), eq(sendDocuments.caseId, caseId), caseOfMyTeams(sendDocuments.caseId, staff)));
    if (!document) return { status: "not-found" } as const;
    await recordSendAudit(tx, "send-document-downloaded", { userId: staff.userId, caseId, ip: staff.ip, detail: { documentId } }, deps.now);
    return { status: "found", document } as const;
  });
}
