/**
 * Headers for serving an attachment: always as a download (never shown in the page), with the
 * type decided at upload, `nosniff`, a CSP that lets nothing run should a browser render it
 * anyway, and no caching of personal data.
 */
import type { StoredAttachment } from "./attachments";
import { attachmentDisposition } from "./file-name";

export function attachmentDownloadHeaders(attachment: Pick<StoredAttachment, "fileName" | "contentType" | "sizeBytes">): Record<string, string> {
  return {
    "Content-Type": attachment.contentType,
    "Content-Length": String(attachment.sizeBytes),
    "Content-Disposition": attachmentDisposition(attachment.fileName),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, no-store",
  };
}
