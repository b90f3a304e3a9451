/**
 * What the portal's web server decides about a request before Next.js sees it (see
 * web-server.ts): the client's address, cross-site writes, and development pages.
 * Returns false when it has answered the request itself.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_ADDRESS_HEADER } from "@/lib/security/client-address";
import { compileTrust, isLoopback, resolveClientAddress } from "@/lib/security/trusted-proxies";
import { isSameOriginWrite, isStateChanging } from "@/lib/security/same-origin";
import { refusalPage } from "@/lib/security/refusal-page";

export function portalRequestGate(options: { appUrl: string; trustedProxies: string | undefined; hasDevPages: boolean }) {
  const trust = compileTrust(options.trustedProxies);
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const address = resolveClientAddress(request, trust);
    request.headers[CLIENT_ADDRESS_HEADER] = address;
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (/^\/dev(\/|$)/i.test(path) && !(options.hasDevPages && isLoopback(address))) {
      refuse(response, 404, "Page not found", "If you typed the web address, check it is correct.");
      return false;
    }
    if (isStateChanging(request.method) && !isSameOriginWrite(request.headers, options.appUrl) && !isBearerApiCall(path, request.headers.authorization)) {
      refuse(response, 403, "This request was refused", "It did not come from a page of this website. Go back to the page you were on and try again.");
      return false;
    }
    return true;
  };
}

/**
 * The case system's writes to the pull API (/api/v1/…) come from its own server, not a page of
 * ours. Those routes read no cookie or session, only the bearer key (app/api/v1/_support), so a
 * cross-site page cannot act through them: a browser will not add the key on its own.
 */
function isBearerApiCall(path: string, authorization: string | undefined): boolean {
  return path.startsWith("/api/v1/") && /^Bearer\s/i.test(authorization ?? "");
}

function refuse(response: ServerResponse, status: number, title: string, body: string) {
  response.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    Connection: "close",
  });
  response.end(refusalPage(title, body));
}
