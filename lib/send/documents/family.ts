/**
 * The family's side of Documents to View: the list, the dashboard's latest few, and a download.
 * Every read goes through `caseForFamily` (active access only); a withdrawn document is neither
 * listed nor downloadable, and each download is recorded for the caseworker.
 */
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sendDocumentDownloads, sendDocuments } from "@/db/schema";
import { isUuid } from "@/lib/security/uuid";
import { caseForFamily, type FamilyCase } from "../access";
import type { CalendarDate } from "../dates";
import type { FamilyUser, SendDeps } from "../deps";
import { recordSendAudit } from "../events";
import type { DocumentRow, FamilyDownloader } from "./shared";

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
