/**
 * Guards for an upload request's body, before and while it is read: its declared length, and a
 * byte count that cuts the body off (destroying the request, so the rest is never read) once it
 * passes what the form can still take.
 */
import { Transform, type TransformCallback } from "node:stream";

/** Room for a multipart body's own bytes (boundaries, part headers, the small form fields). */
export const MULTIPART_ALLOWANCE = 64 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super("upload body larger than allowed");
    this.name = "BodyTooLargeError";
  }
}

/** The Content-Length a request declares; null when it declares none (chunked) or nonsense. */
export function declaredLength(headers: Pick<Headers, "get">): number | null {
  const value = headers.get("content-length");
  return value !== null && /^\d{1,15}$/.test(value.trim()) ? Number(value) : null;
}

/** Passes bytes through until more than `limit` have come, then fails with BodyTooLargeError. */
export function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) return callback(new BodyTooLargeError());
      callback(null, chunk);
    },
  });
}
