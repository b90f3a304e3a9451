import { describe, expect, it } from "vitest";
import { isUuid } from "@/lib/security/uuid";
import { isMailboxId } from "@/lib/mail/dev-mailbox";

describe("isUuid: one rule for every id that arrives from outside", () => {
  it("takes a uuid in either case", () => {
    expect(isUuid("0b6a3c5e-2f7d-4a1b-9c3e-5d7f9a1b3c5e")).toBe(true);
    expect(isUuid("0B6A3C5E-2F7D-4A1B-9C3E-5D7F9A1B3C5E")).toBe(true);
  });

  it("refuses anything else, including 36 characters of hex and dashes in the wrong places", () => {
    for (const value of ["", "not-a-uuid", "0b6a3c5e2f7d4a1b9c3e5d7f9a1b3c5e", "0b6a3c5e-2f7d-4a1b-9c3e-5d7f9a1b3c5", " 0b6a3c5e-2f7d-4a1b-9c3e-5d7f9a1b3c5e", "0b6a3c5e-2f7d-4a1b-9c3e-5d7f9a1b3c5g", "------------------------------------", "0b6a3c5e2f7d-4a1b-9c3e-5d7f-9a1b3c5e", null, 42]) {
      expect(isUuid(value)).toBe(false);
    }
  });

  it("the dev mailbox's message ids follow it (no longer any 36 of hex and dashes)", () => {
    expect(isMailboxId("001765432109876-0b6a3c5e-2f7d-4a1b-9c3e-5d7f9a1b3c5e")).toBe(true);
    expect(isMailboxId("001765432109876-------------------------------------")).toBe(false);
    expect(isMailboxId("001765432109876-0b6a3c5e2f7d-4a1b-9c3e-5d7f-9a1b3c5e")).toBe(false);
  });
});
