import { describe, expect, it } from "vitest";
import { readZipDirectory } from "@/lib/attachments/zip-directory";
import { docx, zip } from "@/tests/support/attachment-files";

const limits = { maxEntries: 1000, maxUncompressedBytes: 100 * 1024 * 1024 };
const read = (file: Buffer, tailBytes = file.length) => readZipDirectory(file.subarray(file.length - Math.min(tailBytes, file.length)), file.length, limits);
const many = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `word/media/image${i}.bin`, data: "x" }));

describe("readZipDirectory", () => {
  it("lists a Word document's entries and their unpacked total", () => {
    const result = read(docx());
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.entries.map((e) => e.name)).toEqual(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
    expect(result.totalUncompressedBytes).toBe(result.entries.reduce((sum, e) => sum + e.uncompressedBytes, 0));
    expect(result.entries[2]!.compressedBytes).toBeLessThan(result.entries[2]!.uncompressedBytes);
  });

  it("finds the end record behind an archive comment", () => {
    const result = read(zip([{ name: "a.txt", data: "hello" }], { comment: "PK\u0005\u0006 looks like a signature" }));
    expect(result).toMatchObject({ status: "ok", entries: [{ name: "a.txt", uncompressedBytes: 5 }] });
  });

  it("reads Zip64 end records", () => {
    expect(read(zip([{ name: "a.txt", data: "hello" }, { name: "b.txt", data: "world!" }], { zip64: true }))).toMatchObject({
      status: "ok",
      totalUncompressedBytes: 11,
    });
  });

  it("needs only the tail that holds the directory, and says when the tail is too short", () => {
    const file = zip([{ name: "big.bin", data: Buffer.alloc(200_000, 1) }, { name: "word/document.xml", data: "<w/>" }]);
    expect(read(file, 1000)).toMatchObject({ status: "ok" });
    expect(read(file, 60)).toMatchObject({ status: "out-of-reach" });
  });

  it("accepts 1,000 entries and refuses 1,001 (from the end record, before reading the directory)", () => {
    expect(read(zip(many(1000)))).toMatchObject({ status: "ok" });
    expect(read(zip(many(1001)))).toEqual({ status: "too-many-entries", entries: 1001 });
  });

  it("refuses when the declared unpacked sizes add up to more than the limit", () => {
    const bomb = zip([
      { name: "word/document.xml", data: "x", declaredSize: 60 * 1024 * 1024 },
      { name: "word/media/a.bin", data: "y", declaredSize: 60 * 1024 * 1024 },
    ]);
    expect(read(bomb)).toMatchObject({ status: "too-large" });
    expect(read(zip([{ name: "word/document.xml", data: "x", declaredSize: 100 * 1024 * 1024 }]))).toMatchObject({ status: "ok" });
  });

  it("refuses what is not a whole, honest zip", () => {
    const good = docx();
    expect(read(Buffer.from("just some text, not a zip at all"))).toMatchObject({ status: "invalid" });
    expect(read(good.subarray(0, good.length - 3))).toMatchObject({ status: "invalid" });
    expect(read(zip([{ name: "a.txt", data: "a" }], { prefix: Buffer.from("MZ stub before the archive") }))).toMatchObject({ status: "invalid" });
    expect(read(zip([{ name: "a.txt", data: "a" }, { name: "b.txt", data: "b" }], { declaredCount: 3 }))).toMatchObject({ status: "invalid" });
    // A central directory header with its signature broken.
    const broken = Buffer.from(good);
    broken.writeUInt32LE(0x12345678, broken.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
    expect(read(broken)).toMatchObject({ status: "invalid" });
    expect(read(Buffer.alloc(0))).toMatchObject({ status: "invalid" });
  });
});
