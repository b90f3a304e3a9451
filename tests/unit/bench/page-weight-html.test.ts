import { describe, expect, it } from "vitest";
import { nomoduleScriptUrls, scriptUrls, sumWeights } from "@/tests/bench/page-weight-html";

const page = "http://127.0.0.1:3500/drafts/abc/section/x";

describe("scriptUrls", () => {
  it("collects script srcs, modulepreloads and script preloads once each, resolved", () => {
    const html = `<!DOCTYPE html><html><head>
      <link rel="stylesheet" href="/_next/static/css/a.css">
      <link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack-1.js"/>
      <link rel="modulepreload" href="chunks/m.js">
      <link rel="preload" as="font" href="/font.woff2">
      <script src="/_next/static/chunks/webpack-1.js" async=""></script>
      <script src='/_next/static/chunks/main-app.js?v=1&amp;x=2' async></script>
      <script>self.__next_f.push([1,"inline"])</script>
      <script src="https://cdn.example.com/tracker.js"></script>
      <script src="/_next/static/chunks/polyfills.js" noModule=""></script>
    </head></html>`;
    expect(scriptUrls(html, page)).toEqual([
      "http://127.0.0.1:3500/_next/static/chunks/webpack-1.js",
      "http://127.0.0.1:3500/drafts/abc/section/chunks/m.js",
      "http://127.0.0.1:3500/_next/static/chunks/main-app.js?v=1&x=2",
    ]);
  });

  it("lists nomodule scripts apart: a browser that runs modules never downloads them", () => {
    const html = `<script src="/_next/static/chunks/a.js" async=""></script>
      <script src="/_next/static/chunks/polyfills.js" noModule="" nonce="n"></script>
      <script nomodule src="/_next/static/chunks/legacy.js"></script>`;
    expect(scriptUrls(html, page)).toEqual(["http://127.0.0.1:3500/_next/static/chunks/a.js"]);
    expect(nomoduleScriptUrls(html, page)).toEqual(["http://127.0.0.1:3500/_next/static/chunks/polyfills.js", "http://127.0.0.1:3500/_next/static/chunks/legacy.js"]);
  });

  it("finds nothing in a page without scripts", () => {
    expect(scriptUrls("<html><body><p>Hello</p></body></html>", page)).toEqual([]);
  });
});

describe("sumWeights", () => {
  it("adds each column and counts the files", () => {
    expect(
      sumWeights([
        { url: "a", raw: 1000, gzip: 300, brotli: 250 },
        { url: "b", raw: 2000, gzip: 700, brotli: 600 },
      ]),
    ).toEqual({ files: 2, raw: 3000, gzip: 1000, brotli: 850 });
    expect(sumWeights([])).toEqual({ files: 0, raw: 0, gzip: 0, brotli: 0 });
  });
});
