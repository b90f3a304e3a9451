/**
 * "It must not be a commonly used password" (Worcestershire's guide: "not one that is commonly
 * used"). The list is the ranked password dictionary of @zxcvbn-ts/language-common (MIT; the
 * zxcvbn project's list, most common first, already lower-case). Taking it from a maintained
 * package rather than a file we copied means updates arrive with `npm update`.
 *
 * No React or Next imports: the policy that uses this is shared by forms and server actions.
 */
import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * We refuse the 10,000 most common passwords. The package's list is ranked, so its first
 * 10,000 entries are exactly those (it holds 49,233; raise this to use more of it).
 */
export const COMMON_PASSWORD_COUNT = 10_000;

// The package decodes its list when imported; the lookup Set is built on first use only.
let common: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  if (!common) {
    const list = dictionary["passwords-common"].slice(0, COMMON_PASSWORD_COUNT);
    // Fail loudly rather than quietly accept weak passwords if a package update reshapes the list.
    if (list.length < COMMON_PASSWORD_COUNT) {
      throw new Error(`common password list has ${list.length} entries, expected ${COMMON_PASSWORD_COUNT}`);
    }
    common = new Set(list);
  }
  return common;
}

/**
 * Shorter bases than this are not looked up once decorations are stripped: "Abc7391846205!"
 * owes its strength to the digits, and would otherwise be refused for "abc".
 */
const MIN_BASE_LENGTH = 4;

/**
 * The forms worth looking up. Composition rules push people to decorate a common password
 * ("Password1!", "Liverpool2024!"), and with a 12+ character minimum hardly any undecorated
 * list entry is long enough to be typed at all (25 of the top 10,000), so we also look up the
 * password with its trailing symbols removed, and with its trailing digits and symbols removed.
 * Case is ignored throughout: the list is lower-case and "PASSWORD" is as guessable as "password".
 */
function candidates(password: string): string[] {
  const lower = password.toLowerCase();
  const bases = [lower.replace(/[^a-z0-9]+$/, ""), lower.replace(/[^a-z]+$/, "")].filter(
    (base) => base.length >= MIN_BASE_LENGTH,
  );
  return [lower, ...bases];
}

/**
 * One chunk said again and again ("passwordpassword", "abcabcabcabcabc", "aaaaaaaaaaaaaaa") is
 * as guessable as the chunk; this matters for passphrases, which skip the composition rules and
 * are longer than almost every listed password.
 */
const isRepetition = (text: string) => text.length >= MIN_BASE_LENGTH && /^(.+?)\1+$/.test(text);

export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  // Spaces dropped too: "pass word" is "password" (only a passphrase may contain spaces).
  const unspaced = password.replace(/\s+/g, "");
  const forms = unspaced === password ? [password] : [password, unspaced];
  return forms.some((form) => isRepetition(form.toLowerCase()) || candidates(form).some((candidate) => list.has(candidate)));
}
