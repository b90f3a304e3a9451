import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { MEGABYTE } from "@/lib/attachments/messages";
import { formatBytes } from "@/lib/format/bytes";
import { streamUpload, type AttachmentStorage } from "@/lib/attachments/stream-upload";
import { SCANNING_OFF } from "@/lib/scanning/scanner";
import { docx, pdf, xlsx } from "@/tests/support/attachment-files";

/** Storage in memory that reads bodies as S3 would; `failAfter` bytes makes it fail like a dropped connection. */
function memoryStorage(options: { failAfter?: number } = {}) {
  const objects = new Map<string, Buffer>();
  const storage: AttachmentStorage = {
    async put(key, body) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      for await (const chunk of body as Readable) {
        bytes += (chunk as Buffer).length;
        if (options.failAfter !== undefined && bytes > options.failAfter) throw Object.assign(new Error("connect ECONNREFUSED"), { name: "TimeoutError" });
        chunks.push(chunk as Buffer);
      }
      objects.set(key, Buffer.concat(chunks));
    },
    async delete(key) {
      objects.delete(key);
    },
  };
  return { storage, objects };
}

/** A stream that makes `total` bytes of `file` (padded) on demand, 64 KB at a time, counting what was pulled. */
function lazy(file: Buffer, total: number) {
  const counter = { pulled: 0 };
  const stream = new Readable({
    highWaterMark: 64 * 1024,
    read() {
      if (counter.pulled >= total) return void this.push(null);
      const size = Math.min(64 * 1024, total - counter.pulled);
      const piece = Buffer.alloc(size, 0x20);
      if (counter.pulled < file.length) file.subarray(counter.pulled, counter.pulled + size).copy(piece);
      counter.pulled += size;
      this.push(piece);
    },
  });
  return { stream, counter };
}

describe("streamUpload", () => {
  it("stores an accepted file under a random key with its type, size and SHA-256", async () => {
    const { storage, objects } = memoryStorage();
    const file = docx();
    const result = await streamUpload(storage, { fileName: "C:\\Users\\amy\\Letter.docx", stream: Readable.from([file]), maxBytes: MEGABYTE, scanner: SCANNING_OFF });
    expect(result).toMatchObject({ status: "stored", fileName: "Letter.docx", kind: "word", sizeBytes: file.length });
    if (result.status !== "stored") return;
    expect(result.objectKey).toMatch(/^attachments\/[0-9a-f-]{36}$/);
    expect(objects.get(result.objectKey)?.equals(file)).toBe(true);
    expect(result.sha256).toBe(createHash("sha256").update(file).digest("hex"));
  });

  it("stops reading as soon as the limit is passed, and stores nothing", async () => {
    const { storage, objects } = memoryStorage();
    const { stream, counter } = lazy(pdf(), 50 * MEGABYTE);
    const result = await streamUpload(storage, { fileName: "scan.pdf", stream, maxBytes: 1 * MEGABYTE, scanner: SCANNING_OFF });
    expect(result).toEqual({ status: "refused", message: "scan.pdf must be smaller than 1 MB" });
    expect(counter.pulled).toBeLessThan(2 * MEGABYTE);
    expect(objects.size).toBe(0);
  });

  it("accepts a file of exactly the limit", async () => {
    const { storage } = memoryStorage();
    const { stream } = lazy(pdf(), MEGABYTE);
    expect(await streamUpload(storage, { fileName: "scan.pdf", stream, maxBytes: MEGABYTE, scanner: SCANNING_OFF })).toMatchObject({ status: "stored", sizeBytes: MEGABYTE });
  });

  it("refuses by content before reading the rest, and stores nothing", async () => {
    const { storage, objects } = memoryStorage();
    const sheet = xlsx();
    const result = await streamUpload(storage, { fileName: "report.pdf", stream: Readable.from([sheet]), maxBytes: MEGABYTE, scanner: SCANNING_OFF });
    expect(result).toEqual({ status: "refused", message: "report.pdf is a spreadsheet. The selected file must be a PDF, Word document, JPG, PNG or TXT" });
    expect(objects.size).toBe(0);
  });

  it("answers storage-down, with nothing stored, when storage fails mid-way", async () => {
    const { storage, objects } = memoryStorage({ failAfter: 100 * 1024 });
    const { stream } = lazy(pdf(), 5 * MEGABYTE);
    const result = await streamUpload(storage, { fileName: "scan.pdf", stream, maxBytes: 10 * MEGABYTE, scanner: SCANNING_OFF });
    expect(result).toEqual({ status: "storage-down", message: "Your file could not be uploaded. Try again later. Your answers have been saved." });
    expect(objects.size).toBe(0);
  });

  it("treats an upload cut short as a failed upload", async () => {
    const { storage, objects } = memoryStorage();
    const stream = new Readable({ read() {} });
    stream.push(pdf());
    setTimeout(() => stream.destroy(new Error("aborted")), 10);
    expect(await streamUpload(storage, { fileName: "scan.pdf", stream, maxBytes: MEGABYTE, scanner: SCANNING_OFF })).toEqual({ status: "refused", message: "scan.pdf could not be uploaded. Try again" });
    expect(objects.size).toBe(0);
  });

  it("formats sizes the way the messages say them", () => {
    expect(formatBytes(10 * MEGABYTE)).toBe("10 MB");
    expect(formatBytes(2.56 * MEGABYTE)).toBe("2.5 MB");
    expect(formatBytes(300 * 1024)).toBe("300 KB");
  });
});
