import { describe, expect, it } from "vitest";
import { READ_ALOUD_ALPHABET, randomReadAloud } from "@/lib/security/read-aloud";
import { isReference, newReference } from "@/lib/submissions/reference";
import { newIdentityCode } from "@/lib/send/secrets";

describe("the read-aloud alphabet", () => {
  it("has 25 characters, none of them one people confuse", () => {
    expect(new Set(READ_ALOUD_ALPHABET).size).toBe(25);
    for (const confusable of "0O1IL2Z5S8B") expect(READ_ALOUD_ALPHABET).not.toContain(confusable);
  });

  it("is where references and SEND identity codes draw from", () => {
    const drawn = `${randomReadAloud(40)}${newReference().slice(3)}${newIdentityCode()}`.replaceAll("-", "");
    for (const character of drawn) expect(READ_ALOUD_ALPHABET).toContain(character);
    expect(newReference()).toMatch(/^CP-[^-]{4}-[^-]{4}$/);
    expect(isReference(newReference())).toBe(true);
    expect(newIdentityCode()).toMatch(/^[^-]{4}-[^-]{4}$/);
  });
});
