/** The audit trail's filters from the query string: what is valid becomes a filter; what is not, a message for its field with the text kept. */
import { describe, expect, it } from "vitest";
import { csvCell } from "@/lib/audit/trail-csv";
import { parseTrailFilters, trailQueryString } from "@/lib/audit/trail-filters";

describe("parseTrailFilters", () => {
  it("reads a reference, a case number, an id, an action and a date range", () => {
    expect(parseTrailFilters({ record: " cp-abcd-efgh-v2 " }).filters.record).toEqual({ kind: "reference", reference: "CP-ABCD-EFGH-V2" });
    expect(parseTrailFilters({ record: "EHC-000123" }).filters.record).toEqual({ kind: "case-number", number: 123 });
    expect(parseTrailFilters({ record: "6F9619FF-8B86-D011-B42D-00C04FC964FF" }).filters.record).toEqual({ kind: "id", id: "6f9619ff-8b86-d011-b42d-00c04fc964ff" });
    const parsed = parseTrailFilters({ person: " ada ", action: "referral-viewed", "from-day": "1", "from-month": "7", "from-year": "2026", "to-day": "31", "to-month": "7", "to-year": "2026" });
    expect(parsed).toEqual({
      filters: { person: "ada", record: null, action: "referral-viewed", from: "2026-07-01", to: "2026-07-31" },
      typed: { person: "ada", record: "", action: "referral-viewed", "from-day": "1", "from-month": "7", "from-year": "2026", "to-day": "31", "to-month": "7", "to-year": "2026" },
      errors: {},
    });
  });

  it("gives a message per field for what it cannot read, keeping what was typed", () => {
    const parsed = parseTrailFilters({ record: "Smith", action: "drop-table", "from-day": "31", "from-month": "2", "from-year": "2026", "to-year": "26" });
    expect(parsed.errors).toEqual({
      record: "Enter a referral reference like CP-ABCD-EFGH, a case number like EHC-000123, or a record id",
      action: "Choose an action from the list",
      from: "The from date must be a real date, like 27 3 2026",
      to: "The to date must be a real date, like 27 3 2026",
    });
    expect(parsed.typed).toMatchObject({ record: "Smith", "from-day": "31", "to-year": "26" });
    expect(parseTrailFilters({ "from-day": "2", "from-month": "3", "from-year": "2026", "to-day": "1", "to-month": "3", "to-year": "2026" }).errors).toEqual({ to: "The to date must be the same as or after the from date" });
  });

  it("keeps the filters in the paging links", () => {
    const { typed } = parseTrailFilters({ person: "a&b", "from-day": "1", page: "3" });
    expect(trailQueryString(typed, 2)).toBe("person=a%26b&from-day=1&page=2");
    expect(trailQueryString(typed)).toBe("person=a%26b&from-day=1");
  });
});

describe("csvCell", () => {
  it("quotes every cell, doubles quotes, and defuses a cell a spreadsheet would run as a formula", () => {
    expect(["plain", 'say "hi", then\nleave', "=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "", null].map(csvCell)).toEqual([
      '"plain"',
      '"say ""hi"", then\nleave"',
      `"'=1+2"`,
      `"'+1"`,
      `"'-1"`,
      `"'@SUM(A1)"`,
      `"'\tx"`,
      `"'\rx"`,
      '""',
      '""',
    ]);
  });
});
