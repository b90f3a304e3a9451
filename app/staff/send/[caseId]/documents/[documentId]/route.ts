import { Readable } from "node:stream";
import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/app/_auth/current-user";
import { clientAddress } from "@/app/_security/client-address";
import { sendDeps } from "@/app/_send/send-deps";
import { attachmentDownloadHeaders } from "@/lib/attachments";
import { appSettings } from "@/lib/config/env";
import { logEvent } from "@/lib/log";
import { isStaff } from "@/lib/auth/roles";
import { isUuid } from "@/lib/security/uuid";
import { openDocumentForStaff, staffDocumentsPath } from "@/lib/send/documents";
import { getStorage } from "@/lib/storage";

const notFound = () => new NextResponse("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * A published document, for the case's caseworkers (withdrawn ones too): a route handler is a
 * public endpoint, so it checks the caller is staff itself. Streamed from storage as a download.
 * The family's downloads are recorded separately; this one only writes an audit row.
 */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ caseId: string; documentId: string }> }) {
  const { caseId, documentId } = await params;
  const user = await currentUser();
  if (!user) {
    const back = isUuid(caseId) ? staffDocumentsPath(caseId) : "/staff/send";
    return NextResponse.redirect(new URL(`/account/sign-in?returnTo=${encodeURIComponent(back)}`, appSettings().APP_URL), 303);
  }
  if (!isStaff(user)) return new NextResponse("Forbidden", { status: 403, headers: { "Cache-Control": "no-store" } });
  const result = await openDocumentForStaff(sendDeps(), { userId: user.userId, role: user.role, ip: await clientAddress() }, caseId, documentId);
  if (result.status !== "found") return notFound();
  const object = await getStorage().get(result.document.objectKey);
  if (!object) return notFound();
  logEvent("send.document-downloaded", { caseId, documentId, userId: user.userId, by: "staff" });
  return new NextResponse(Readable.toWeb(object) as ReadableStream, { headers: attachmentDownloadHeaders(result.document) });
}
