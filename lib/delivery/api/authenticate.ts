import "server-only";
/**
 * Who is calling the pull API: the `Authorization: Bearer cpk_…` header, looked up by its hash
 * (api-keys.ts). An absent, malformed, unknown or revoked key is "unauthorized" alike (401; the
 * answer never says which). A known key is then rate limited (lib/auth/throttle.ts, a fixed
 * window per key kept in Postgres, so every web instance counts together) and its last use
 * stamped.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { hitThrottle, type ThrottleRule } from "@/lib/auth/throttle";
import { API_KEY_PATTERN, hashApiKey } from "./api-keys";
import { API_RATE_LIMIT } from "./api-rate-limit";

/** The case system behind a key: the teams it may read and answer. */
export type ApiKeyActor = { id: string; name: string; teams: string[]; ip?: string | null };


export type AuthResult = { status: "ok"; key: ApiKeyActor } | { status: "unauthorized" } | { status: "rate-limited"; retryAfterSeconds: number; key: ApiKeyActor };

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export async function authenticate(db: DbOrTx, header: string | null | undefined, now: Date, options: { rule?: ThrottleRule; ip?: string | null } = {}): Promise<AuthResult> {
  const token = BEARER.exec(header ?? "")?.[1];
  if (!token || !API_KEY_PATTERN.test(token)) return { status: "unauthorized" };
  const [row] = await db
    .select({ id: apiKeys.id, name: apiKeys.name, teams: apiKeys.teams })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(token)), isNull(apiKeys.revokedAt)));
  if (!row) return { status: "unauthorized" };
  const key: ApiKeyActor = { ...row, ip: options.ip ?? null };
  const throttle = await hitThrottle(db, `api-key:${row.id}`, options.rule ?? API_RATE_LIMIT, now);
  if (!throttle.allowed) return { status: "rate-limited", retryAfterSeconds: throttle.retryAfterSeconds, key };
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id));
  return { status: "ok", key };
}
