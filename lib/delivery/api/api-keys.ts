import "server-only";
/**
 * API keys of the pull API (issue 17 point 3), managed by council admins: created with a name and
 * the teams whose submissions it may read and answer, shown once, listed, revoked.
 *
 * A key reads `cpk_<prefix>_<secret>`: the prefix (8 hex characters) is stored in clear and shown in
 * the admin area so a key can be recognised; the secret is 32 random bytes (base64url). Only the
 * SHA-256 of the whole key is stored (`key_hash`, unique). A plain SHA-256 and not a keyed HMAC or
 * a slow password hash: the key carries 256 random bits, so nobody can guess it back from its
 * hash, and leaving AUTH_SECRET out means rotating that secret does not silently break every case
 * system's key. Lookups are by the hash's equality in an index, so no timing on a comparison.
 *
 * Every function checks that the acting person is a council admin itself, and writes its audit
 * row in the transaction that makes the change.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { apiKeys, auditEvents, teams as teamsTable } from "@/db/schema";
import { isUuid } from "@/lib/security/uuid";
import { isCouncilAdmin } from "@/lib/staff/memberships";

export const API_KEY_PATTERN = /^cpk_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;
export const API_KEY_NAME_MAX = 100;

export type ApiKeyListing = { id: string; name: string; prefix: string; teams: string[]; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export type CreateKeyResult =
  | { status: "created"; id: string; key: string; prefix: string }
  | { status: "invalid"; errors: Partial<Record<"name" | "teams", string>> }
  | { status: "forbidden" };

/** The stored form of a key: SHA-256, hex. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function newApiKey(): { key: string; prefix: string } {
  const prefix = randomBytes(4).toString("hex");
  return { key: `cpk_${prefix}_${randomBytes(32).toString("base64url")}`, prefix };
}

type Admin = { userId: string; ip?: string | null };

export async function createApiKey(db: Db, admin: Admin, input: { name: string; teams: readonly string[] }, now: Date): Promise<CreateKeyResult> {
  if (!(await isCouncilAdmin(db, admin))) return { status: "forbidden" };
  const name = input.name.trim();
  const chosen = [...new Set(input.teams)].sort();
  const errors: Partial<Record<"name" | "teams", string>> = {};
  if (!name) errors.name = "Enter a name for the key, like the case system it is for";
  else if (name.length > API_KEY_NAME_MAX) errors.name = `The name must be ${API_KEY_NAME_MAX} characters or fewer`;
  if (chosen.length === 0) errors.teams = "Choose at least one team";
  else {
    const known = await db.select({ id: teamsTable.id }).from(teamsTable).where(inArray(teamsTable.id, chosen));
    if (known.length !== chosen.length) errors.teams = "One of the teams no longer exists. Reload the page and try again";
  }
  if (errors.name || errors.teams) return { status: "invalid", errors };
  const { key, prefix } = newApiKey();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(apiKeys).values({ name, prefix, keyHash: hashApiKey(key), teams: chosen, createdAt: now, createdBy: admin.userId }).returning({ id: apiKeys.id });
    await recordAdminChange(tx, "api-key-created", admin, row!.id, { name, teams: chosen }, now);
    return { status: "created" as const, id: row!.id, key, prefix };
  });
}

/** Revokes a key from now on; "not-found" for an unknown or already revoked key. */
export async function revokeApiKey(db: Db, admin: Admin, keyId: string, now: Date): Promise<"revoked" | "not-found" | "forbidden"> {
  if (!(await isCouncilAdmin(db, admin))) return "forbidden";
  if (!isUuid(keyId)) return "not-found";
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: now, revokedBy: admin.userId })
      .where(and(eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name });
    if (!row) return "not-found" as const;
    await recordAdminChange(tx, "api-key-revoked", admin, row.id, { name: row.name }, now);
    return "revoked" as const;
  });
}

/** Every key, newest first; empty for anyone who is not a council admin. */
export async function listApiKeys(db: Pick<DbOrTx, "select">, admin: { userId: string }): Promise<ApiKeyListing[]> {
  if (!(await isCouncilAdmin(db, admin))) return [];
  return db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, teams: apiKeys.teams, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

async function recordAdminChange(tx: DbOrTx, event: "api-key-created" | "api-key-revoked", admin: Admin, keyId: string, detail: { name: string; teams?: string[] }, now: Date) {
  // The admin is the person acting; the key is the subject.
  await tx.insert(auditEvents).values({ event, at: now, userId: admin.userId, subjectId: keyId, ip: admin.ip ?? null, detail: { apiKeyId: keyId, ...detail } });
}
