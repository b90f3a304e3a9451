/**
 * What both sides of Documents to View share: the storage key prefix and limits, the deps
 * publishing needs, the page and download paths, and how a file's size and kind are shown.
 */
import type { sendDocuments } from "@/db/schema";
import type { Scanner } from "@/lib/scanning";
import type { Storage } from "@/lib/storage";
import type { FamilyUser, SendDeps } from "../deps";

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

/** "PDF", "Word document", "JPG image", "PNG image" for a stored Content-Type. */
export function documentKind(contentType: string): string {
  if (contentType === "application/pdf") return "PDF";
  if (contentType === "image/jpeg") return "JPG image";
  if (contentType === "image/png") return "PNG image";
  if (contentType.includes("word")) return "Word document";
  return "File";
}
