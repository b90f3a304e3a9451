/**
 * Fails when a "use server" file exports anything but server actions made by the one wrapper
 * (`export const xAction = serverAction(…)` or `stateAction(…)`, app/_actions/server-action.ts).
 * Every export of such a file becomes a public endpoint, so a schema, a constant or a sync helper
 * must live elsewhere (a sibling schemas.ts), and an action written by hand would skip the
 * wrapper's same-origin, who-is-acting and input checks. Run by `npm run check:actions`, part of
 * `npm test`.
 *
 * It also fails a "use server" file that names `FormData` or `formData` (in code, not comments):
 * the wrapper reads the post once, and an action gets its parsed input (and, for echoing back or
 * the form engine, the read-only record of posted fields), so a field read by hand
 * (`formData.get(…)`) would skip the schema.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOTS = ["app", "lib", "components"];

function listSources(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listSources(full);
      return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
    });
  } catch {
    return [];
  }
}

function hasUseServerDirective(source: ts.SourceFile): boolean {
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === "use server") return true;
  }
  return false;
}

const WRAPPERS = new Set(["serverAction", "stateAction"]);
const hasExport = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

const isDefault = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

/** The problems in one file's text, as "name: why" strings. */
export function findNonActionExports(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  if (!hasUseServerDirective(source)) return [];
  const problems: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement)) problems.push("default export: export a named async function instead");
    else if (ts.isExportDeclaration(statement)) {
      if (!statement.isTypeOnly) problems.push("re-export: a 'use server' file may only declare its own async actions");
    } else if (!hasExport(statement)) continue;
    else if (ts.isFunctionDeclaration(statement)) {
      const name = statement.name?.text;
      if (isDefault(statement)) problems.push("default export: export a named action instead");
      else problems.push(`${name}: write it as \`export const ${name} = serverAction(…)\` (or stateAction) so it goes through the wrapper`);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        const name = declaration.name.getText();
        const isWrapped = init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && WRAPPERS.has(init.expression.text);
        if (!isWrapped) problems.push(`${name}: not made by serverAction(…) or stateAction(…)`);
        else if (!name.endsWith("Action")) problems.push(`${name}: name server actions …Action`);
      }
    } else if (!ts.isTypeAliasDeclaration(statement) && !ts.isInterfaceDeclaration(statement)) {
      problems.push(`${ts.SyntaxKind[statement.kind]}: only async functions may be exported`);
    }
  }
  return problems;
}

const RAW_POST_NAMES = new Set(["FormData", "formData"]);

/** Where one file's code names the raw post (FormData, formData), as "line N: why" strings. */
export function findFormDataUses(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  if (!hasUseServerDirective(source)) return [];
  const problems: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && RAW_POST_NAMES.has(node.text)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      problems.push(`line ${line}: ${node.text}: read the post through the action's schema (or the context's posted fields), never the FormData`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

function main() {
  const sources = ROOTS.flatMap(listSources).map((file) => ({ file, text: readFileSync(file, "utf8") }));
  const exports = sources.flatMap(({ file, text }) => findNonActionExports(file, text).map((problem) => `${file}: ${problem}`));
  const reads = sources.flatMap(({ file, text }) => findFormDataUses(file, text).map((problem) => `${file}: ${problem}`));
  if (exports.length > 0) process.stderr.write(`"use server" files may export only actions made by serverAction or stateAction:\n${exports.join("\n")}\n`);
  if (reads.length > 0) process.stderr.write(`"use server" files may not read the FormData by hand:\n${reads.join("\n")}\n`);
  if (exports.length > 0 || reads.length > 0) process.exit(1);
  process.stdout.write("use-server check: every \"use server\" file exports only wrapped actions and reads no FormData\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) main();
