/**
 * Decides what an uploaded file is from its bytes, as they stream past: PDF, Word (.docx checked
 * as the zip it is, .doc as the compound file it is), JPEG, PNG or plain text; anything else is
 * refused with the reason. Names and the browser's claimed type play no part.
 *
 * Binary types are recognised by `file-type` from the first SNIFF_BYTES; zip and compound files
 * by their signatures, then checked to the end (the zip's central directory from the last
 * ZIP_TAIL_BYTES, the compound file's directory entries as they pass). A file nothing recognises
 * is accepted as text only if every byte is valid UTF-8 with no NUL and it holds no markup or
 * script (HTML, SVG, XML, PHP, a shebang, script URLs and calls): such a file, renamed .txt or
 * .jpg, would otherwise be served as "text" and run by whatever opens it.
 */
import { fileTypeFromBuffer } from "file-type/core";
import { CFB_SIGNATURE, CfbScanner } from "./cfb";
import { DEFAULT_ZIP_LIMITS, readZipDirectory, type ZipLimits } from "./zip-directory";

export const ATTACHMENT_KINDS = ["pdf", "word", "jpeg", "png", "text"] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** What a file was found to be: its kind, the Content-Type to serve it with, and the extensions that fit it (first: the one to add). */
export type Detected = { kind: AttachmentKind; contentType: string; extensions: readonly string[] };

export type LooksLike = "spreadsheet" | "presentation" | "program" | "archive" | "image" | "video" | "audio" | "markup";

export type Refusal =
  | { reason: "empty" }
  /** Not one of the accepted types; `looksLike` (and `format`, e.g. "HEIC") when we can tell what it is. */
  | { reason: "not-accepted"; looksLike?: LooksLike; format?: string }
  | { reason: "password-protected" }
  | { reason: "macros" }
  | { reason: "word-damaged" }
  | { reason: "word-too-many-parts"; limit: number }
  | { reason: "word-unpacks-too-large"; limitBytes: number };

export const SNIFF_BYTES = 8 * 1024;
/** Kept from the end of a zip to read its central directory: ample for 1,000 entries. */
export const ZIP_TAIL_BYTES = 1024 * 1024;

