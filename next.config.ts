import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Side-by-side builds (a second test run in the same checkout) set their own folder.
  distDir: process.env.PORTAL_DIST_DIR || ".next",
  // Every page's <title> in the <head> of the first bytes, for every browser: Next otherwise
  // streams metadata into the body for browsers it does not count as bots, and a page can load
  // (and be read by a screen reader, or checked by axe) before its title arrives.
  htmlLimitedBots: /.*/,
  // `npm test` type-checks the whole tree (tests included) with tsc; the build need not again.
  typescript: { ignoreBuildErrors: true },
  // Native or process-owning packages stay outside the server bundle.
  serverExternalPackages: [
    "puppeteer-core",
    "@sparticuz/chromium",
    "pg-boss",
    "postgres",
    "nodemailer",
    "mailparser",
    "@node-rs/argon2",
    // One copy shared with the web server (lib/metrics/registry.ts); pino is external by default.
    "prom-client",
    "pino",
  ],
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
  experimental: {
    // forbidden(): the action wrapper's same-origin check answers with app/forbidden.tsx (403).
    authInterrupts: true,
    // Server actions keep Next's default body limit (1 MB): no file goes through one. Uploads post
    // to route handlers that stream them (drafts/[draftId]/attachments, staff/send/…/documents/
    // upload), and the largest section post, every field at its maximum, is well under 1 MB.
  },
};

export default nextConfig;
