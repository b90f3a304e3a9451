import { describe, expect, it } from "vitest";
import { findNonActionExports } from "@/tests/checks/use-server-exports";

describe('the "use server" export check', () => {
  it("accepts async function and async arrow exports, and types", () => {
    const text = `"use server";\nexport type FormState = { ok: boolean };\nexport async function saveAction() {}\nexport const sendAction = async () => {};\nconst helper = 1;`;
    expect(findNonActionExports("actions.ts", text)).toEqual([]);
  });

  it("flags schemas, constants, sync functions, default and re-exports", () => {
    const text = `"use server";\nimport { z } from "zod";\nexport const schema = z.object({});\nexport function sync() {}\nexport default async function x() {}\nexport { other } from "./other";`;
    expect(findNonActionExports("actions.ts", text)).toEqual([
      "schema: not an async function",
      "sync: not async",
      "default export: export a named async function instead",
      "re-export: a 'use server' file may only declare its own async actions",
    ]);
  });

  it("wants server actions named …Action", () => {
    expect(findNonActionExports("actions.ts", `"use server";\nexport async function save() {}`)).toEqual(["save: name server actions …Action"]);
  });

  it("ignores files without the directive", () => {
    expect(findNonActionExports("lib.ts", `export const schema = 1;`)).toEqual([]);
  });
});
