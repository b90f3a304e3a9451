/**
 * Small files of each kind, built in code for the attachment tests: a hand-written zip writer
 * (stored or deflated entries, Zip64 end records, comments, lying sizes), minimal .docx and
 * .xlsx, a compound (OLE2) file with chosen directory names, PDF, PNG, JPEG, a PE executable.
 */
import { deflateRawSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export type ZipEntrySpec = {
  name: string;
  data: Buffer | string;
  deflate?: boolean;
  /** Claim this unpacked size in the central directory instead of the real one. */
  declaredSize?: number;
};

export type ZipOptions = {
  comment?: string;
  /** Write Zip64 end records (the classic end record then holds 0xFFFF / 0xFFFFFFFF). */
  zip64?: boolean;
  /** Bytes before the first entry that the offsets do not account for. */
  prefix?: Buffer;
  /** Entry count to claim in the end record. */
  declaredCount?: number;
};

export function zip(entries: ZipEntrySpec[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === "string" ? Buffer.from(entry.data) : entry.data;
    const body = entry.deflate ? deflateRawSync(data) : data;
    const name = Buffer.from(entry.name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.declaredSize ?? data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const count = options.declaredCount ?? entries.length;
  const comment = Buffer.from(options.comment ?? "", "latin1");
  const tail: Buffer[] = [];
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.zip64 ? 0xffff : count, 8);
  end.writeUInt16LE(options.zip64 ? 0xffff : count, 10);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : directory.length, 12);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([options.prefix ?? Buffer.alloc(0), ...locals, directory, ...tail, end, comment]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

export const DOCUMENT_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Supporting information for the referral.</w:t></w:r></w:p></w:body></w:document>`;

/** A minimal Word document: [Content_Types].xml, _rels/.rels, word/document.xml (deflated). */
export function docx(extra: ZipEntrySpec[] = []): Buffer {
  return zip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES, deflate: true },
    { name: "_rels/.rels", data: RELS, deflate: true },
    { name: "word/document.xml", data: DOCUMENT_XML, deflate: true },
    ...extra,
  ]);
}

/** A minimal Excel workbook. */
export function xlsx(): Buffer {
  return zip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES.replace("/word/document.xml", "/xl/workbook.xml"), deflate: true },
    { name: "_rels/.rels", data: RELS.replace("word/document.xml", "xl/workbook.xml"), deflate: true },
    { name: "xl/workbook.xml", data: '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>', deflate: true },
    { name: "xl/worksheets/sheet1.xml", data: '<?xml version="1.0"?><worksheet/>', deflate: true },
  ]);
}

/**
 * A compound file (version 3, 512-byte sectors): header, one FAT sector, then the directory
 * (Root Entry first, then `streams`), then `padding` bytes of stream data.
 */
export function compoundFile(streams: { name: string; type?: 1 | 2 }[], options: { padding?: number; directorySector?: number } = {}): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(options.directorySector ?? 1, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  header.fill(0xff, 0x4c);
  header.writeUInt32LE(0, 0x4c);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  const entries = [{ name: "Root Entry", type: 5 }, ...streams.map((s) => ({ name: s.name, type: s.type ?? 2 }))];
  const directory = Buffer.alloc(Math.ceil(entries.length / 4) * 512);
  entries.forEach((entry, i) => {
    const at = i * 128;
    const name = Buffer.from(`${entry.name}\0`, "utf16le");
    name.copy(directory, at);
    directory.writeUInt16LE(name.length, at + 64);
    directory[at + 66] = entry.type;
    directory.writeUInt32LE(0xffffffff, at + 68);
    directory.writeUInt32LE(0xffffffff, at + 72);
    directory.writeUInt32LE(0xffffffff, at + 76);
  });
  return Buffer.concat([header, fat, directory, Buffer.alloc(options.padding ?? 0, 0x41)]);
}

export const wordDoc = () => compoundFile([{ name: "WordDocument" }, { name: "1Table" }, { name: "\u0001CompObj" }], { padding: 4096 });
export const excelXls = () => compoundFile([{ name: "Workbook" }, { name: "\u0005SummaryInformation" }], { padding: 4096 });

export function pdf(extraBytes = 0): Buffer {
  const body = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n";
  return Buffer.concat([Buffer.from(body, "latin1"), Buffer.alloc(extraBytes, 0x20), Buffer.from("\n%%EOF\n", "latin1")]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A valid 1x1 grey PNG. */
export function png(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", Buffer.from([0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The start of a JFIF JPEG and its end marker. */
export function jpeg(): Buffer {
  return Buffer.from("ffd8ffe000104a46494600010100000100010000ffdb004300" + "08".repeat(64) + "ffd9", "hex");
}

/** The start of a Windows executable: "MZ", a DOS stub, and a PE header. */
export function executable(): Buffer {
  const file = Buffer.alloc(1024);
  file.write("MZ", 0, "latin1");
  file.writeUInt32LE(0x80, 0x3c);
  file.write("This program cannot be run in DOS mode.", 0x4e, "latin1");
  file.write("PE\0\0", 0x80, "latin1");
  return file;
}

/**
 * The EICAR anti-virus test file (68 bytes), put together at run time so that no file in the
 * repository is itself a "virus" to the scanners that look at it.
 */
export function eicar(): Buffer {
  return Buffer.from(["X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-", "TEST-FILE!$H+H*"].join(""), "latin1");
}
