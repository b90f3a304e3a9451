/**
 * A place to return to after signing in (`returnTo`): a path on this site, never another one.
 *
 * The value is resolved with the WHATWG URL parser (what browsers use) against APP_URL and kept
 * only if it stays on our origin and is already in its normal form: a path that starts with
 * exactly one "/", with no dot segments, backslashes, encoded slashes or backslashes, control
 * characters (browsers drop tabs and newlines, so "/\t/evil.example" would become
 * "//evil.example"), schemes or hosts. Anything else gives the default page.
 */
const REFUSED_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\\]|%(2f|5c|0[0-9a-f]|1[0-9a-f]|7f)/i;
const NEVER_RETURN_TO = ["/account/sign-in", "/api/"];

export function safeReturnTo(value: unknown, fallback = "/account", appUrl = process.env.APP_URL || "http://localhost"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || REFUSED_CHARACTERS.test(value)) return fallback;
  if (!URL.canParse(appUrl)) return fallback;
  const base = new URL(appUrl);
  if (!URL.canParse(value, base)) return fallback;
  const resolved = new URL(value, base);
  if (resolved.origin !== base.origin || resolved.username || resolved.password) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // Anything the parser rewrote (dot segments, "%2e%2e", odd characters) was not a plain path of ours.
  if (path !== value || !path.startsWith("/") || path.startsWith("//")) return fallback;
  if (NEVER_RETURN_TO.some((prefix) => path.startsWith(prefix))) return fallback;
  return path;
}
