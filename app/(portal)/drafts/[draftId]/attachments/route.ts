import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { attachToDraft, uploadLimitsFor, type AttachResult } from "@/lib/attachments";
import { councilSettings } from "@/lib/config/council";
import { getStorage } from "@/lib/storage";
import { now } from "@/lib/clock";
import { logEvent } from "@/lib/log";
import { fileTarget, redirectTo } from "../../_engine/file-routes";
import { setUploadNotice, type UploadNotice } from "../../_engine/upload-notice";

const NO_FILE = "Select a file to upload";

/**
 * "Upload file": a multipart post (no JavaScript needed). Each file is streamed through to
 * storage as it arrives (never held whole in memory), checked by its content and its size on
 * the way, then the user goes back to the section with a message.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body) return new NextResponse("Expected a file", { status: 400 });
  const fields: Record<string, string> = {};
  const results: AttachResult[] = [];
  let target: Awaited<ReturnType<typeof fileTarget>> | undefined;
  const limits = uploadLimitsFor(councilSettings());

  const parser = busboy({ headers: { "content-type": contentType }, limits: { files: 10, fields: 10, fieldSize: 1024 } });
  // The section id comes first in the form, before the file; the draft is checked once, before any file is read.
  const work: Promise<void>[] = [];
  const done = new Promise<void>((resolve, reject) => {
    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (_name, stream, info) => {
      work.push(
        (async () => {
          target ??= await fileTarget(request, draftId, fields.sectionId);
          if (target instanceof NextResponse || !info.filename) {
            stream.resume();
            return;
          }
          const result = await attachToDraft(getDb(), getStorage(), { ownerId: target.user.userId, draftId, fileName: info.filename, stream, limits, now: now() });
          stream.resume();
          results.push(result);
        })(),
      );
    });
    parser.on("close", resolve);
    parser.on("error", reject);
  });
  Readable.fromWeb(request.body as NodeWebStream<Uint8Array>).pipe(parser);
  try {
    await done;
    await Promise.all(work);
  } catch {
    logEvent("attachments.upload-broken", { draftId });
    return new NextResponse("The upload was interrupted", { status: 400 });
  }
  target ??= await fileTarget(request, draftId, fields.sectionId);
  if (target instanceof NextResponse) return target;
  if (results.some((result) => result.status === "not-found")) return new NextResponse("Not found", { status: 404 });
  return setUploadNotice(redirectTo(target.back), noticeFor(results));
}

function noticeFor(results: AttachResult[]): UploadNotice {
  const problems = results.flatMap((result) => (result.status === "refused" || result.status === "storage-down" ? [result.message] : []));
  if (problems.length > 0) return { kind: "error", text: problems.join(" ") };
  const names = results.flatMap((result) => (result.status === "attached" ? [result.attachment.fileName] : []));
  if (names.length === 0) return { kind: "error", text: NO_FILE };
  return { kind: "success", text: `${names.join(", ")} ${names.length === 1 ? "has" : "have"} been uploaded` };
}
