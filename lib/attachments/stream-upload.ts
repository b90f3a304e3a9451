/**
 * Streams one uploaded file into storage under a random key while checking it: bytes counted
 * as they arrive (reading stops, and the upload is abandoned, as soon as the limit is passed),
 * the type decided from the content (see content.ts), a .docx's zip directory checked at the
 * end before the upload is completed. The same bytes go to the malware scanner as they pass
 * (lib/scanning), and the upload is completed only once it has said "clean" (or scanning is
 * off: "unscanned"). Whatever the outcome but "stored", nothing is left in storage under the key.
 * The bytes are hashed (SHA-256) as they pass too, so the case system can check its copy.
 */
import { createHash, randomUUID } from "node:crypto";
import { PassThrough, type Readable } from "node:stream";
import type { Storage } from "@/lib/storage";
import { logEvent } from "@/lib/log";
import { portalMetrics } from "@/lib/metrics/registry";
import { ContentInspector, type AttachmentKind, type Refusal } from "./content";
import { nameWithExtension, safeFileName } from "./file-name";
import { fileTooBigMessage, interruptedMessage, refusalMessage, STORAGE_DOWN_MESSAGE } from "./messages";
import type { ZipLimits } from "./zip-directory";
import { startScan, type ScanSession, type ScanStatus, type Scanner } from "@/lib/scanning/scanner";
import { infectedMessage, SCAN_UNAVAILABLE_MESSAGE } from "@/lib/scanning/messages";

/** The part of lib/storage this needs (a test can hand in one that fails). */
export type AttachmentStorage = Pick<Storage, "put" | "delete">;

export const ATTACHMENT_KEY_PREFIX = "attachments/";

export type StreamUploadInput = {
  /** The name the browser gave; made safe here. */
  fileName: string;
  /** The file's bytes (one file, not a multipart body). */
  stream: Readable;
  /** The largest size accepted, in bytes. */
  maxBytes: number;
  /** Said when maxBytes is passed; default "<name> must be smaller than <maxBytes>". */
  tooBigMessage?: (safeName: string) => string;
  zipLimits?: ZipLimits;
  /** The malware scanner every file goes through (SCANNING_OFF only where none is configured). */
  scanner: Scanner;
};

export type StreamUploadResult =
  | { status: "stored"; objectKey: string; fileName: string; kind: AttachmentKind; contentType: string; sizeBytes: number; scanStatus: ScanStatus; sha256: string }
  | { status: "refused"; message: string }
  /** The scanner found malware: nothing was kept; the caller writes the audit row. */
  | { status: "infected"; message: string }
  | { status: "storage-down"; message: string };

/**
 * Reads `stream` to its end (or until the file is refused) and stores it. When the result is
 * not "stored" the stream may be left paused part-way: the caller then drains it (`resume()`,
 * e.g. busboy's file stream so the rest of the request can be parsed) or destroys it.
 * Counted in portal_uploads_total by outcome, and a stored file's size in portal_upload_size_bytes.
 */
export async function streamUpload(storage: AttachmentStorage, input: StreamUploadInput): Promise<StreamUploadResult> {
  const result = await streamUploadUncounted(storage, input);
  const metrics = portalMetrics();
  metrics.uploads.inc({ outcome: result.status });
  if (result.status === "stored") metrics.uploadSize.observe({ kind: result.kind }, result.sizeBytes);
  return result;
}

