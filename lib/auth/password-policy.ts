/**
 * The password policy: the list shown beside password fields and the check behind it.
 * Wording is the councils' guides' (Hillingdon's list, Worcestershire's "previous 8 passwords");
 * the numbers come from council settings, because the guides disagree on them.
 *
 * A passphrase (council.passphraseMinLength, 15 characters, or more) needs none of the
 * composition rules and may contain spaces (NCSC password guidance; OWASP ASVS 6.2.5): length
 * does more than a forced mix of character types. It must still not be common or built on the
 * person's details, and not reused.
 *
 * Pure (no React or Next imports) so one definition serves the form, the server action and tests.
 */
import type { CouncilSettings } from "@/lib/config/council";
import { isCommonPassword } from "./common-passwords";

export type PasswordPolicy = CouncilSettings["passwordPolicy"];

/** The council's default passphrase length, for callers that pass only `passwordPolicy`. */
export const DEFAULT_PASSPHRASE_MIN_LENGTH = 15;

/** The policy with the council's passphrase length, which council settings keep beside it. */
export function passwordPolicyFor(council: Pick<CouncilSettings, "passwordPolicy" | "passphraseMinLength">): PasswordPolicy & { passphraseMinLength: number } {
  return { ...council.passwordPolicy, passphraseMinLength: council.passphraseMinLength };
}

/** In display order; checkPassword reports in this order too, so messages line up with the list. */
export const PASSWORD_RULE_IDS = [
  "length",
  "letter",
  "upper",
  "digit",
  "special",
  "allowed-characters",
  "common",
  "history",
  // Not a rule but the way round the composition rules; listed last, never reported as unmet.
  "passphrase",
] as const;

export type PasswordRuleId = (typeof PASSWORD_RULE_IDS)[number];

/**
 * What counts as a special character: every printable ASCII character that is not a letter,
 * digit or space. Exported so a form can show it (Worcestershire links to "the list of
 * special characters").
 */
export const SPECIAL_CHARACTERS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

// Decision: letters are ASCII A–Z and a–z only, and spaces are allowed only in a passphrase. The
// guides say "only letters, digits, and special characters" and their examples are all ASCII;
// keeping to ASCII also means no Unicode look-alikes or normalisation differences between the
// browser that sets a password and the one that signs in. So "£" and "é" fail
// "allowed-characters", and " " does in a password shorter than a passphrase.
const isLetter = (c: string) => (c >= "A" && c <= "Z") || (c >= "a" && c <= "z");
const isUpper = (c: string) => c >= "A" && c <= "Z";
const isDigit = (c: string) => c >= "0" && c <= "9";
const isSpecial = (c: string) => SPECIAL_CHARACTERS.includes(c);

/** history and the passphrase length are optional: callers that only check a password need not know them. */
type ListedPolicy = Pick<PasswordPolicy, "minLength"> & Partial<Pick<PasswordPolicy, "history">> & { passphraseMinLength?: number };

/**
 * `history` counts previous passwords besides the current one (Hillingdon: "different to your
 * current password" and "your previous password" = 1; Worcestershire: 8). The current password
 * is always refused, so history 0 still lists that.
 */
function historyText(history = 0): string {
  const current = "It must be different to your current password";
  if (history <= 0) return current;
  return history === 1 ? `${current} and your previous password` : `${current} and your previous ${history} passwords`;
}

const RULE_TEXT: Record<PasswordRuleId, (policy: ListedPolicy) => string> = {
  length: ({ minLength }) => `It must be at least ${minLength} characters long`,
  letter: () => "It must contain at least one letter",
  upper: () => "It must contain at least one upper-case letter",
  digit: () => "It must contain at least one numerical digit",
  special: () => "It must contain at least one special character (such as ? ! % * $)",
  "allowed-characters": () => "It must contain only letters, digits and special characters",
  common: () => "It must not be a commonly used password",
  history: ({ history }) => historyText(history),
  passphrase: ({ passphraseMinLength = DEFAULT_PASSPHRASE_MIN_LENGTH }) =>
    `Or use a passphrase of at least ${passphraseMinLength} characters, such as four random words: it does not need upper-case letters, digits or special characters, and it may contain spaces`,
};

export function passwordRules(policy: ListedPolicy): { id: PasswordRuleId; text: string }[] {
  return PASSWORD_RULE_IDS.map((id) => ({ id, text: RULE_TEXT[id](policy) }));
}

/** Details a password must not contain; each is optional because not every form knows them. */
export type PasswordContext = { email?: string; forename?: string; surname?: string };

/**
 * A password built on the person's own name or email is as guessable as a listed one, so it
 * fails "common". Details under 3 characters are ignored ("Al" is in too many passwords), and
 * spaces are dropped from both ("Mary Ann" → "maryann", and "mary ann rocks" holds it).
 */
function containsPersonalDetail(password: string, { email, forename, surname }: PasswordContext): boolean {
  const lower = password.replace(/\s+/g, "").toLowerCase();
  return [email?.split("@")[0], forename, surname]
    .map((detail) => (detail ?? "").replace(/\s+/g, "").toLowerCase())
    .some((detail) => detail.length >= 3 && lower.includes(detail));
}

/**
 * Every unmet rule at once, in list order, so the form can mark them all in one go rather than
 * making people fix them one submission at a time. Never returns "history": that is checked
 * against stored hashes by the caller.
 */
export function checkPassword(
  password: string,
  policy: Pick<PasswordPolicy, "minLength"> & { passphraseMinLength?: number },
  context: PasswordContext = {},
): PasswordRuleId[] {
  // Array.from counts characters, not UTF-16 units, so an emoji is one character, not two.
  const chars = Array.from(password);
  const isPassphrase = chars.length >= (policy.passphraseMinLength ?? DEFAULT_PASSPHRASE_MIN_LENGTH);
  const unmet: Record<Exclude<PasswordRuleId, "history" | "passphrase">, boolean> = {
    length: chars.length < policy.minLength,
    letter: !chars.some(isLetter),
    upper: !isPassphrase && !chars.some(isUpper),
    digit: !isPassphrase && !chars.some(isDigit),
    special: !isPassphrase && !chars.some(isSpecial),
    "allowed-characters": !chars.every((c) => isLetter(c) || isDigit(c) || isSpecial(c) || (isPassphrase && c === " ")),
    common: isCommonPassword(password) || containsPersonalDetail(password, context),
  };
  return PASSWORD_RULE_IDS.filter((id): id is keyof typeof unmet => id !== "history" && id !== "passphrase" && unmet[id]);
}

/** Rules a passphrase does not need: when only these are unmet, a longer password would do. */
export const COMPOSITION_RULE_IDS: readonly PasswordRuleId[] = ["upper", "digit", "special", "allowed-characters"];
