import { createHash, randomBytes, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { getStorage } from "@/lib/storage";

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** A stream that hands out `body` in 64 KiB pieces, as an upload arriving over the network would. */
function trickle(body: Buffer): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= body.length) return void this.push(null);
      this.push(body.subarray(offset, offset + 64 * 1024));
      offset += 64 * 1024;
    },
  });
}

const sha = (data: Buffer) => createHash("sha256").update(data).digest("hex");

describe("storage on the embedded S3 server", () => {
  it("streams a 5 MB body in and reads it back byte for byte", async () => {
    const storage = getStorage();
    const body = randomBytes(5 * 1024 * 1024);
    const key = `tests/${randomUUID()}/five-mb.bin`;
    await storage.put(key, trickle(body), { contentType: "application/octet-stream" });

    const stored = await storage.get(key);
    expect(stored).not.toBeNull();
    const readBack = await readAll(stored!);
    expect(readBack.length).toBe(body.length);
    expect(sha(readBack)).toBe(sha(body));
  });

  it("streams a body larger than one part (12 MB) intact", async () => {
    const storage = getStorage();
    const body = randomBytes(12 * 1024 * 1024);
    const key = `tests/${randomUUID()}/twelve-mb.bin`;
    await storage.put(key, trickle(body));
    expect(sha(await readAll((await storage.get(key))!))).toBe(sha(body));
  });

  it("lists by prefix, deletes, and answers null for a missing key", async () => {
    const storage = getStorage();
    const prefix = `tests/${randomUUID()}/`;
    await storage.put(`${prefix}a.txt`, "first");
    await storage.put(`${prefix}b.txt`, "second");
    await storage.put(`tests/${randomUUID()}/other.txt`, "elsewhere");

    expect((await storage.list(prefix)).map((o) => o.key).sort()).toEqual([`${prefix}a.txt`, `${prefix}b.txt`]);
    await storage.delete(`${prefix}a.txt`);
    expect((await storage.list(prefix)).map((o) => o.key)).toEqual([`${prefix}b.txt`]);
    expect(await storage.get(`${prefix}a.txt`)).toBeNull();
  });

  it("gives a short-lived URL that downloads the file as an attachment", async () => {
    const storage = getStorage();
    const key = `tests/${randomUUID()}/report.pdf`;
    await storage.put(key, Buffer.from("%PDF-1.4 test"), { contentType: "application/pdf" });
    const url = await storage.downloadUrl(key, "Referral report.pdf");
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="Referral report.pdf"');
    expect(await response.text()).toBe("%PDF-1.4 test");
  });
});
