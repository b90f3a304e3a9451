/**
 * The SHA-256 of a sent file. Uploads store it as they stream (lib/attachments/stream-upload.ts);
 * a file uploaded before that has none, so the first document that lists it reads the object
 * once, hashes it and writes the hash back (only where it is still missing), and every later
 * document reads it from the row.
 */
import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { attachments } from "@/db/schema";
import type { Storage } from "@/lib/storage";

export type HashStorage = Pick<Storage, "get">;

export class MissingObjectError extends Error {
  constructor(readonly attachmentId: string) {
    super(`The stored object of attachment ${attachmentId} is missing`);
    this.name = "MissingObjectError";
  }
}

/** The file's hash: the row's, or one computed from storage and kept. A missing object is a broken invariant: it throws. */
export async function sha256Of(db: Pick<DbOrTx, "update">, storage: HashStorage, file: { id: string; objectKey: string; sha256: string | null }): Promise<string> {
  if (file.sha256) return file.sha256;
  const body = await storage.get(file.objectKey);
  if (!body) throw new MissingObjectError(file.id);
  const hash = createHash("sha256");
  for await (const chunk of body) hash.update(chunk as Buffer);
  const sha256 = hash.digest("hex");
  await db.update(attachments).set({ sha256 }).where(and(eq(attachments.id, file.id), isNull(attachments.sha256)));
  return sha256;
}
