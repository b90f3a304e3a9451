import "server-only";
import { cookies } from "next/headers";
import { appSettings } from "@/lib/config/env";
import { isServedOverHttps } from "@/lib/security/https";
import { sessionCookieName, sessionCookieReader, type SessionCookieReader } from "@/lib/auth/session-cookie";

// Kept on globalThis: Next.js may load this module once per route bundle in one process, and
// one map of decoded cookies per process is enough (and keeps the bound a bound per process).
const state = globalThis as typeof globalThis & { portalSessionCookie?: { secret: string; name: string; reader: SessionCookieReader } };

/** This request's session cookie (as app/_auth/auth.ts names it), with the process's reader for it. */
export async function requestSessionCookie(): Promise<{ reader: SessionCookieReader; cookie: string | undefined }> {
  const settings = appSettings();
  const name = sessionCookieName(isServedOverHttps(settings.APP_URL));
  let kept = state.portalSessionCookie;
  if (!kept || kept.secret !== settings.AUTH_SECRET || kept.name !== name) {
    kept = { secret: settings.AUTH_SECRET, name, reader: sessionCookieReader(settings.AUTH_SECRET, name) };
    state.portalSessionCookie = kept;
  }
  return { reader: kept.reader, cookie: (await cookies()).get(name)?.value };
}

/** The session row this request's cookie names, live or not (the row is not read here), or null. */
export async function requestSessionId(): Promise<string | null> {
  const { reader, cookie } = await requestSessionCookie();
  return reader.sessionIdOf(cookie);
}
