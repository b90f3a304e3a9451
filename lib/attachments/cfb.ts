/**
 * Tells a Word 97-2003 .doc from the other files that share its container (OLE2 / Compound File
 * Binary: Excel .xls, PowerPoint .ppt, Outlook .msg, installers, password-protected Office
 * files), while the file streams past, holding at most one 128-byte record.
 *
 * A compound file's directory is a list of 128-byte entries (a UTF-16 name, its length, a type)
 * in sectors aligned to 128 bytes, the first at the sector the header names, starting with
 * "Root Entry". We check that Root Entry is where the header says, and note the directory names
 * that give the file away: "WordDocument" (Word), "Workbook"/"Book" (Excel), "PowerPoint
 * Document", "EncryptedPackage" (an encrypted .docx/.xlsx) and "Macros"/"_VBA_PROJECT_CUR".
 */

export const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export type CfbVerdict = "word" | "word-with-macros" | "spreadsheet" | "presentation" | "encrypted" | "other" | "damaged";

const RECORD = 128;
const TYPE_STORAGE = 1;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

export class CfbScanner {
  private readonly sectorSize: number;
  private readonly rootOffset: number;
  private offset = 0; // file offset of carry[0]
  private carry: Buffer = Buffer.alloc(0);
  private rootSeen = false;
  private readonly seen = new Set<string>();
  readonly valid: boolean;

  /** `header` is (at least) the first 512 bytes of the file. */
  constructor(header: Buffer) {
    const shift = header.length >= 512 && header.subarray(0, 8).equals(CFB_SIGNATURE) ? header.readUInt16LE(0x1e) : 0;
    const firstDirectorySector = header.length >= 512 ? header.readUInt32LE(0x30) : 0xffffffff;
    this.valid = (shift === 9 || shift === 12) && firstDirectorySector < 0xfffffffa;
    this.sectorSize = this.valid ? 1 << shift : 512;
    this.rootOffset = this.valid ? (firstDirectorySector + 1) * this.sectorSize : -1;
  }

  /** Feed every byte of the file, in order, from the first. */
  push(chunk: Buffer): void {
    if (!this.valid) return;
    let data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let i = 0;
    for (; i + RECORD <= data.length; i += RECORD) {
      const at = this.offset + i;
      if (at >= this.sectorSize) this.record(data.subarray(i, i + RECORD), at);
    }
    this.offset += i;
    data = data.subarray(i);
    this.carry = Buffer.from(data); // a copy: never hold on to the caller's larger chunk
  }

  verdict(): CfbVerdict {
    if (!this.valid || !this.rootSeen) return "damaged";
    const has = (name: string) => this.seen.has(name);
    const macros = has("macros") || has("_vba_project_cur");
    if (has("worddocument")) return macros ? "word-with-macros" : "word";
    if (has("encryptedpackage")) return "encrypted";
    if (has("workbook") || has("book")) return "spreadsheet";
    if (has("powerpoint document")) return "presentation";
    return "other";
  }

  private record(entry: Buffer, at: number): void {
    const nameLength = entry.readUInt16LE(64);
    if (nameLength < 4 || nameLength > 64 || nameLength % 2 !== 0) return;
    if (entry[nameLength - 2] !== 0 || entry[nameLength - 1] !== 0) return;
    const type = entry[66];
    if (type !== TYPE_STORAGE && type !== TYPE_STREAM && type !== TYPE_ROOT) return;
    const name = entry.toString("utf16le", 0, nameLength - 2).toLowerCase();
    if (type === TYPE_ROOT) {
      if (at === this.rootOffset && name === "root entry") this.rootSeen = true;
      return;
    }
    if (KNOWN.has(name)) this.seen.add(name);
  }
}

const KNOWN = new Set(["worddocument", "workbook", "book", "powerpoint document", "encryptedpackage", "macros", "_vba_project_cur"]);
