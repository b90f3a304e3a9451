/**
 * Reads a zip archive's central directory from the end of the file, without opening (let alone
 * inflating) any entry: the End Of Central Directory record (and its Zip64 form), then every
 * central directory header. Used to check a Word .docx before anything else touches it: how many
 * entries, how large they say they are unpacked, and their names.
 *
 * It is strict on purpose: one disk, the directory right before its end record, the entry count
 * matching, nothing before the first entry that the offsets do not account for. Sizes are the
 * ones the archive declares; whatever inflates an entry later must still stop at them.
 */

export type ZipLimits = { maxEntries: number; maxUncompressedBytes: number };

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 1000, maxUncompressedBytes: 100 * 1024 * 1024 };

export type ZipEntry = { name: string; compressedBytes: number; uncompressedBytes: number };

export type ZipDirectoryResult =
  | { status: "ok"; entries: ZipEntry[]; totalUncompressedBytes: number }
  | { status: "invalid"; detail: string }
  | { status: "too-many-entries"; entries: number }
  | { status: "too-large"; totalUncompressedBytes: number }
  /** The directory starts before the bytes we were given (far too large for a Word file). */
  | { status: "out-of-reach"; directoryBytes: number };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

/**
 * `tail` is the last `tail.length` bytes of a file of `fileSize` bytes (the whole file when
 * they are equal).
 */
