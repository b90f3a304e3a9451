import { describe, expect, it } from "vitest";
import { ContentInspector, type Detected, type Refusal } from "@/lib/attachments/content";
import { refusalMessage } from "@/lib/attachments/messages";
import { compoundFile, docx, excelXls, executable, jpeg, pdf, png, wordDoc, xlsx, zip } from "@/tests/support/attachment-files";

/** Feeds `file` in pieces of `piece` bytes, as a network upload would arrive. */
async function inspect(file: Buffer, piece = 1000): Promise<Detected | Refusal> {
  const inspector = new ContentInspector();
  for (let i = 0; i < file.length; i += piece) {
    const refusal = await inspector.push(file.subarray(i, i + piece));
    if (refusal) return refusal;
  }
  return inspector.finish();
}

const kindOf = async (file: Buffer, piece?: number) => {
  const outcome = await inspect(file, piece);
  return "kind" in outcome ? outcome.kind : outcome;
};

describe("deciding a file's type from its content", () => {
  it("accepts PDF, Word (.docx and .doc), JPEG, PNG and plain text", async () => {
    expect(await kindOf(pdf())).toBe("pdf");
    expect(await kindOf(docx())).toBe("word");
    expect(await kindOf(wordDoc())).toBe("word");
    expect(await kindOf(jpeg())).toBe("jpeg");
    expect(await kindOf(png())).toBe("png");
    expect(await kindOf(Buffer.from("Notes from the meeting\nAttended: Amy, Zoë — 3 March\n"))).toBe("text");
    expect(await inspect(docx())).toMatchObject({ contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] });
    expect(await inspect(wordDoc())).toMatchObject({ contentType: "application/msword", extensions: ["doc"] });
  });

  it("gives the same answer whatever the pieces the bytes arrive in", async () => {
    for (const piece of [1, 7, 128, 511, 100_000]) {
      expect(await kindOf(wordDoc(), piece)).toBe("word");
      expect(await kindOf(docx(), piece)).toBe("word");
      // A multi-byte character split between two pieces is still valid UTF-8.
      expect(await kindOf(Buffer.from("é".repeat(5000)), piece)).toBe("text");
    }
  });

  it("refuses spreadsheets, whatever they are called", async () => {
    expect(await inspect(xlsx())).toEqual({ reason: "not-accepted", looksLike: "spreadsheet" });
    expect(await inspect(excelXls())).toEqual({ reason: "not-accepted", looksLike: "spreadsheet" });
    // A workbook with a Word part slipped in is still a workbook.
    const both = zip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: "<w/>" },
      { name: "xl/workbook.xml", data: "<workbook/>" },
    ]);
    expect(await inspect(both)).toEqual({ reason: "not-accepted", looksLike: "spreadsheet" });
  });

  it("refuses programs, other zips, other images and binary data as not an accepted type", async () => {
    expect(await inspect(executable())).toEqual({ reason: "not-accepted", looksLike: "program" });
    expect(await inspect(zip([{ name: "photos/a.txt", data: "a" }]))).toMatchObject({ reason: "not-accepted", looksLike: "archive" });
    expect(await inspect(Buffer.concat([Buffer.from("GIF89a"), Buffer.alloc(100)]))).toMatchObject({ reason: "not-accepted", looksLike: "image", format: "GIF" });
    expect(await inspect(compoundFile([{ name: "PowerPoint Document" }]))).toEqual({ reason: "not-accepted", looksLike: "presentation" });
    expect(await inspect(compoundFile([{ name: "__substg1.0_0037001F" }]))).toEqual({ reason: "not-accepted" });
  });

  it("accepts text only when every byte is UTF-8 without NUL", async () => {
    expect(await inspect(Buffer.from("caf\xe9 au lait", "latin1"))).toEqual({ reason: "not-accepted" });
    expect(await inspect(Buffer.from("line one\0line two"))).toEqual({ reason: "not-accepted" });
    // Bad bytes far past the first 8 KB are still found.
    expect(await inspect(Buffer.concat([Buffer.alloc(50_000, "a"), Buffer.from([0xc3])]))).toEqual({ reason: "not-accepted" });
    expect(await inspect(Buffer.concat([Buffer.alloc(50_000, "a"), Buffer.from([0xff, 0x61])]))).toEqual({ reason: "not-accepted" });
  });

  it("refuses an empty file", async () => {
    expect(await inspect(Buffer.alloc(0))).toEqual({ reason: "empty" });
  });

  it("checks a .docx as the zip it is: damaged, too many parts, too large unpacked, macros", async () => {
    const good = docx();
    expect(await inspect(good.subarray(0, good.length - 10))).toEqual({ reason: "word-damaged" });
    const crowded = docx(Array.from({ length: 1000 }, (_, i) => ({ name: `word/media/${i}.png`, data: "" })));
    expect(await inspect(crowded)).toEqual({ reason: "word-too-many-parts", limit: 1000 });
    const bomb = docx([{ name: "word/media/huge.bin", data: "0", declaredSize: 101 * 1024 * 1024 }]);
    expect(await inspect(bomb)).toEqual({ reason: "word-unpacks-too-large", limitBytes: 100 * 1024 * 1024 });
    expect(await inspect(docx([{ name: "word/vbaProject.bin", data: "macro" }]))).toEqual({ reason: "macros" });
    // A zip missing word/document.xml is no Word document.
    expect(await inspect(zip([{ name: "[Content_Types].xml", data: "<Types/>" }]))).toMatchObject({ reason: "not-accepted" });
  });

  it("checks a .doc's directory: where the header says it is, without macros, not encrypted", async () => {
    expect(await inspect(compoundFile([{ name: "WordDocument" }, { name: "Macros", type: 1 }]))).toEqual({ reason: "macros" });
    expect(await inspect(compoundFile([{ name: "EncryptionInfo" }, { name: "EncryptedPackage" }]))).toEqual({ reason: "password-protected" });
    // The header points at sector 5, but the directory is at sector 1: not a real compound file.
    expect(await inspect(compoundFile([{ name: "WordDocument" }], { directorySector: 5, padding: 4096 }))).toEqual({ reason: "not-accepted" });
  });
});

