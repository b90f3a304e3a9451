/**
 * Cross-site request refusal. A request that changes something must come from a page of ours:
 * the browser's Sec-Fetch-Site says "same-origin", or (for clients that do not send it) the
 * Origin header is our own. An absent or "null" Origin is refused: a form post from a page of
 * ours always carries one.
 */
type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(method: string | undefined): boolean {
  return !SAFE_METHODS.has((method ?? "GET").toUpperCase());
}

function read(headers: HeaderSource, name: string): string | null {
  if (typeof headers.get === "function") return (headers as { get(name: string): string | null }).get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

export function isSameOriginWrite(headers: HeaderSource, appUrl: string): boolean {
  const site = read(headers, "sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = read(headers, "origin");
  if (!origin || origin === "null" || !URL.canParse(origin)) return false;
  const parsed = new URL(origin);
  if (parsed.origin === new URL(appUrl).origin) return true;
  // The host the request was sent to (what Next's own server-action check compares with).
  const host = read(headers, "host");
  return Boolean(host) && parsed.host === host && (parsed.protocol === "http:" || parsed.protocol === "https:");
}
