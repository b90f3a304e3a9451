/**
 * File names from the user's computer, made safe to store, show and put in a
 * Content-Disposition header: no folders, no control or direction-changing characters, no
 * characters Windows refuses, bounded length, and the extension kept.
 */

/** Longest name kept, in characters (the extension included). */
export const MAX_FILE_NAME_LENGTH = 100;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const WINDOWS_FORBIDDEN = /["*:<>?|]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const EXTENSION = /\.([a-z0-9]{1,10})$/i;

const chars = (s: string) => Array.from(s);

/** Splits "report.final.pdf" into ["report.final", ".pdf"]; no extension gives [name, ""]. */
export function splitExtension(name: string): [base: string, extension: string] {
  const match = EXTENSION.exec(name);
  if (!match || match.index === 0) return [name, ""];
  return [name.slice(0, match.index), match[0]];
}

/**
 * The name to keep for an uploaded file: whatever followed the last / or \, in NFC, without
 * control, invisible or bidirectional-override characters, with " * : < > ? | as _, runs of
 * spaces as one, no leading or trailing dots or spaces, at most MAX_FILE_NAME_LENGTH
 * characters with the extension kept when it is shortened. Never empty ("file").
 */
export function safeFileName(name: string): string {
  let s = String(name ?? "");
  s = s.replace(LONE_SURROGATE, "").normalize("NFC");
  s = s.slice(Math.max(s.lastIndexOf("/"), s.lastIndexOf("\\")) + 1);
  s = s.replace(CONTROL, "").replace(WINDOWS_FORBIDDEN, "_").replace(/\s+/g, " ");
  s = trimEnds(s);
  const [rawBase, extension] = splitExtension(s);
  let base = trimEnds(rawBase);
  if (base === "" || WINDOWS_RESERVED.test(base)) base = base === "" ? "file" : `${base}_`;
  return fitLength(base, extension);
}

/**
 * The safe name with an extension that matches the content: kept when it is one of `allowed`
 * (compared without case), else `.canonical` is added ("notes.html" holding plain text becomes
 * "notes.html.txt"), so a downloaded file never opens in a program its content is not for.
 */
export function nameWithExtension(safeName: string, allowed: readonly string[], canonical: string): string {
  const [, extension] = splitExtension(safeName);
  if (extension && allowed.includes(extension.slice(1).toLowerCase())) return safeName;
  return fitLength(safeName, `.${canonical}`);
}

function trimEnds(s: string): string {
  return s.replace(/^[\s.]+/, "").replace(/[\s.]+$/, "");
}

function fitLength(base: string, extension: string): string {
  const room = MAX_FILE_NAME_LENGTH - chars(extension).length;
  const shortened = chars(base).length > room ? trimEnds(chars(base).slice(0, room).join("")) : base;
  return `${shortened || "file"}${extension}`;
}

/**
 * A Content-Disposition value that makes browsers download the file under its name: an ASCII
 * `filename` for old clients and the exact name as RFC 8187 `filename*`.
 */
export function attachmentDisposition(fileName: string): string {
  const safe = safeFileName(fileName);
  const ascii = safe.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
