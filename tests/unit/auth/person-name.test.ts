import { describe, expect, it } from "vitest";
import { z } from "zod";
import { personNameSchema } from "@/lib/auth/person-name";

const forename = personNameSchema({ empty: "Enter your forename", label: "Forename", maxLength: 100 });
const messageFor = (value: unknown) => {
  const result = forename.safeParse(value);
  return result.success ? null : z.flattenError(result.error).formErrors[0];
};
const HIDDEN = "Forename must not include hidden formatting characters. Type it in rather than pasting it";

describe("personNameSchema", () => {
  it("accepts names in any script, with spaces, hyphens and apostrophes, trimmed", () => {
    for (const name of ["Zoë", "O'Brien", "Anne-Marie", "Mary Ann", "Nguyễn", "李", "Siân", "D’Souza", "محمد"]) {
      expect(forename.parse(` ${name} `)).toBe(name);
    }
  });

  it("refuses every C0 and C1 control character and DEL inside a name", () => {
    const controls = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)];
    for (const code of controls) expect(messageFor(`Sa${String.fromCharCode(code)}m`), `U+${code.toString(16)}`).toBe(HIDDEN);
  });

  it("refuses bidirectional overrides, embeddings and isolates, which make a name show as something else", () => {
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(messageFor(`Sam${String.fromCharCode(code)}ydna`), `U+${code.toString(16)}`).toBe(HIDDEN);
    }
  });

  it("still asks for a missing name and caps its length", () => {
    expect(messageFor("   ")).toBe("Enter your forename");
    expect(messageFor(undefined)).toBe("Enter your forename");
    expect(messageFor("a".repeat(101))).toBe("Forename must be 100 characters or fewer");
  });
});
