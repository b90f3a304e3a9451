/** GET /api/v1/submissions/<ref>/files/<id>: one file sent with the form, streamed from storage as a download. */
import { Readable } from "node:stream";
import { getDb } from "@/db/client";
import { attachmentDownloadHeaders } from "@/lib/attachments";
import { openFileForKey } from "@/lib/delivery/api/api-submissions";
import { getStorage } from "@/lib/storage";
import { apiRoute, notFound } from "../../../../_support/api-route";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ reference: string; fileId: string }> }) {
  const { reference, fileId } = await params;
  return apiRoute(request, "submission.file", async ({ key, now }) => {
    const file = await openFileForKey(getDb(), key, reference, fileId, now);
    if (!file) return notFound();
    const object = await getStorage().get(file.objectKey);
    if (!object) return notFound();
    return new Response(Readable.toWeb(object) as ReadableStream, { headers: attachmentDownloadHeaders(file) });
  });
}
