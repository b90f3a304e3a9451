import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/security/headers";
import { isServedOverHttps } from "@/lib/security/https";

/**
 * Gives every page a per-request CSP nonce (Next.js reads it from the request header and puts
 * it on its own scripts) and marks pages as not to be cached: they may show personal data.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, {
    isDev: process.env.NODE_ENV === "development",
    isHttps: isServedOverHttps(process.env.APP_URL),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export const config = {
  matcher: [
    {
      // Not static files, not the mailbox's raw HTML (it sets its own stricter policy), and not
      // the file uploads (draft attachments, SEND documents): Next buffers (and cuts off at
      // 10 MB) the body of any request the proxy sees, and an upload must stream through untouched.
      source: "/((?!_next/static|_next/image|favicon.ico|council-logo.svg|dev/mailbox/[^/]+/html|drafts/[^/]+/attachments$|staff/send/[^/]+/documents/upload$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
