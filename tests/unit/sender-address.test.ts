import { describe, expect, it } from "vitest";
import { formatSender } from "@/lib/mail/sender-address";

describe("formatSender", () => {
  it("puts the council's sender name before the address, quoted", () => {
    expect(formatSender("Children's Portal", "children@council.gov.uk")).toBe(`"Children's Portal" <children@council.gov.uk>`);
  });

  it("drops quotes and backslashes that would break the header", () => {
    expect(formatSender('The "Portal" \\ team', "a@b.org")).toBe(`"The Portal  team" <a@b.org>`);
  });
});
