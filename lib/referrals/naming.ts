/** Names and references as the inbox searches and shows them. */
import type { Person } from "@/lib/forms/types";

const squash = (text: string) => text.trim().replace(/\s+/g, " ");

/**
 * The `people_names` column: each person's "forename surname", lower-cased, joined by " | " (so
 * a search for "smith ben" does not match Amy Smith and Ben Jones across two people).
 */
export function searchableNames(people: readonly Pick<Person, "forename" | "surname">[]): string {
  return people
    .map((person) => squash(`${person.forename ?? ""} ${person.surname ?? ""}`).toLowerCase())
    .filter((name) => name.length > 0)
    .join(" | ");
}

/** "Amy Smith", one per person, for lists. */
export function displayNames(people: unknown): string[] {
  if (!Array.isArray(people)) return [];
  return people.map((person: Partial<Person>) => squash(`${person?.forename ?? ""} ${person?.surname ?? ""}`)).filter((name) => name.length > 0);
}

const VERSIONED = /^(CP-[^-]{4}-[^-]{4})-V\d+$/;

/** The reference without a version suffix: CP-ABCD-EFGH-V2 → CP-ABCD-EFGH. */
export function baseReference(reference: string): string {
  return VERSIONED.exec(reference)?.[1] ?? reference;
}

/** The reference of a resubmission: the original's with "-V<version>". */
export function versionedReference(reference: string, version: number): string {
  return `${baseReference(reference)}-V${version}`;
}

/** Text for LIKE with its wildcards taken literally (PostgreSQL's default escape is the backslash). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A search box's text, trimmed and with runs of spaces made one (empty when there is nothing to find). */
export function normaliseSearch(text: string | null | undefined): string {
  return squash(text ?? "").slice(0, 200);
}
