import { describe, expect, it } from "vitest";
import { compareObjects, compareTables, describeDifference } from "@/lib/runtime/backup-check/compare";

describe("the backup check's comparison", () => {
  it("finds nothing when every table and object matches", () => {
    expect(compareTables(new Map([["public.users", 3]]), new Map([["public.users", 3]]))).toEqual([]);
    expect(compareObjects(new Map([["a", "aa"]]), new Map([["a", "aa"]]))).toEqual([]);
  });

  it("names a table with other row counts, one missing and one extra", () => {
    const differences = compareTables(
      new Map([["public.users", 3], ["public.drafts", 2]]),
      new Map([["public.users", 2], ["public.stray", 1]]),
    );
    expect(differences.map(describeDifference)).toEqual([
      "table public.users: 3 rows in the source, 2 restored",
      "table public.drafts (2 rows) is missing from the restore",
      "table public.stray (1 rows) is in the restore but not in the source",
    ]);
  });

  it("names an object whose checksum differs, one missing and one extra", () => {
    const differences = compareObjects(new Map([["k1", "aa"], ["k2", "bb"]]), new Map([["k1", "ab"], ["k3", "cc"]]));
    expect(differences.map((d) => d.kind)).toEqual(["object-checksum", "object-missing", "object-extra"]);
    expect(describeDifference(differences[0]!)).toBe("object k1: SHA-256 aa in the source, ab restored");
  });
});
