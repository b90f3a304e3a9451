/**
 * Characters people read out on the phone and type back: no 0/O, 1/I/L, 2/Z, 5/S or 8/B to
 * confuse. 25 characters (20 capital letters and 5 digits), so each one carries about 4.6 bits.
 * The case reference (lib/submissions/reference.ts) and the SEND identity code
 * (lib/send/secrets.ts) are both drawn from it.
 */
import { randomInt } from "node:crypto";

export const READ_ALOUD_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";

/** `length` characters of the alphabet, each drawn uniformly by the crypto module. */
export function randomReadAloud(length: number): string {
  return Array.from({ length }, () => READ_ALOUD_ALPHABET[randomInt(READ_ALOUD_ALPHABET.length)]!).join("");
}
