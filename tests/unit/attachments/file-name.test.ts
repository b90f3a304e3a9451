import { describe, expect, it } from "vitest";
import { attachmentDisposition, MAX_FILE_NAME_LENGTH, nameWithExtension, safeFileName } from "@/lib/attachments/file-name";

describe("safeFileName", () => {
  it("keeps an ordinary name as it is", () => {
    expect(safeFileName("Referral letter (final).pdf")).toBe("Referral letter (final).pdf");
    expect(safeFileName("Zoë's school report.docx")).toBe("Zoë's school report.docx");
  });

  it("strips folders, Windows and Unix", () => {
    expect(safeFileName("C:\\Users\\amy\\Documents\\report.pdf")).toBe("report.pdf");
    expect(safeFileName("/home/amy/report.pdf")).toBe("report.pdf");
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("..")).toBe("file");
  });

  it("removes control, invisible and direction-changing characters", () => {
    expect(safeFileName("rep\u0000ort\r\n.pdf")).toBe("report.pdf");
    expect(safeFileName("evil\u202Efdp.exe")).toBe("evilfdp.exe");
    expect(safeFileName("zero\u200Bwidth.txt")).toBe("zerowidth.txt");
    expect(safeFileName("bad\uD800.txt")).toBe("bad.txt");
  });

  it("replaces characters Windows refuses, folds spaces and drops leading and trailing dots", () => {
    expect(safeFileName('what?"is"<this>|*:.txt')).toBe("what__is__this____.txt");
    expect(safeFileName("  many    spaces  .pdf  ")).toBe("many spaces.pdf");
    expect(safeFileName(".hidden")).toBe("hidden");
    expect(safeFileName("name.pdf...")).toBe("name.pdf");
    expect(safeFileName("CON.txt")).toBe("CON_.txt");
  });

  it("limits the length and keeps the extension", () => {
    const long = `${"a".repeat(300)}.docx`;
    const safe = safeFileName(long);
    expect(Array.from(safe)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(safe.endsWith(".docx")).toBe(true);
    // Characters outside the BMP are not cut in half.
    const emoji = safeFileName(`${"😀".repeat(150)}.png`);
    expect(Array.from(emoji)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(emoji.endsWith(".png")).toBe(true);
  });

  it("never answers an empty name", () => {
    expect(safeFileName("")).toBe("file");
    expect(safeFileName("\u0000\u0001")).toBe("file");
    expect(safeFileName(".pdf")).toBe("pdf");
    expect(safeFileName("C:\\folder\\")).toBe("file");
  });
});

describe("nameWithExtension", () => {
  it("keeps an extension that fits the content and adds one that does", () => {
    expect(nameWithExtension("photo.JPG", ["jpg", "jpeg"], "jpg")).toBe("photo.JPG");
    expect(nameWithExtension("notes.html", ["txt"], "txt")).toBe("notes.html.txt");
    expect(nameWithExtension("scan", ["pdf"], "pdf")).toBe("scan.pdf");
    expect(Array.from(nameWithExtension(`${"b".repeat(100)}`, ["pdf"], "pdf"))).toHaveLength(MAX_FILE_NAME_LENGTH);
  });
});

describe("attachmentDisposition", () => {
  it("is an attachment with an ASCII fallback and the exact name encoded", () => {
    expect(attachmentDisposition('Zoë "report" 100%.pdf')).toBe(
      "attachment; filename=\"Zoe _report_ 100_.pdf\"; filename*=UTF-8''Zo%C3%AB%20_report_%20100%25.pdf",
    );
    expect(attachmentDisposition("a\r\nSet-Cookie: x=1.txt")).not.toMatch(/[\r\n]/);
  });
});
