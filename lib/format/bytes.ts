/**
 * The one way the portal writes a size in bytes: a file in a list, a PDF's list of supporting
 * documents, an upload limit, the room left on a form. One rule, rounding down, so a size or the
 * room left is never said to be more than it is: "300 bytes", "1 KB" (1,536 bytes), "300 KB",
 * "2.5 MB" (2.56 MB), "10 MB" (whole megabytes stay whole). Binary units (1 KB = 1,024 bytes),
 * as the limits are set (COUNCIL_MAX_UPLOAD_MB).
 */

const KILOBYTE = 1024;
const MEGABYTE = 1024 * KILOBYTE;

export function formatBytes(bytes: number): string {
  if (bytes < KILOBYTE) return bytes === 1 ? "1 byte" : `${Math.max(0, Math.floor(bytes))} bytes`;
  if (bytes < MEGABYTE) return `${Math.floor(bytes / KILOBYTE)} KB`;
  const tenths = Math.floor((bytes / MEGABYTE) * 10) / 10;
  return `${Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1)} MB`;
}
