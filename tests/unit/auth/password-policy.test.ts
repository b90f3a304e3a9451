import { describe, expect, it } from "vitest";
import { dictionary } from "@zxcvbn-ts/language-common";
import { readCouncilSettings } from "@/lib/config/council";
import { COMMON_PASSWORD_COUNT, isCommonPassword } from "@/lib/auth/common-passwords";
import { PASSWORD_RULE_IDS, SPECIAL_CHARACTERS, checkPassword, passwordPolicyFor, passwordRules } from "@/lib/auth/password-policy";

const hillingdon = { minLength: 12, history: 1 };

describe("passwordRules", () => {
  it("lists every rule, in order, in the guides' words", () => {
    expect(passwordRules(hillingdon)).toEqual([
      { id: "length", text: "It must be at least 12 characters long" },
      { id: "letter", text: "It must contain at least one letter" },
      { id: "upper", text: "It must contain at least one upper-case letter" },
      { id: "digit", text: "It must contain at least one numerical digit" },
      { id: "special", text: "It must contain at least one special character (such as ? ! % * $)" },
      { id: "allowed-characters", text: "It must contain only letters, digits and special characters" },
      { id: "common", text: "It must not be a commonly used password" },
      { id: "history", text: "It must be different to your current password and your previous password" },
      {
        id: "passphrase",
        text: "Or use a passphrase of at least 15 characters, such as four random words: it does not need upper-case letters, digits or special characters, and it may contain spaces",
      },
    ]);
  });

  it("takes its numbers from the council settings", () => {
    // Worcestershire: "at least 15 characters", "different to your previous 8 passwords".
    const { passwordPolicy } = readCouncilSettings({ COUNCIL_PASSWORD_MIN_LENGTH: "15", COUNCIL_PASSWORD_HISTORY: "8" });
    const text = Object.fromEntries(passwordRules(passwordPolicy).map((rule) => [rule.id, rule.text]));
    expect(text.length).toBe("It must be at least 15 characters long");
    expect(text.history).toBe("It must be different to your current password and your previous 8 passwords");
    expect(passwordRules({ minLength: 9 })[0]?.text).toBe("It must be at least 9 characters long");
  });

  it("still refuses the current password when no history is kept", () => {
    expect(passwordRules({ minLength: 12, history: 0 }).find((rule) => rule.id === "history")).toEqual({
      id: "history",
      text: "It must be different to your current password",
    });
  });
});

describe("checkPassword", () => {
  it("accepts a password that meets every rule", () => {
    expect(checkPassword("Correct-Horse-7-Battery", hillingdon)).toEqual([]);
  });

  it("reports every unmet rule at once, in list order", () => {
    expect(checkPassword("é é", hillingdon)).toEqual([
      "length",
      "letter",
      "upper",
      "digit",
      "special",
      "allowed-characters",
    ]);
    expect(checkPassword("password", hillingdon)).toEqual(["length", "upper", "digit", "special", "common"]);
  });

  it("can report all seven checkable rules together, never history", () => {
    // Only non-ASCII characters, and the person's own (non-ASCII) name, so it is also "common".
    const reported = checkPassword("ééé", hillingdon, { forename: "Ééé" });
    expect(reported).toEqual(PASSWORD_RULE_IDS.filter((id) => id !== "history" && id !== "passphrase"));
  });

  it("applies the council's minimum length", () => {
    const password = "Kettle-Moon-42"; // 14 characters
    expect(checkPassword(password, { minLength: 9 })).toEqual([]);
    expect(checkPassword(password, { minLength: 15 })).toEqual(["length"]);
    expect(checkPassword("Kettle-Moon-42!", { minLength: 15 })).toEqual([]);
  });

  it("counts characters, not UTF-16 units", () => {
    // 11 characters, one of them an emoji (2 UTF-16 units): still too short for 12.
    expect(checkPassword("Kettle-4!😀a", hillingdon)).toEqual(["length", "allowed-characters"]);
  });

  it("allows exactly the printable ASCII symbols as special characters, and no spaces", () => {
    for (const special of SPECIAL_CHARACTERS) {
      expect(checkPassword(`Kettlemoon42${special}`, hillingdon)).toEqual([]);
    }
    expect(checkPassword("Kettle moon 42", hillingdon)).toEqual(["special", "allowed-characters"]);
    expect(checkPassword("Kettle-moon-£42", hillingdon)).toEqual(["allowed-characters"]);
  });

  it("refuses common passwords whatever their case", () => {
    expect(checkPassword("qwerty123456", hillingdon)).toEqual(["upper", "special", "common"]);
    expect(checkPassword("QWERTY123456", hillingdon)).toEqual(["special", "common"]);
  });

  it("refuses a common password decorated to pass the other rules", () => {
    expect(checkPassword("Password1!", { minLength: 9 })).toEqual(["common"]);
    expect(checkPassword("Liverpool2024!", hillingdon)).toEqual(["common"]);
    expect(checkPassword("Sunshine!!!!!!7", hillingdon)).toEqual(["common"]);
    // A short base is not enough to refuse: the strength here is in the digits.
    expect(checkPassword("Abc7391846205!", hillingdon)).toEqual([]);
  });

  it("refuses a password containing the person's name or email, when given", () => {
    expect(checkPassword("Bloggs-Family-2024", hillingdon)).toEqual([]);
    expect(checkPassword("Bloggs-Family-2024", hillingdon, { surname: "Bloggs" })).toEqual(["common"]);
    expect(checkPassword("Mary-Ann-Rocks-2024", hillingdon, { forename: "Mary" })).toEqual(["common"]);
    expect(checkPassword("MaryAnn-Rocks-2024", hillingdon, { forename: "Mary Ann" })).toEqual(["common"]);
    expect(checkPassword("Jo.Bloggs-2024!", hillingdon, { email: "jo.bloggs@example.org" })).toEqual(["common"]);
    // Too short to mean anything: "Al" is inside "Always".
    expect(checkPassword("Always-Ready-2024", hillingdon, { forename: "Al" })).toEqual([]);
  });
});

