/**
 * A request's path as the route that serves it (/drafts/[draftId]/pdf), for metric labels: a raw
 * path holds ids and references, and one label value per id would grow the metrics without
 * bound. The routes are Next's own, from the build's routes-manifest.json (static routes by
 * their exact path, dynamic ones by the regex Next matches them with); a path no route serves is
 * "(other)", so a scanner probing thousands of addresses adds one label, not thousands. In
 * `next dev` the manifest may not list a page until it is first compiled: such requests count
 * as "(other)".
 */
import { readFileSync } from "node:fs";
import path from "node:path";

type ManifestRoute = { page: string; regex: string };
type RoutesManifest = { staticRoutes?: ManifestRoute[]; dynamicRoutes?: ManifestRoute[] };

export type RouteMatcher = (pathname: string) => string;

const FIXED_PREFIXES: [RegExp, string][] = [
  [/^\/_next\/static\//, "/_next/static"],
  [/^\/_next\/image/, "/_next/image"],
  [/^\/_next\//, "/_next"],
];

export function routeMatcherFor(manifest: RoutesManifest): RouteMatcher {
  const exact = new Set((manifest.staticRoutes ?? []).map((route) => route.page));
  const dynamic = (manifest.dynamicRoutes ?? []).map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  return (pathname) => {
    const clean = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
    for (const [prefix, label] of FIXED_PREFIXES) if (prefix.test(clean)) return label;
    if (exact.has(clean)) return clean;
    return dynamic.find((route) => route.regex.test(clean))?.page ?? "(other)";
  };
}

/** The matcher for the build in `distDir` (no build yet: every path is "(other)"). */
export function loadRouteMatcher(distDir: string): RouteMatcher {
  try {
    return routeMatcherFor(JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")) as RoutesManifest);
  } catch {
    return routeMatcherFor({});
  }
}
