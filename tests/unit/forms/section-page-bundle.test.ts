/**
 * The section page's browser code stays small (issue 19, point 1): from the client component
 * down, no module imports the question types' schemas (zod) or the engine's server side. A
 * static walk of the value imports (`import type` is erased, so it is skipped) from
 * section-form.tsx, resolving `@/` and relative paths; a "use server" module is not followed (the
 * browser gets references to its actions).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && !candidate.endsWith(path.sep) && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** Every module reached through value imports, and the packages imported on the way. */
function importGraph(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    const source = readFileSync(file, "utf8");
    // A "use server" module reaches the browser as references to its actions, not as code.
    if (/^\s*["']use server["'];/m.test(source.split("\n").slice(0, 3).join("\n"))) return;
    for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+"([^"]+)";/gms)) {
      const specifier = match[1]!;
      const target = resolve(file, specifier);
      if (target) visit(target);
      else if (!specifier.startsWith(".") && !specifier.startsWith("@/")) packages.add(specifier);
    }
  };
  visit(entry);
  return { modules, packages };
}

describe("the section page's client component", () => {
  it("imports no zod schema and none of the engine's server modules", () => {
    const { modules, packages } = importGraph(path.join(root, "app/(portal)/drafts/_engine/section-form.tsx"));
    const relative = [...modules].map((file) => path.relative(root, file));
    expect(relative).toContain("lib/forms/page-fields.ts");
    expect([...packages].filter((name) => name === "zod" || name.startsWith("zod/"))).toEqual([]);
    expect(relative.filter((file) => file.startsWith("lib/forms/question-types/") && file !== "lib/forms/question-types/limits.ts")).toEqual([]);
    expect(relative).not.toContain("lib/forms/section-form.ts");
    expect(relative).not.toContain("lib/forms/journey.ts");
  });
});