describe("passphrases (NCSC; ASVS 6.2.5)", () => {
  it("accept 15 or more characters without upper case, digits or special characters, spaces included", () => {
    expect(checkPassword("kettle lantern meadow", hillingdon)).toEqual([]);
    expect(checkPassword("copperorchardwillow", hillingdon)).toEqual([]);
    expect(checkPassword("quiet grey harbour", { minLength: 12, passphraseMinLength: 15 })).toEqual([]);
  });

  it("start at the council's passphrase length: one character short, the composition rules apply", () => {
    expect(checkPassword("kettle lantern", hillingdon)).toEqual(["upper", "digit", "special", "allowed-characters"]); // 14
    expect(checkPassword("kettle lantern meadow", { minLength: 12, passphraseMinLength: 24 })).toEqual(["upper", "digit", "special", "allowed-characters"]);
  });

  it("are still refused when common, or built on the person's name or email", () => {
    expect(checkPassword("passwordpassword", hillingdon)).toEqual(["common"]);
    expect(checkPassword("password password", hillingdon)).toEqual(["common"]);
    expect(checkPassword("aaaaaaaaaaaaaaaaaaaa", hillingdon)).toEqual(["common"]);
    expect(checkPassword("mail created 5240", hillingdon)).toEqual(["common"]);
    expect(checkPassword("mary ann loves the sea", hillingdon, { forename: "Mary Ann" })).toEqual(["common"]);
    expect(checkPassword("bloggs family holidays", hillingdon, { surname: "Bloggs" })).toEqual(["common"]);
    expect(checkPassword("jo bloggs at the seaside", hillingdon, { email: "jobloggs@example.org" })).toEqual(["common"]);
  });

  it("still need a letter and only the allowed characters, and the council's minimum length", () => {
    expect(checkPassword("1234 5678 9012 345", hillingdon)).toEqual(["letter"]);
    expect(checkPassword("crème brûlée for tea", hillingdon)).toEqual(["allowed-characters"]);
    expect(checkPassword("kettle lantern meadow", { minLength: 24 })).toEqual(["length"]);
  });

  it("take their length from the council settings", () => {
    const settings = readCouncilSettings({ COUNCIL_PASSPHRASE_MIN_LENGTH: "20" });
    const policy = passwordPolicyFor(settings);
    expect(policy).toEqual({ minLength: 12, history: 8, passphraseMinLength: 20 });
    expect(checkPassword("kettle lantern meadow", policy)).toEqual([]); // 21
    expect(checkPassword("kettle lantern moon", policy)).toEqual(["upper", "digit", "special", "allowed-characters"]); // 19
    expect(passwordRules(policy).at(-1)?.text).toMatch(/^Or use a passphrase of at least 20 characters/);
  });
});

describe("isCommonPassword", () => {
  const list = dictionary["passwords-common"];

  it("uses the 10,000 most common passwords from the ranked list", () => {
    expect(COMMON_PASSWORD_COUNT).toBe(10_000);
    expect(list.length).toBeGreaterThan(COMMON_PASSWORD_COUNT);
    expect(isCommonPassword(list[0] ?? "")).toBe(true);
    expect(isCommonPassword(list[COMMON_PASSWORD_COUNT - 1] ?? "")).toBe(true);
    // Past the cut-off (these two are digits only, so no decorated form matches either).
    expect(list[COMMON_PASSWORD_COUNT]).toMatch(/^\d+$/);
    expect(isCommonPassword(list[COMMON_PASSWORD_COUNT] ?? "")).toBe(false);
  });

  it("is not fooled by case", () => {
    expect(isCommonPassword("PassWord")).toBe(true);
    expect(isCommonPassword("Correct-Horse-7-Battery")).toBe(false);
  });
});
