/** A place to return to after signing in: only a path on this site, never another origin. */
export function safeReturnTo(value: unknown, fallback = "/account"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (value.startsWith("/account/sign-in") || value.startsWith("/api/")) return fallback;
  return value;
}