export function readZipDirectory(tail: Uint8Array, fileSize: number, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipDirectoryResult {
  const buf = Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength);
  const base = fileSize - buf.length; // file offset of buf[0]
  if (base < 0) throw new RangeError("tail is longer than the file");
  const invalid = (detail: string): ZipDirectoryResult => ({ status: "invalid", detail });
  const at = (fileOffset: number) => fileOffset - base;
  const within = (fileOffset: number, length: number) => fileOffset >= base && fileOffset + length <= fileSize;

  // 1. The End Of Central Directory record: the last one whose comment runs exactly to the end.
  let eocd = -1;
  for (let i = buf.length - EOCD_SIZE; i >= 0 && i >= buf.length - EOCD_SIZE - MAX_COMMENT; i -= 1) {
    if (buf.readUInt32LE(i) === EOCD && i + EOCD_SIZE + buf.readUInt16LE(i + 20) === buf.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return invalid("no end of central directory record");

  let disk = buf.readUInt16LE(eocd + 4);
  let directoryDisk = buf.readUInt16LE(eocd + 6);
  let entriesOnDisk: number = buf.readUInt16LE(eocd + 8);
  let entryCount: number = buf.readUInt16LE(eocd + 10);
  let directoryBytes: number = buf.readUInt32LE(eocd + 12);
  let directoryOffset: number = buf.readUInt32LE(eocd + 16);
  let directoryEnd = base + eocd;

  // 2. Zip64: the real numbers are in the Zip64 end record, found through its locator.
  const zip64 = entryCount === U16_MAX || entriesOnDisk === U16_MAX || directoryBytes === U32_MAX || directoryOffset === U32_MAX;
  if (zip64) {
    const locator = eocd - 20;
    if (locator < 0 || buf.readUInt32LE(locator) !== ZIP64_LOCATOR) return invalid("no zip64 locator");
    if (buf.readUInt32LE(locator + 4) !== 0 || buf.readUInt32LE(locator + 16) !== 1) return invalid("more than one disk");
    const recordOffset = safeNumber(buf.readBigUInt64LE(locator + 8));
    if (recordOffset === null || !within(recordOffset, 56) || recordOffset + 56 > base + locator) return invalid("zip64 end record out of place");
    const r = at(recordOffset);
    if (buf.readUInt32LE(r) !== ZIP64_EOCD) return invalid("no zip64 end record");
    const [onDisk, count, bytes, offset] = [24, 32, 40, 48].map((o) => safeNumber(buf.readBigUInt64LE(r + o)));
    if (onDisk == null || count == null || bytes == null || offset == null) return invalid("zip64 numbers too large");
    disk = buf.readUInt32LE(r + 16);
    directoryDisk = buf.readUInt32LE(r + 20);
    [entriesOnDisk, entryCount, directoryBytes, directoryOffset] = [onDisk, count, bytes, offset];
    directoryEnd = recordOffset;
  }

  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) return invalid("more than one disk");
  if (entryCount > limits.maxEntries) return { status: "too-many-entries", entries: entryCount };
  if (directoryOffset + directoryBytes !== directoryEnd) return invalid("central directory is not where the end record says");
  if (directoryOffset < base) return { status: "out-of-reach", directoryBytes };

  // 3. Every central directory header, in order, exactly filling the directory.
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = directoryOffset;
  while (p < directoryEnd) {
    if (entries.length >= entryCount) return invalid("more entries than the end record says");
    if (!within(p, 46) || p + 46 > directoryEnd) return invalid("truncated central directory header");
    const h = at(p);
    if (buf.readUInt32LE(h) !== CENTRAL_HEADER) return invalid("bad central directory header");
    const flags = buf.readUInt16LE(h + 8);
    let compressed: number = buf.readUInt32LE(h + 20);
    let uncompressed: number = buf.readUInt32LE(h + 24);
    const nameLength = buf.readUInt16LE(h + 28);
    const extraLength = buf.readUInt16LE(h + 30);
    const commentLength = buf.readUInt16LE(h + 32);
    const startDisk = buf.readUInt16LE(h + 34);
    let localOffset: number = buf.readUInt32LE(h + 42);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > directoryEnd) return invalid("central directory header runs past the directory");
    const nameBytes = buf.subarray(h + 46, h + 46 + nameLength);
    const name = flags & 0x0800 ? nameBytes.toString("utf8") : nameBytes.toString("latin1");

    if (uncompressed === U32_MAX || compressed === U32_MAX || localOffset === U32_MAX || startDisk === U16_MAX) {
      const extra = zip64Extra(buf.subarray(h + 46 + nameLength, h + 46 + nameLength + extraLength), {
        uncompressed: uncompressed === U32_MAX,
        compressed: compressed === U32_MAX,
        offset: localOffset === U32_MAX,
      });
      if (!extra) return invalid("missing zip64 sizes");
      uncompressed = extra.uncompressed ?? uncompressed;
      compressed = extra.compressed ?? compressed;
      localOffset = extra.offset ?? localOffset;
    } else if (startDisk !== 0) {
      return invalid("more than one disk");
    }
    if (localOffset + 30 > directoryOffset) return invalid("entry data overlaps the central directory");

    entries.push({ name, compressedBytes: compressed, uncompressedBytes: uncompressed });
    total += uncompressed;
    if (total > limits.maxUncompressedBytes) return { status: "too-large", totalUncompressedBytes: total };
    p = next;
  }
  if (entries.length !== entryCount) return invalid("fewer entries than the end record says");
  return { status: "ok", entries, totalUncompressedBytes: total };
}

function safeNumber(value: bigint): number | null {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
}

/** The Zip64 extended information extra field (id 1): only the fields whose 32-bit value was all ones, in this order. */
function zip64Extra(
  extra: Buffer,
  need: { uncompressed: boolean; compressed: boolean; offset: boolean },
): { uncompressed?: number; compressed?: number; offset?: number } | null {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (p + 4 + size > extra.length) return null;
    if (id === 0x0001) {
      const found: { uncompressed?: number; compressed?: number; offset?: number } = {};
      let q = p + 4;
      for (const field of ["uncompressed", "compressed", "offset"] as const) {
        if (!need[field]) continue;
        if (q + 8 > p + 4 + size) return null;
        const value = safeNumber(extra.readBigUInt64LE(q));
        if (value === null) return null;
        found[field] = value;
        q += 8;
      }
      return found;
    }
    p += 4 + size;
  }
  return null;
}
