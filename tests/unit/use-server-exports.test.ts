import { describe, expect, it } from "vitest";
import { findFormDataUses, findNonActionExports } from "@/tests/checks/use-server-exports";

describe('the "use server" export check', () => {
  it("accepts actions made by the wrapper, and types", () => {
    const text = `"use server";\nexport type FormState = { ok: boolean };\nexport const saveAction = serverAction({}, async () => {});\nexport const sendAction = stateAction({}, async () => {});\nconst helper = 1;`;
    expect(findNonActionExports("actions.ts", text)).toEqual([]);
  });

  it("refuses an action written by hand, which would skip the origin, user and input checks", () => {
    const text = `"use server";\nexport async function saveAction(formData: FormData) {}\nexport const sendAction = async () => {};`;
    expect(findNonActionExports("actions.ts", text)).toEqual([
      "saveAction: write it as `export const saveAction = serverAction(…)` (or stateAction) so it goes through the wrapper",
      "sendAction: not made by serverAction(…) or stateAction(…)",
    ]);
  });

  it("flags schemas, constants, sync functions, default and re-exports", () => {
    const text = `"use server";\nimport { z } from "zod";\nexport const schema = z.object({});\nexport default async function x() {}\nexport { other } from "./other";`;
    expect(findNonActionExports("actions.ts", text)).toEqual([
      "schema: not made by serverAction(…) or stateAction(…)",
      "default export: export a named action instead",
      "re-export: a 'use server' file may only declare its own async actions",
    ]);
  });

  it("wants server actions named …Action", () => {
    expect(findNonActionExports("actions.ts", `"use server";\nexport const save = serverAction({}, async () => {});`)).toEqual(["save: name server actions …Action"]);
  });

  it("ignores files without the directive", () => {
    expect(findNonActionExports("lib.ts", `export const schema = 1;`)).toEqual([]);
  });
});

describe('the "use server" FormData check', () => {
  it("refuses an action file that reads the post by hand, in a returnTo, an onInvalid or a helper", () => {
    const text = [
      `"use server";`,
      "const casePath = (formData: FormData) => `/cases/${formData.get(\"caseId\")}`;",
      `export const saveAction = serverAction({ returnTo: casePath }, async (input, { fields }) => {});`,
      `function reply(form: FormData) { return form.get("x"); }`,
    ].join("\n");
    expect(findFormDataUses("actions.ts", text)).toEqual([
      "line 2: formData: read the post through the action's schema (or the context's posted fields), never the FormData",
      "line 2: FormData: read the post through the action's schema (or the context's posted fields), never the FormData",
      "line 2: formData: read the post through the action's schema (or the context's posted fields), never the FormData",
      "line 4: FormData: read the post through the action's schema (or the context's posted fields), never the FormData",
    ]);
  });

  it("accepts actions that take the parsed input and the posted fields, and comments that mention FormData", () => {
    const text = `"use server";\n// The wrapper reads the FormData, never this file.\nexport const saveAction = serverAction({ returnTo: { field: "caseId", path: (id) => id } }, async (input, { fields }) => typedValues(fields));`;
    expect(findFormDataUses("actions.ts", text)).toEqual([]);
  });

  it("ignores files without the directive (the wrapper itself reads the FormData)", () => {
    expect(findFormDataUses("server-action.ts", `import "server-only";\nexport const read = (formData: FormData) => formData.get("x");`)).toEqual([]);
  });
});
