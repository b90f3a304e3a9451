import { Readable } from "node:stream";
import { NextResponse, type NextRequest } from "next/server";
import { currentUser } from "@/app/_auth/current-user";
import { getDb } from "@/db/client";
import { attachmentDownloadHeaders } from "@/lib/attachments";
import { openAttachmentForDownload } from "@/lib/audit/downloads";
import { now } from "@/lib/clock";
import { clientAddressOf } from "@/lib/security/client-address";
import { appSettings } from "@/lib/config/env";
import { getStorage } from "@/lib/storage";
import { logEvent } from "@/lib/log";

/**
 * A file's download: for its owner, and for council staff once its form is sent. Streamed from
 * storage after the check (and, for staff, after the audit row); anyone else gets 404, as for a
 * file that does not exist.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ attachmentId: string }> }) {
  const { attachmentId } = await params;
  const user = await currentUser();
  if (!user) return NextResponse.redirect(new URL(`/account/sign-in?returnTo=${encodeURIComponent(`/attachments/${attachmentId}`)}`, appSettings().APP_URL), 303);
  const attachment = await openAttachmentForDownload(getDb(), { userId: user.userId, role: user.role, ip: clientAddressOf(request.headers) }, attachmentId, now());
  if (!attachment) return new NextResponse("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const object = await getStorage().get(attachment.objectKey);
  if (!object) return new NextResponse("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  logEvent("attachments.downloaded", { attachmentId, userId: user.userId });
  return new NextResponse(Readable.toWeb(object) as ReadableStream, { headers: attachmentDownloadHeaders(attachment) });
}
