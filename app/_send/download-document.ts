import "server-only";
import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { currentUser } from "@/app/_auth/current-user";
import { clientAddress } from "@/app/_security/client-address";
import { attachmentDownloadHeaders } from "@/lib/attachments";
import type { SessionUser } from "@/lib/auth/sessions";
import { appSettings } from "@/lib/config/env";
import { logEvent } from "@/lib/log";
import { isUuid } from "@/lib/security/uuid";
import type { DocumentRow } from "@/lib/send/documents";
import { getStorage } from "@/lib/storage";

const notFound = () => new NextResponse("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * What the family's and the caseworkers' document downloads share. Signed out: sign-in, then back
 * to the case's documents page. `open` checks the caller may have the document (and records the
 * download or audits it); a document they may not open, or whose file is gone, is 404 like one
 * that does not exist. The file streams from storage as an attachment.
 */
export async function downloadSendDocument(
  params: Promise<{ caseId: string; documentId: string }>,
  side: {
    by: "family" | "staff";
    /** The case's documents page, and where sign-in returns for a malformed case id. */
    documentsPath: (caseId: string) => string;
    home: string;
    open: (user: SessionUser, ip: string | null, caseId: string, documentId: string) => Promise<DocumentRow | null | NextResponse>;
  },
): Promise<NextResponse> {
  const { caseId, documentId } = await params;
  const user = await currentUser();
  if (!user) {
    const back = isUuid(caseId) ? side.documentsPath(caseId) : side.home;
    return NextResponse.redirect(new URL(`/account/sign-in?returnTo=${encodeURIComponent(back)}`, appSettings().APP_URL), 303);
  }
  const document = await side.open(user, await clientAddress(), caseId, documentId);
  if (document instanceof NextResponse) return document;
  if (!document) return notFound();
  const object = await getStorage().get(document.objectKey);
  if (!object) return notFound();
  logEvent("send.document-downloaded", { caseId, documentId, userId: user.userId, by: side.by });
  return new NextResponse(Readable.toWeb(object) as ReadableStream, { headers: attachmentDownloadHeaders(document) });
}