export const DETECTED = {
  pdf: { kind: "pdf", contentType: "application/pdf", extensions: ["pdf"] },
  docx: { kind: "word", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  doc: { kind: "word", contentType: "application/msword", extensions: ["doc"] },
  jpeg: { kind: "jpeg", contentType: "image/jpeg", extensions: ["jpg", "jpeg"] },
  png: { kind: "png", contentType: "image/png", extensions: ["png"] },
  text: { kind: "text", contentType: "text/plain; charset=utf-8", extensions: ["txt"] },
} as const satisfies Record<string, Detected>;

const ZIP_SIGNATURES = [Buffer.from("PK\x03\x04", "latin1"), Buffer.from("PK\x05\x06", "latin1")];

type Mode =
  | { type: "sniffing" }
  | { type: "fixed"; detected: Detected }
  | { type: "text"; decoder: TextDecoder; tail: string }
  | { type: "zip"; tail: TailKeeper }
  | { type: "cfb"; scanner: CfbScanner };

export class ContentInspector {
  private mode: Mode = { type: "sniffing" };
  private head: Buffer[] = [];
  private headBytes = 0;
  private size = 0;

  constructor(private readonly zipLimits: ZipLimits = DEFAULT_ZIP_LIMITS) {}

  /** Bytes seen so far. */
  get bytes(): number {
    return this.size;
  }

  /**
   * What the file looks like so far (null until the first SNIFF_BYTES were seen): a .docx or
   * .doc may still be refused by finish().
   */
  get provisional(): Detected | null {
    switch (this.mode.type) {
      case "sniffing":
        return null;
      case "fixed":
        return this.mode.detected;
      case "text":
        return DETECTED.text;
      case "zip":
        return DETECTED.docx;
      case "cfb":
        return DETECTED.doc;
    }
  }

  /** Feed the file's bytes in order; a refusal means stop (the rest need not be read). */
  async push(chunk: Buffer): Promise<Refusal | null> {
    if (chunk.length === 0) return null;
    this.size += chunk.length;
    if (this.mode.type === "sniffing") {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes < SNIFF_BYTES) return null;
      return this.sniff();
    }
    return this.feed(chunk);
  }

  /** After the last byte: the file's type, or why it is refused. */
  async finish(): Promise<Detected | Refusal> {
    if (this.size === 0) return { reason: "empty" };
    if (this.mode.type === "sniffing") {
      const refusal = await this.sniff();
      if (refusal) return refusal;
    }
    const mode = this.mode;
    switch (mode.type) {
      case "sniffing":
        throw new Error("unreachable: sniffed");
      case "fixed":
        return mode.detected;
      case "text":
        try {
          if (looksLikeCode(mode.tail + mode.decoder.decode())) return MARKUP;
        } catch {
          return { reason: "not-accepted" };
        }
        return DETECTED.text;
      case "cfb":
        return cfbOutcome(mode.scanner);
      case "zip":
        return this.zipOutcome(mode.tail);
    }
  }

  private async sniff(): Promise<Refusal | null> {
    const head = Buffer.concat(this.head, this.headBytes);
    this.head = [];
    const decided = await decideFromHead(head);
    if ("reason" in decided) return decided;
    this.mode = decided;
    return this.feed(head);
  }

  private feed(chunk: Buffer): Refusal | null {
    const mode = this.mode;
    switch (mode.type) {
      case "text": {
        if (chunk.includes(0)) return { reason: "not-accepted" };
        let text: string;
        try {
          text = mode.tail + mode.decoder.decode(chunk, { stream: true });
        } catch {
          return { reason: "not-accepted" };
        }
        if (looksLikeCode(text, this.size === chunk.length)) return MARKUP;
        // A marker split across two chunks is still seen: the next look starts with this tail.
        mode.tail = text.slice(-MARKER_OVERLAP);
        return null;
      }
      case "zip":
        mode.tail.push(chunk);
        return null;
      case "cfb":
        mode.scanner.push(chunk);
        return null;
      default:
        return null;
    }
  }

  private zipOutcome(tail: TailKeeper): Detected | Refusal {
    const result = readZipDirectory(tail.bytes(), this.size, this.zipLimits);
    switch (result.status) {
      case "invalid":
        return { reason: "word-damaged" };
      case "too-many-entries":
      case "out-of-reach":
        return { reason: "word-too-many-parts", limit: this.zipLimits.maxEntries };
      case "too-large":
        return { reason: "word-unpacks-too-large", limitBytes: this.zipLimits.maxUncompressedBytes };
      case "ok":
        return zipContents(new Set(result.entries.map((entry) => entry.name.toLowerCase())));
    }
  }
}

/** What a valid zip holds: only a Word document (and not a macro-enabled one) is accepted. */
function zipContents(names: Set<string>): Detected | Refusal {
  if (names.has("xl/workbook.xml") || names.has("xl/workbook.bin")) return { reason: "not-accepted", looksLike: "spreadsheet" };
  if (names.has("ppt/presentation.xml")) return { reason: "not-accepted", looksLike: "presentation" };
  if (names.has("word/document.xml") && names.has("[content_types].xml")) {
    return names.has("word/vbaproject.bin") ? { reason: "macros" } : DETECTED.docx;
  }
  return { reason: "not-accepted", looksLike: "archive", format: "zip" };
}

function cfbOutcome(scanner: CfbScanner): Detected | Refusal {
  switch (scanner.verdict()) {
    case "word":
      return DETECTED.doc;
    case "word-with-macros":
      return { reason: "macros" };
    case "encrypted":
      return { reason: "password-protected" };
    case "spreadsheet":
      return { reason: "not-accepted", looksLike: "spreadsheet" };
    case "presentation":
      return { reason: "not-accepted", looksLike: "presentation" };
    case "other":
    case "damaged":
      return { reason: "not-accepted" };
  }
}