async function streamUploadUncounted(storage: AttachmentStorage, input: StreamUploadInput): Promise<StreamUploadResult> {
  const name = safeFileName(input.fileName);
  const objectKey = `${ATTACHMENT_KEY_PREFIX}${randomUUID()}`;
  const inspector = new ContentInspector(input.zipLimits);
  const tooBig = () => (input.tooBigMessage ?? ((n: string) => fileTooBigMessage(n, input.maxBytes)))(name);
  const refuse = (refusal: Refusal) => ({ status: "refused", message: refusalMessage(name, refusal) }) as const;

  let upload: PendingUpload | null = null;
  let held: Buffer[] = []; // bytes read before the type (and so the Content-Type) is known
  let stopped: StreamUploadResult | null = null;
  const scan: ScanSession = startScan(input.scanner);
  const hash = createHash("sha256");

  const startUpload = async (contentType: string) => {
    upload = new PendingUpload(storage, objectKey, contentType);
    for (const chunk of held) await upload.write(chunk);
    held = [];
  };

  let ending: "ended" | "stopped";
  try {
    ending = await consume(input.stream, async (chunk) => {
      if (inspector.bytes + chunk.length > input.maxBytes) {
        stopped = { status: "refused", message: tooBig() };
        return "stop";
      }
      const refusal = await inspector.push(chunk);
      if (refusal) {
        stopped = refuse(refusal);
        return "stop";
      }
      const scanned = scan.write(chunk);
      hash.update(chunk);
      if (upload) await upload.write(chunk);
      else {
        held.push(chunk);
        const provisional = inspector.provisional;
        if (provisional) await startUpload(provisional.contentType);
      }
      await scanned;
      if (scan.failed) {
        stopped = { status: "refused", message: SCAN_UNAVAILABLE_MESSAGE };
        return "stop";
      }
      if (upload?.failed) {
        stopped = { status: "storage-down", message: STORAGE_DOWN_MESSAGE };
        return "stop";
      }
      return "continue";
    });
  } catch (error) {
    // The upload itself broke off (the browser went away, the request was cut short).
    logEvent("attachments.upload-interrupted", { error: error instanceof Error ? error.name : "unknown" });
    scan.abort();
    await abandon(storage, objectKey, upload);
    return { status: "refused", message: interruptedMessage(name) };
  }

  if (ending === "stopped" || stopped) {
    scan.abort();
    await abandon(storage, objectKey, upload);
    return stopped ?? { status: "refused", message: interruptedMessage(name) };
  }

  const outcome = await inspector.finish();
  if ("reason" in outcome) {
    scan.abort();
    await abandon(storage, objectKey, upload);
    return refuse(outcome);
  }
  // Fail closed: the object is completed only after the scanner has answered "clean".
  const verdict = await scan.finish();
  if (verdict.status === "infected" || verdict.status === "unavailable") {
    await abandon(storage, objectKey, upload);
    if (verdict.status === "infected") {
      logEvent("attachments.infected", { signature: verdict.signature });
      return { status: "infected", message: infectedMessage(name) };
    }
    logEvent("attachments.scan-unavailable", { reason: verdict.reason });
    return { status: "refused", message: SCAN_UNAVAILABLE_MESSAGE };
  }
  try {
    if (!upload) await startUpload(outcome.contentType);
    await upload!.complete();
  } catch (error) {
    logEvent("attachments.storage-down", { error: error instanceof Error ? error.name : "unknown" });
    await abandon(storage, objectKey, upload);
    return { status: "storage-down", message: STORAGE_DOWN_MESSAGE };
  }
  return {
    status: "stored",
    objectKey,
    fileName: nameWithExtension(name, outcome.extensions, outcome.extensions[0]!),
    kind: outcome.kind,
    contentType: outcome.contentType,
    sizeBytes: inspector.bytes,
    scanStatus: verdict.status,
    sha256: hash.digest("hex"),
  };
}

/** An upload to storage being fed chunk by chunk; it can be completed or abandoned. */
class PendingUpload {
  private readonly body = new PassThrough();
  private readonly done: Promise<void>;
  private error: unknown = null;
  private readonly failure: Promise<void>;

  constructor(storage: AttachmentStorage, key: string, contentType: string) {
    let signal!: () => void;
    this.failure = new Promise((resolve) => (signal = resolve));
    this.done = storage.put(key, this.body, { contentType });
    this.done.catch((error: unknown) => {
      this.error = error ?? new Error("upload failed");
      signal();
    });
  }

  get failed(): boolean {
    return this.error !== null;
  }

  /** Writes with back-pressure; returns early (without waiting for room) once storage has failed. */
  async write(chunk: Buffer): Promise<void> {
    if (this.failed) return;
    if (!this.body.write(chunk)) {
      await Promise.race([new Promise<void>((resolve) => this.body.once("drain", resolve)), this.failure]);
    }
  }

  async complete(): Promise<void> {
    if (this.error) throw this.error;
    this.body.end();
    await this.done;
  }

  /** Breaks the body off so the upload stops (a multipart upload is aborted), and waits for it to settle. */
  async abandon(): Promise<void> {
    this.body.destroy(new Error("upload abandoned"));
    await this.done.catch(() => undefined);
  }
}

async function abandon(storage: AttachmentStorage, key: string, upload: PendingUpload | null): Promise<void> {
  if (!upload) return;
  await upload.abandon();
  // Should a part of it have landed anyway, it goes: no object without a row.
  await storage.delete(key).catch((error: unknown) => {
    logEvent("attachments.cleanup-failed", { key, error: error instanceof Error ? error.name : "unknown" });
  });
}

/**
 * Hands each chunk of `stream` to `onChunk`, one at a time (the stream is paused meanwhile),
 * until the end or until onChunk says stop; rejects when the stream errors. When stopped, the
 * stream is left paused, with our listeners removed (and a no-op error listener, so a later
 * error cannot crash the process).
 */
function consume(stream: Readable, onChunk: (chunk: Buffer) => Promise<"continue" | "stop">): Promise<"ended" | "stopped"> {
  return new Promise((resolve, reject) => {
    let busy = false;
    let ended = false;
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
      stream.on("error", () => undefined);
      finish();
    };
    const onData = (data: Buffer | Uint8Array | string) => {
      busy = true;
      stream.pause();
      const chunk = typeof data === "string" ? Buffer.from(data) : Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      onChunk(chunk).then(
        (step) => {
          busy = false;
          if (step === "stop") settle(() => resolve("stopped"));
          else if (ended) settle(() => resolve("ended"));
          else if (!settled) stream.resume();
        },
        (error: unknown) => settle(() => reject(error)),
      );
    };
    const onEnd = () => {
      ended = true;
      if (!busy) settle(() => resolve("ended"));
    };
    const onError = (error: unknown) => settle(() => reject(error));
    if (stream.readableEnded) return resolve("ended");
    stream.on("error", onError);
    stream.on("end", onEnd);
    stream.on("data", onData);
    stream.resume();
  });
}