describe("refusal messages", () => {
  it("name the file and say what is accepted", () => {
    expect(refusalMessage("report.xlsx", { reason: "not-accepted", looksLike: "spreadsheet" })).toBe(
      "report.xlsx is a spreadsheet. The selected file must be a PDF, Word document, JPG, PNG or TXT",
    );
    expect(refusalMessage("setup.docx", { reason: "not-accepted", looksLike: "program" })).toBe(
      "setup.docx is a program. The selected file must be a PDF, Word document, JPG, PNG or TXT",
    );
    expect(refusalMessage("IMG_0001.heic", { reason: "not-accepted", looksLike: "image", format: "HEIC" })).toBe(
      "IMG_0001.heic is a HEIC image. The selected file must be a PDF, Word document, JPG, PNG or TXT",
    );
    expect(refusalMessage("data.bin", { reason: "not-accepted" })).toBe("data.bin must be a PDF, Word document, JPG, PNG or TXT");
    expect(refusalMessage("notes.txt", { reason: "empty" })).toBe("notes.txt is empty");
    expect(refusalMessage("big.docx", { reason: "word-too-many-parts", limit: 1000 })).toBe(
      "big.docx has more than 1,000 parts inside it, so it cannot be checked. Save it as a PDF and try again",
    );
    expect(refusalMessage("big.docx", { reason: "word-unpacks-too-large", limitBytes: 100 * 1024 * 1024 })).toBe(
      "big.docx unpacks to more than 100 MB, so it cannot be checked. Save it as a PDF and try again",
    );
  });
});
