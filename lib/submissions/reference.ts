/**
 * Reference numbers people read out on the phone: "CP-" and eight characters from the 25 that
 * nobody confuses (lib/security/read-aloud.ts), about 1.5 × 10^11 values.
 */
import { READ_ALOUD_ALPHABET as ALPHABET, randomReadAloud } from "@/lib/security/read-aloud";

export function newReference(): string {
  const characters = randomReadAloud(8);
  return `CP-${characters.slice(0, 4)}-${characters.slice(4)}`;
}

/** A reference as a regular expression's source, without anchors (the case system's JSON Schema uses it too). */
export const REFERENCE_PATTERN = `CP-[${ALPHABET}]{4}-[${ALPHABET}]{4}`;

export function isReference(text: string): boolean {
  return new RegExp(`^${REFERENCE_PATTERN}$`).test(text);
}
