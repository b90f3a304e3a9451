/**
 * The caseworker's side of Documents to View: every document of the case (withdrawn ones too)
 * with who published or withdrew it and the family's downloads, and a download. Scoped to the
 * staff member's teams; each read writes an audit row.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { sendCases, sendDocumentDownloads, sendDocuments, users } from "@/db/schema";
import { isStaff } from "@/lib/auth/roles";
import { isUuid } from "@/lib/security/uuid";
import { inMyTeams } from "@/lib/staff/scope";
import { caseOfMyTeams } from "../cases/scope";
import type { CalendarDate } from "../dates";
import { formatCaseNumber, type SendDeps, type StaffUser } from "../deps";
import { recordSendAudit } from "../events";
import type { Forbidden, NotFound } from "../results";
import type { DocumentRow } from "./shared";

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
