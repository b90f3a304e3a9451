/**
 * Kept posts (issue 15): a section, Update Account or New Message post that arrived after the
 * person's session had ended, kept so that signing in again loses nothing.
 *
 * A kept post is bound to the person of the ended session, the draft or case it was posted to,
 * and the browser that posted it (a hash of that browser's own random cookie), and it can be
 * taken once, by that person in that browser for that target, within two hours. Anything else
 * (another person, another draft, another browser, too late, a second time) finds nothing,
 * exactly like an id that was never issued. The fields are sealed with AES-256-GCM (cipher.ts)
 * with the row's bindings as associated data. Nothing here logs a value. (No `server-only`
 * import: the launcher's job worker, outside Next, runs the housekeeping that deletes rows.)
 */
import { createHash, randomUUID } from "node:crypto";
import { and, count, eq, gt, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { keptPosts } from "@/db/schema";
import { isUuid } from "@/lib/security/uuid";
import { keptPostKey, open, seal } from "./cipher";
import type { KeptFields } from "./fields";

export type KeptKind = "section" | "account" | "send-message";

/** How long a kept post waits for its person to sign in again. */
export const KEPT_POST_LIFETIME_MS = 2 * 60 * 60 * 1000;
/** The most a kept post may hold (its fields as JSON); a section page is a few KB. */
export const MAX_KEPT_POST_BYTES = 200 * 1024;
/** The most kept posts one person may have waiting at once. */
export const MAX_WAITING_KEPT_POSTS = 20;

export type KeptPostBinding = {
  kind: KeptKind;
  /** The draft (section) or the case (send-message); null for Update Account. */
  targetId: string | null;
  userId: string;
  /** The posting browser's own random value (a cookie); only its hash is stored. */
  browserKey: string;
};

export type KeepResult = { status: "kept"; id: string } | { status: "too-large" } | { status: "too-many" };

const browserHashOf = (browserKey: string) => createHash("sha256").update(browserKey).digest("base64url");

/** Everything the ciphertext is bound to, as GCM's associated data. */
const associatedData = (id: string, binding: KeptPostBinding) =>
  JSON.stringify([id, binding.kind, binding.targetId, binding.userId, browserHashOf(binding.browserKey)]);

export async function keepPost(db: DbOrTx, input: KeptPostBinding & { secret: string; fields: KeptFields; now: Date }): Promise<KeepResult> {
  const plaintext = JSON.stringify(input.fields);
  if (Buffer.byteLength(plaintext) > MAX_KEPT_POST_BYTES) return { status: "too-large" };
  const [waiting] = await db
    .select({ n: count() })
    .from(keptPosts)
    .where(and(eq(keptPosts.userId, input.userId), isNull(keptPosts.usedAt), gt(keptPosts.expiresAt, input.now)));
  if ((waiting?.n ?? 0) >= MAX_WAITING_KEPT_POSTS) return { status: "too-many" };
  const id = randomUUID();
  const sealed = seal(keptPostKey(input.secret), plaintext, associatedData(id, input));
  await db.insert(keptPosts).values({
    id,
    kind: input.kind,
    targetId: input.targetId,
    userId: input.userId,
    browserHash: browserHashOf(input.browserKey),
    ...sealed,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + KEPT_POST_LIFETIME_MS),
  });
  return { status: "kept", id };
}

/**
 * The kept post's fields, if `id` is a live kept post bound to exactly this person, kind,
 * target and browser; it is marked used by the same statement, so it is given out once.
 * Null for anything else.
 */
export async function takeKeptPost(db: DbOrTx, input: KeptPostBinding & { secret: string; id: string; now: Date }): Promise<KeptFields | null> {
  if (!isUuid(input.id) || (input.targetId !== null && !isUuid(input.targetId))) return null;
  const [row] = await db
    .update(keptPosts)
    .set({ usedAt: input.now })
    .where(
      and(
        eq(keptPosts.id, input.id),
        eq(keptPosts.kind, input.kind),
        eq(keptPosts.userId, input.userId),
        eq(keptPosts.browserHash, browserHashOf(input.browserKey)),
        input.targetId === null ? isNull(keptPosts.targetId) : eq(keptPosts.targetId, input.targetId),
        isNull(keptPosts.usedAt),
        gt(keptPosts.expiresAt, input.now),
      ),
    )
    .returning({ iv: keptPosts.iv, tag: keptPosts.tag, ciphertext: keptPosts.ciphertext });
  if (!row) return null;
  const plaintext = open(keptPostKey(input.secret), row, associatedData(input.id, input));
  return plaintext === null ? null : parseFields(plaintext);
}

/** Housekeeping: kept posts past their time, and those already given back. */
export async function deleteFinishedKeptPosts(db: DbOrTx, now: Date): Promise<number> {
  const deleted = await db
    .delete(keptPosts)
    .where(or(lte(keptPosts.expiresAt, now), isNotNull(keptPosts.usedAt)))
    .returning({ id: keptPosts.id });
  return deleted.length;
}

function parseFields(plaintext: string): KeptFields | null {
  const parsed: unknown = JSON.parse(plaintext);
  const isField = (entry: unknown) => Array.isArray(entry) && entry.length === 2 && entry.every((part) => typeof part === "string");
  return Array.isArray(parsed) && parsed.every(isField) ? (parsed as KeptFields) : null;
}
