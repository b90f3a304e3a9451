import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { DraftUpload, requestTooBigMessage, tooManyFilesMessage, uploadLimitsFor, type AttachResult } from "@/lib/attachments";
import { receiveDraftUpload } from "@/lib/attachments/receive-upload";
import { councilSettings } from "@/lib/config/council";
import { getScanner } from "@/lib/scanning";
import { clientAddressOf } from "@/lib/security/client-address";
import { getStorage } from "@/lib/storage";
import { now } from "@/lib/clock";
import { logEvent } from "@/lib/log";
import { fileTarget, redirectTo, refusedUploadPage } from "../../_engine/file-routes";
import { setUploadNotice, type UploadNotice } from "../../_engine/upload-notice";

const NO_FILE = "Select a file to upload";

/**
 * "Upload file": a multipart post (no JavaScript needed). Who is acting and what the form can
 * still take are checked before the body is read (see receiveDraftUpload); each file is streamed
 * through to storage as it arrives, checked by its content and size and scanned for malware on
 * the way. Then back to the section with a message; a declared body larger than the form can
 * take gets a 413 page at once (with the same message on the section, for JavaScript's upload).
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body) return new NextResponse("Expected a file", { status: 400 });
  const target = await fileTarget(request, draftId, undefined);
  if (target instanceof NextResponse) return target;
  const upload = await DraftUpload.open({ db: getDb(), storage: getStorage(), now: now(), scanner: getScanner() }, target.user, {
    draftId,
    limits: uploadLimitsFor(councilSettings()),
    ip: clientAddressOf(request.headers),
  });
  if (!upload) return new NextResponse("Not found", { status: 404 });
  const { room } = upload;

  // Readable.fromWeb: when the pipeline ends early it cancels the body, which destroys the request.
  const received = await receiveDraftUpload(upload, { headers: request.headers, body: Readable.fromWeb(request.body as NodeWebStream<Uint8Array>) });
  switch (received.status) {
    case "broken":
      return new NextResponse("The upload was interrupted", { status: 400 });
    case "form-full":
    case "too-many-files":
      return setUploadNotice(redirectTo(target.back), { kind: "error", text: tooManyFilesMessage(received.status === "form-full" ? 0 : room.files, room.maxFiles) });
    case "too-large": {
      logEvent(received.cut ? "attachments.upload-cut" : "attachments.upload-too-large", { draftId });
      const text = requestTooBigMessage(room.maxDraftBytes, room.bytes);
      return setUploadNotice(refusedUploadPage(413, text, target.back), { kind: "error", text });
    }
    case "done":
      if (received.results.some((result) => result.status === "not-found")) return new NextResponse("Not found", { status: 404 });
      return setUploadNotice(redirectTo(target.backTo(received.fields.sectionId)), noticeFor(received.results));
  }
}

function noticeFor(results: AttachResult[]): UploadNotice {
  const problems = results.flatMap((result) => (result.status === "refused" || result.status === "storage-down" ? [result.message] : []));
  if (problems.length > 0) return { kind: "error", text: problems.join(" ") };
  const names = results.flatMap((result) => (result.status === "attached" ? [result.attachment.fileName] : []));
  if (names.length === 0) return { kind: "error", text: NO_FILE };
  return { kind: "success", text: `${names.join(", ")} ${names.length === 1 ? "has" : "have"} been uploaded` };
}
