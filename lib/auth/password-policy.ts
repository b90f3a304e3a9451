/**
 * The password policy: the list shown beside password fields and the check behind it.
 * Wording is the councils' guides' (Hillingdon's list, Worcestershire's "previous 8 passwords");
 * the numbers come from council settings, because the guides disagree on them.
 *
 * Pure (no React or Next imports) so one definition serves the form, the server action and tests.
 */
import type { CouncilSettings } from "@/lib/config/council";
import { isCommonPassword } from "./common-passwords";

export type PasswordPolicy = CouncilSettings["passwordPolicy"];

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
] as const;

export type PasswordRuleId = (typeof PASSWORD_RULE_IDS)[number];

/**
 * What counts as a special character: every printable ASCII character that is not a letter,
 * digit or space. Exported so a form can show it (Worcestershire links to "the list of
 * special characters").
 */
export const SPECIAL_CHARACTERS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

// Decision: letters are ASCII A–Z and a–z only, and spaces are not allowed. The guides say
// "only letters, digits, and special characters" and their examples are all ASCII; keeping to
// ASCII also means no Unicode look-alikes or normalisation differences between the browser
// that sets a password and the one that signs in. So "£", "é" and " " fail "allowed-characters".
const isLetter = (c: string) => (c >= "A" && c <= "Z") || (c >= "a" && c <= "z");
const isUpper = (c: string) => c >= "A" && c <= "Z";
const isDigit = (c: string) => c >= "0" && c <= "9";
const isSpecial = (c: string) => SPECIAL_CHARACTERS.includes(c);

/** history is optional: callers that only check a password need not know it. */
type ListedPolicy = Pick<PasswordPolicy, "minLength"> & Partial<Pick<PasswordPolicy, "history">>;

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
};

export function passwordRules(policy: ListedPolicy): { id: PasswordRuleId; text: string }[] {
  return PASSWORD_RULE_IDS.map((id) => ({ id, text: RULE_TEXT[id](policy) }));
}

/** Details a password must not contain; each is optional because not every form knows them. */
export type PasswordContext = { email?: string; forename?: string; surname?: string };

/**
 * A password built on the person's own name or email is as guessable as a listed one, so it
 * fails "common". Details under 3 characters are ignored ("Al" is in too many passwords), and
 * spaces are dropped because passwords cannot contain them ("Mary Ann" → "maryann").
 */
function containsPersonalDetail(password: string, { email, forename, surname }: PasswordContext): boolean {
  const lower = password.toLowerCase();
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
  policy: Pick<PasswordPolicy, "minLength">,
  context: PasswordContext = {},
): PasswordRuleId[] {
  // Array.from counts characters, not UTF-16 units, so an emoji is one character, not two.
  const chars = Array.from(password);
  const unmet: Record<Exclude<PasswordRuleId, "history">, boolean> = {
    length: chars.length < policy.minLength,
    letter: !chars.some(isLetter),
    upper: !chars.some(isUpper),
    digit: !chars.some(isDigit),
    special: !chars.some(isSpecial),
    "allowed-characters": !chars.every((c) => isLetter(c) || isDigit(c) || isSpecial(c)),
    common: isCommonPassword(password) || containsPersonalDetail(password, context),
  };
  return PASSWORD_RULE_IDS.filter((id) => id !== "history" && unmet[id]);
}
