/**
 * Reference numbers people read out on the phone: no 0/O, 1/I/L, 5/S, 2/Z or 8/B to confuse.
 * "CP-" and eight characters from a 24-letter alphabet (about 1.1 × 10^11 values).
 */
import { randomInt } from "node:crypto";

const ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";

export function newReference(): string {
  const characters = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `CP-${characters.slice(0, 4)}-${characters.slice(4)}`;
}

/** A reference as a regular expression's source, without anchors (the case system's JSON Schema uses it too). */
export const REFERENCE_PATTERN = `CP-[${ALPHABET}]{4}-[${ALPHABET}]{4}`;

export function isReference(text: string): boolean {
  return new RegExp(`^${REFERENCE_PATTERN}$`).test(text);
}
