import { describe, expect, it } from "vitest";
import { checkPassword } from "@/lib/auth/password-policy";
import { STAFF_PASSWORD_ALPHABET, generateStaffPassword, staffPasswordEntropyBits } from "@/lib/auth/staff";

describe("the password staff:create prints", () => {
  it("has at least 80 bits of entropy: 20 characters drawn uniformly from 56", () => {
    expect(new Set(STAFF_PASSWORD_ALPHABET).size).toBe(STAFF_PASSWORD_ALPHABET.length);
    expect(STAFF_PASSWORD_ALPHABET).not.toMatch(/[0O1Il]/);
    expect(staffPasswordEntropyBits()).toBeGreaterThanOrEqual(80);
    expect(staffPasswordEntropyBits(40)).toBeGreaterThanOrEqual(staffPasswordEntropyBits());
  });

  it("is random groups from that alphabet, and meets every rule of the policy", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const password = generateStaffPassword(12);
      expect(password).toMatch(new RegExp(`^[${STAFF_PASSWORD_ALPHABET}]{5}(-[${STAFF_PASSWORD_ALPHABET}]{5}){3}$`));
      expect(checkPassword(password, { minLength: 12, passphraseMinLength: 64 })).toEqual([]);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });

  it("grows to the council's minimum length", () => {
    const password = generateStaffPassword(40);
    expect(password.length).toBeGreaterThanOrEqual(40);
    expect(checkPassword(password, { minLength: 40, passphraseMinLength: 64 })).toEqual([]);
  });
});
