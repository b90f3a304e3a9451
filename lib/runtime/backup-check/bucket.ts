/**
 * The bucket half of the backup check: every object copied to a folder (SHA-256 taken while it
 * streams), then put into another bucket and read back to be hashed again. Objects are streamed,
 * never held in memory whole.
 */
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { PassThrough, Writable, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Storage } from "@/lib/storage";

export type BucketCopy = { checksums: Map<string, string>; bytes: number };

/** Copies every object of `storage` under `folder`; returns each key's SHA-256. */
export async function copyBucketToFolder(storage: Storage, folder: string): Promise<BucketCopy> {
  mkdirSync(folder, { recursive: true });
  const checksums = new Map<string, string>();
  let bytes = 0;
  for (const object of await storage.list("")) {
    const file = fileFor(folder, object.key);
    const body = await storage.get(object.key);
    if (!body) continue; // deleted between the listing and now: not part of the copy
    const hash = createHash("sha256");
    const tee = new PassThrough();
    tee.on("data", (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
    });
    await pipeline(body, tee, createWriteStream(file));
    checksums.set(object.key, hash.digest("hex"));
  }
  return { checksums, bytes };
}

/** Puts each copied object into `storage` under its own key. */
export async function restoreFolderToBucket(folder: string, keys: Iterable<string>, storage: Storage): Promise<void> {
  for (const key of keys) await storage.put(key, createReadStream(fileFor(folder, key)));
}

/** Each object's SHA-256 as `storage` holds it now. */
export async function checksumsOf(storage: Storage): Promise<Map<string, string>> {
  const checksums = new Map<string, string>();
  for (const object of await storage.list("")) {
    const body = await storage.get(object.key);
    if (body) checksums.set(object.key, await sha256Of(body));
  }
  return checksums;
}

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(stream, new Writable({ write: (chunk: Buffer, _encoding, done) => (hash.update(chunk), done()) }));
  return hash.digest("hex");
}

/** The object's file in the copy: named by a hash of its key, so any key (slashes, "..", a key
 * that is also another's prefix) is one plain file. */
function fileFor(folder: string, key: string): string {
  return path.join(folder, createHash("sha256").update(key).digest("hex"));
}
