/**
 * "Who is this about?": the people a form is about, typed as rows of forename and surname with
 * "+ add another". Rows left blank are ignored; a half-filled row gets a message naming it. A
 * row posted with an id keeps it (people page), so their answers stay theirs; new rows get one.
 */
import { randomUUID } from "node:crypto";
import type { FormReader } from "./question-types";
import type { Person } from "./types";

import { MAX_NAME_LENGTH, MAX_PEOPLE } from "./people-limits";

export type PersonRow = { id: string; forename: string; surname: string };

/** The rows as posted: `person-count` rows of `person-<n>-forename`, `-surname` and `-id`. */
export function readPersonRows(form: FormReader): PersonRow[] {
  const count = Math.min(Math.max(Number(form.get("person-count") ?? "1") || 1, 1), MAX_PEOPLE);
  return Array.from({ length: count }, (_, index) => ({
    id: (form.get(`person-${index}-id`) ?? "").trim(),
    forename: (form.get(`person-${index}-forename`) ?? "").trim().slice(0, MAX_NAME_LENGTH + 1),
    surname: (form.get(`person-${index}-surname`) ?? "").trim().slice(0, MAX_NAME_LENGTH + 1),
  }));
}

export type PeopleResult = { people: Person[]; errors: Record<string, string> };

/**
 * The people to store, or messages keyed by field. Ids are kept only when they belong to the
 * form already (`knownIds`): a posted id cannot adopt someone else's answers.
 */
export function checkPeople(rows: readonly PersonRow[], knownIds: ReadonlySet<string> = new Set()): PeopleResult {
  const errors: Record<string, string> = {};
  const people: Person[] = [];
  rows.forEach((row, index) => {
    const who = rows.length > 1 ? ` of person ${index + 1}` : "";
    if (!row.forename && !row.surname) return;
    if (!row.forename) errors[`person-${index}-forename`] = `Enter the first name${who}`;
    else if (row.forename.length > MAX_NAME_LENGTH) errors[`person-${index}-forename`] = `First name${who} must be ${MAX_NAME_LENGTH} characters or less`;
    if (!row.surname) errors[`person-${index}-surname`] = `Enter the last name${who}`;
    else if (row.surname.length > MAX_NAME_LENGTH) errors[`person-${index}-surname`] = `Last name${who} must be ${MAX_NAME_LENGTH} characters or less`;
    const id = knownIds.has(row.id) && !people.some((person) => person.id === row.id) ? row.id : randomUUID();
    people.push({ id, forename: row.forename, surname: row.surname });
  });
  if (people.length === 0 && Object.keys(errors).length === 0) errors["person-0-forename"] = "Enter the name of at least one person this form is about";
  return { people: Object.keys(errors).length === 0 ? people : [], errors };
}
