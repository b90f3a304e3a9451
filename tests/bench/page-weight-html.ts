/**
 * Pure parts of the page-weight figures (tests/bench/page-weight.ts): which JavaScript files a
 * page's HTML makes the browser load on its first visit, and their sum.
 */

/**
 * The same-origin JavaScript a page loads at once: each `<script src>` and each
 * `<link rel="modulepreload">` or `<link rel="preload" as="script">` href, in order, each once,
 * resolved against `pageUrl`. Scripts on another origin are left out (the portal has none), so
 * are inline scripts (their bytes are in the HTML) and `nomodule` ones (polyfills that no browser
 * running modules downloads).
 */
export function scriptUrls(html: string, pageUrl: string): string[] {
  return pageScripts(html, pageUrl).loaded;
}

/**
 * The same-origin `<script nomodule src>` files of a page (Next's polyfills for browsers
 * without JavaScript modules). Every browser that runs modules skips them without downloading
 * them, so they are reported apart, never in a page's first-load figure.
 */
export function nomoduleScriptUrls(html: string, pageUrl: string): string[] {
  return pageScripts(html, pageUrl).nomodule;
}

function pageScripts(html: string, pageUrl: string): { loaded: string[]; nomodule: string[] } {
  const origin = new URL(pageUrl).origin;
  const loaded: string[] = [];
  const nomodule: string[] = [];
  const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i"))?.slice(1).find((value) => value !== undefined);
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const isScript = /^<script/i.test(tag);
    let href: string | undefined;
    let found = loaded;
    if (isScript) {
      href = attribute(tag, "src");
      if (/\snomodule\b/i.test(tag)) found = nomodule;
    } else {
      const rel = (attribute(tag, "rel") ?? "").toLowerCase().split(/\s+/);
      const as = (attribute(tag, "as") ?? "").toLowerCase();
      if (rel.includes("modulepreload") || (rel.includes("preload") && as === "script")) href = attribute(tag, "href");
    }
    if (!href) continue;
    const url = new URL(href.replace(/&amp;/g, "&"), pageUrl);
    if (url.origin !== origin) continue;
    if (!found.includes(url.href)) found.push(url.href);
  }
  return { loaded, nomodule };
}

export type ChunkWeight = { url: string; raw: number; gzip: number; brotli: number };
export type Weight = { files: number; raw: number; gzip: number; brotli: number };

export function sumWeights(chunks: readonly ChunkWeight[]): Weight {
  return chunks.reduce((sum, chunk) => ({ files: sum.files + 1, raw: sum.raw + chunk.raw, gzip: sum.gzip + chunk.gzip, brotli: sum.brotli + chunk.brotli }), {
    files: 0,
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
}

/** Kilobytes (1,024 bytes) with one decimal. */
export const kilobytes = (bytes: number) => (bytes / 1024).toFixed(1);
