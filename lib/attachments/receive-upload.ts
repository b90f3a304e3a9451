/**
 * Reads an "Upload file" request's multipart body into a DraftUpload. What the form can still
 * take is checked before a byte is read (a larger declared length is refused at once); the body
 * is joined to the parser with stream/promises.pipeline, so a browser that goes away, or a body
 * that grows past the allowance (cut off: the request is destroyed, not read to its end), ends
 * the handler at once, and what the request stored is deleted. No row is written unless the
 * whole request was read.
 */
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { logEvent } from "@/lib/log";
import type { AttachResult } from "./attachments";
import type { DraftUpload } from "./draft-upload";
import { BodyTooLargeError, byteLimit, declaredLength, MULTIPART_ALLOWANCE } from "./request-body";

export type ReceivedUpload =
  | { status: "done"; results: AttachResult[]; fields: Record<string, string> }
  /** The form already has as many files as it may. */
  | { status: "form-full" }
  /** More bytes than the form can still take: declared (nothing read) or found while reading (cut). */
  | { status: "too-large"; cut: boolean }
  /** More files than the form can still take: none is attached. */
  | { status: "too-many-files" }
  /** Not a multipart body, or the upload broke off. */
  | { status: "broken" };

export async function receiveDraftUpload(upload: DraftUpload, request: { headers: Pick<Headers, "get">; body: Readable }): Promise<ReceivedUpload> {
  const { room } = upload;
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) return { status: "broken" };
  if (room.files === 0) return { status: "form-full" };
  const bodyLimit = room.bytes + MULTIPART_ALLOWANCE;
  const declared = declaredLength(request.headers);
  if (declared !== null && declared > bodyLimit) return { status: "too-large", cut: false };

  const fields: Record<string, string> = {};
  let tooMany = false;
  // Files are taken one after another, in the order they came.
  let queue: Promise<void> = Promise.resolve();
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // Browsers send names as UTF-8; busboy's default reads them as Latin-1 ("ZoÃ«").
      defParamCharset: "utf8",
      limits: { files: room.files, fields: 10, fieldSize: 1024 },
    });
  } catch {
    return { status: "broken" };
  }
  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  // A file more than fit: the request is refused whole (the parts after it are skipped unread).
  parser.on("filesLimit", () => {
    tooMany = true;
  });
  parser.on("file", (_name, stream, info) => {
    const fileName = info.filename;
    if (!fileName) {
      stream.resume();
      return;
    }
    queue = queue.then(async () => {
      if (!tooMany) await upload.add(fileName, stream);
      stream.resume();
    });
  });

  try {
    await pipeline(request.body, byteLimit(bodyLimit), parser);
    await queue;
  } catch (error) {
    // Whatever this request stored goes; no row was written.
    await queue.catch(() => undefined);
    await upload.discard();
    if (error instanceof BodyTooLargeError) return { status: "too-large", cut: true };
    logEvent("attachments.upload-broken", { error: error instanceof Error ? error.name : "unknown" });
    return { status: "broken" };
  }
  if (tooMany) {
    await upload.discard();
    return { status: "too-many-files" };
  }
  return { status: "done", results: upload.fileCount > 0 ? await upload.commit() : [], fields };
}