async function decideFromHead(head: Buffer): Promise<Exclude<Mode, { type: "sniffing" }> | Refusal> {
  if (ZIP_SIGNATURES.some((signature) => head.subarray(0, 4).equals(signature))) return { type: "zip", tail: new TailKeeper(ZIP_TAIL_BYTES) };
  if (head.subarray(0, 8).equals(CFB_SIGNATURE)) {
    const scanner = new CfbScanner(head);
    return scanner.valid ? { type: "cfb", scanner } : { reason: "not-accepted" };
  }
  let found: { ext: string; mime: string } | undefined;
  try {
    found = await fileTypeFromBuffer(head);
  } catch {
    found = undefined; // a format's parser choking on a short head: judge it as text instead
  }
  if (!found) return { type: "text", decoder: new TextDecoder("utf-8", { fatal: true }), tail: "" };
  const { ext, mime } = found;
  if (mime === "application/pdf" || (ext === "ai" && head.subarray(0, 5).toString("latin1") === "%PDF-")) return { type: "fixed", detected: DETECTED.pdf };
  if (mime === "image/jpeg") return { type: "fixed", detected: DETECTED.jpeg };
  if (mime === "image/png" || ext === "apng") return { type: "fixed", detected: DETECTED.png };
  return { reason: "not-accepted", ...describe(ext, mime) };
}

const MARKUP_TYPES = new Set(["xml", "svg", "html", "htm", "xhtml"]);
const SPREADSHEET = new Set(["xls", "xlsx", "xlsm", "ods", "numbers"]);
const PRESENTATION = new Set(["ppt", "pptx", "odp", "key"]);
const PROGRAM = new Set(["exe", "elf", "macho", "class", "wasm", "dex", "deb", "rpm", "msi", "apk", "jar", "dmg", "lnk", "swf", "cab"]);
const ARCHIVE = new Set(["zip", "rar", "7z", "gz", "bz2", "xz", "tar", "zst", "lz", "lzh", "arj", "cpio", "ar", "Z", "lz4"]);

function describe(ext: string, mime: string): { looksLike?: LooksLike; format?: string } {
  const format = ext.toUpperCase();
  if (SPREADSHEET.has(ext)) return { looksLike: "spreadsheet" };
  if (PRESENTATION.has(ext)) return { looksLike: "presentation" };
  if (PROGRAM.has(ext)) return { looksLike: "program" };
  if (ARCHIVE.has(ext)) return { looksLike: "archive", format };
  if (MARKUP_TYPES.has(ext) || /xml|html|svg/.test(mime)) return { looksLike: "markup" };
  if (mime.startsWith("image/")) return { looksLike: "image", format };
  if (mime.startsWith("video/")) return { looksLike: "video", format };
  if (mime.startsWith("audio/")) return { looksLike: "audio", format };
  return {};
}

const MARKUP: Refusal = { reason: "not-accepted", looksLike: "markup" };

/** Characters kept from one chunk's text for the next look, longer than any marker below. */
const MARKER_OVERLAP = 64;

/**
 * Tags a browser or an XML reader acts on (any case), processing
 * instructions, comments-as-markup at the start, and script: a shebang or batch header at the
 * start, script URLs, and calls that only code makes. A letter that says "x < 5" or "<name>" passes.
 */
const MARKUP_ANYWHERE =
  /<\/?(?:!doctype|html|head|body|script|svg|iframe|frame|frameset|object|embed|applet|meta|style|link|base|form|img|math|template|xml|xsl:[a-z]+|x:[a-z]+)\b|<\?(?:xml|php|=)|<%|(?:javascript|vbscript|livescript)\s*:|\bon(?:load|error|click|mouseover|focus)\s*=|\b(?:eval|setTimeout|setInterval|ActiveXObject|CreateObject|GetObject|Invoke-Expression|IEX)\s*\(|\bdocument\.(?:write|cookie|location)|\bwindow\.location\b|\bWScript\.|\bpowershell(?:\.exe)?\s+-/i;
const SCRIPT_START = /^(?:\ufeff)?\s*(?:#!|@echo\s+off\b|<!--|<\?)/i;

function looksLikeCode(text: string, isStart = false): boolean {
  return (isStart && SCRIPT_START.test(text)) || MARKUP_ANYWHERE.test(text);
}

/** Keeps the last `limit` bytes of a stream (a few chunks more at most). */
export class TailKeeper {
  private chunks: Buffer[] = [];
  private length = 0;

  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    while (this.chunks.length > 1 && this.length - this.chunks[0]!.length >= this.limit) {
      this.length -= this.chunks.shift()!.length;
    }
  }

  bytes(): Buffer {
    const all = Buffer.concat(this.chunks, this.length);
    return all.length > this.limit ? all.subarray(all.length - this.limit) : all;
  }
}
