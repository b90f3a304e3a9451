/**
 * People's names in questions: a label may say `{names}` ("What is {names}'s date of birth?"),
 * which becomes the forenames of the people the answer is for ("Amy and Ben").
 */
import type { Person } from "./types";

export const NAMES_TOKEN = "{names}";

/** "Amy", "Amy and Ben", "Amy, Ben and Cal"; "the child" before anyone is named. */
export function joinNames(people: readonly Pick<Person, "forename">[]): string {
  const names = people.map((person) => person.forename.trim()).filter(Boolean);
  if (names.length === 0) return "the child";
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export function personalise(label: string, people: readonly Pick<Person, "forename">[]): string {
  return label.includes(NAMES_TOKEN) ? label.replaceAll(NAMES_TOKEN, joinNames(people)) : label;
}
