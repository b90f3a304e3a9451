import { Readable } from "node:stream";
import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/app/_auth/current-user";
import { clientAddress } from "@/app/_security/client-address";
import { sendDeps } from "@/app/_send/send-deps";
import { attachmentDownloadHeaders } from "@/lib/attachments";
import { appSettings } from "@/lib/config/env";
import { logEvent } from "@/lib/log";
import { isUuid } from "@/lib/security/uuid";
import { familyDocumentsPath, openDocumentForFamily } from "@/lib/send/documents";
import { getStorage } from "@/lib/storage";

const notFound = () => new NextResponse("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * A document from Documents to View, downloaded by a family member: only through their active
 * access to the case (caseForFamily, inside openDocumentForFamily), and only while it is not
 * withdrawn. Anyone else gets 404, as for a document that does not exist. The download is
 * recorded (the caseworker sees it) before the file is streamed from storage.
 */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ caseId: string; documentId: string }> }) {
  const { caseId, documentId } = await params;
  const user = await currentUser();
  if (!user) {
    const back = isUuid(caseId) ? familyDocumentsPath(caseId) : "/send";
    return NextResponse.redirect(new URL(`/account/sign-in?returnTo=${encodeURIComponent(back)}`, appSettings().APP_URL), 303);
  }
  const document = await openDocumentForFamily(sendDeps(), { userId: user.userId, ip: await clientAddress() }, caseId, documentId);
  if (!document) return notFound();
  const object = await getStorage().get(document.objectKey);
  if (!object) return notFound();
  logEvent("send.document-downloaded", { caseId, documentId, userId: user.userId, by: "family" });
  return new NextResponse(Readable.toWeb(object) as ReadableStream, { headers: attachmentDownloadHeaders(document) });
}
