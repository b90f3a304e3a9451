/**
 * Whether the portal is served over https, as APP_URL says: then every cookie it sets is
 * `Secure` (and the session and kept-post cookies take their `__Secure-`/`__Host-` names) and the
 * CSP asks browsers to upgrade insecure requests. Plain http is for development on one machine:
 * production mode refuses an http APP_URL (lib/config/env.ts).
 */
export const isServedOverHttps = (appUrl: string | undefined): boolean => (appUrl ?? "").startsWith("https://");
