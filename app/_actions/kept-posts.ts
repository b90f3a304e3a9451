import "server-only";
/**
 * Keeping a post that arrives after the session has ended, and giving it back after sign-in
 * (issue 15). The wrapper (server-action.ts) calls `keptReturnTo` for an action whose spec has
 * `keep`; the page that sign-in returns to calls `takeKept`.
 *
 * Bound to: the person whose session the post's cookie names (the ended session row's user; no
 * cookie, nothing kept), the target the spec names (the draft must be theirs), and this browser
 * (a random HttpOnly cookie of its own, stored only as a hash), so a kept post can only come
 * back to the same person, in the same browser, on the same draft or case.
 */
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { appSettings } from "@/lib/config/env";
import { isServedOverHttps } from "@/lib/security/https";
import { now } from "@/lib/clock";
import { logEvent } from "@/lib/log";
import { keptFieldsOf, type KeptFields } from "@/lib/kept-posts/fields";
import { sessionOwnerOf } from "@/lib/kept-posts/session-owner";
import { KEPT_POST_LIFETIME_MS, keepPost, takeKeptPost, type KeptKind } from "@/lib/kept-posts/store";
import { requestSessionId } from "@/app/_auth/session-cookie";
import { sessionUser } from "@/app/_auth/current-user";
import type { PostedFields } from "@/lib/posted-fields";

/** What the action is posting to, and where sign-in should come back to once it is kept. */
export type KeptTarget = { targetId: string | null; restorePath: (keptId: string) => string };

export type KeepSpec = {
  kind: KeptKind;
  /** The target of this post for the ended session's person, or null to keep nothing (not theirs, malformed). */
  targetOf: (fields: PostedFields, userId: string) => Promise<KeptTarget | null>;
};

const isHttps = () => isServedOverHttps(appSettings().APP_URL);
const browserCookieName = () => (isHttps() ? "__Host-portal.kept" : "portal.kept");

/**
 * For a post with no live session: keeps it and returns where sign-in should come back to (the
 * page that restores it), or null to go to sign-in as usual (a live session, no session cookie,
 * a target that is not theirs, too large, too many waiting).
 */
export async function keptReturnTo(keep: KeepSpec | undefined, fields: PostedFields): Promise<string | null> {
  if (!keep || (await sessionUser())) return null;
  try {
    const sessionId = await requestSessionId();
    const userId = sessionId ? await sessionOwnerOf(getDb(), sessionId) : null;
    if (!userId) return null;
    const target = await keep.targetOf(fields, userId);
    if (!target) return null;
    const kept = await keepPost(getDb(), {
      kind: keep.kind,
      targetId: target.targetId,
      userId,
      browserKey: await browserKey(),
      fields: keptFieldsOf(fields),
      secret: appSettings().AUTH_SECRET,
      now: now(),
    });
    if (kept.status !== "kept") {
      logEvent("kept-post.refused", { kind: keep.kind, userId, reason: kept.status });
      return null;
    }
    logEvent("kept-post.kept", { kind: keep.kind, keptId: kept.id, userId, targetId: target.targetId });
    return target.restorePath(kept.id);
  } catch (error) {
    // Keeping is a kindness: if it fails, sign-in still comes, as it did before.
    logEvent("kept-post.failed", { kind: keep.kind, error: error instanceof Error ? error.name : "unknown" });
    return null;
  }
}

/** The kept post `keptId` for this person, kind and target in this browser, once; else null. */
export async function takeKept(kind: KeptKind, keptId: string | undefined, targetId: string | null, userId: string): Promise<KeptFields | null> {
  const key = (await cookies()).get(browserCookieName())?.value;
  if (!keptId || !key) return null;
  const fields = await takeKeptPost(getDb(), { id: keptId, kind, targetId, userId, browserKey: key, secret: appSettings().AUTH_SECRET, now: now() });
  logEvent(fields ? "kept-post.restored" : "kept-post.not-found", { kind, keptId: fields ? keptId : undefined, userId });
  return fields;
}

/** This browser's random key, set (or renewed) for as long as a kept post waits. */
async function browserKey(): Promise<string> {
  const jar = await cookies();
  const key = jar.get(browserCookieName())?.value ?? randomBytes(32).toString("base64url");
  jar.set(browserCookieName(), key, { httpOnly: true, sameSite: "lax", secure: isHttps(), path: "/", maxAge: KEPT_POST_LIFETIME_MS / 1000 });
  return key;
}
