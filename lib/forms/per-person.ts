/**
 * Per-person answers (DESIGN.md, "The form engine"): a question marked per-person holds one
 * answer for everybody until the user splits someone out ("Answer for: Child 1 · Child 2 ·
 * + Include"). The answer is stored as groups that partition the people, each with its value.
 *
 * The first group is the main group: the answer "for everybody else", which the question's
 * own field edits. People split out follow it, one group each, in the order they were split.
 * Everything that joins without a choice of its own (someone included back, someone added to
 * the form later) joins the main group, so the main group is always the default answer.
 *
 * Every function returns a new answer; none changes its input, so an answer read from a
 * draft can be compared with the one about to be saved.
 */
import type { AnswerValue, PerPersonAnswer, Person } from "./types";
import { copyAnswerValue } from "./values";

type Group = PerPersonAnswer["groups"][number];

/** Tells a per-person answer from the other answer shapes (a date is an object too). */
export function isPerPersonAnswer(value: unknown): value is PerPersonAnswer {
  return typeof value === "object" && value !== null && Array.isArray((value as { groups?: unknown }).groups);
}

/** One answer for everybody: where every per-person question starts. */
export function singleGroup(people: readonly Person[], value: AnswerValue): PerPersonAnswer {
  return { groups: [{ personIds: people.map((person) => person.id), value: copyValue(value) }] };
}

/** The value that applies to a person, or undefined when the person is not in the answer. */
export function valueFor(answer: PerPersonAnswer, personId: string): AnswerValue | undefined {
  return answer.groups.find((group) => group.personIds.includes(personId))?.value;
}

/**
 * Gives a person a group of their own, starting from the value they had (so splitting someone
 * out changes nothing until the user edits it) unless a value is given. A person already
 * alone in a group keeps that group.
 */
export function splitOut(answer: PerPersonAnswer, personId: string, value?: AnswerValue): PerPersonAnswer {
  const groups = copyGroups(answer);
  const index = indexOfPerson(groups, personId);
  const group = groups[index]!;
  const ownValue = copyValue(value ?? group.value);
  if (group.personIds.length === 1) {
    groups[index] = { personIds: [personId], value: ownValue };
    return { groups };
  }
  groups[index] = { ...group, personIds: group.personIds.filter((id) => id !== personId) };
  return { groups: [...groups, { personIds: [personId], value: ownValue }] };
}

/**
 * Puts a person back into the main (first) group, where they take its value: "Include" undoes
 * a split. The group they leave is dropped if it empties. Someone in the main group already is
 * left where they are.
 */
export function includeBack(answer: PerPersonAnswer, personId: string): PerPersonAnswer {
  const groups = copyGroups(answer);
  const index = indexOfPerson(groups, personId);
  if (index === 0) return { groups };
  const main = groups[0]!;
  groups[0] = { ...main, personIds: [...main.personIds, personId] };
  groups[index] = { ...groups[index]!, personIds: groups[index]!.personIds.filter((id) => id !== personId) };
  return { groups: groups.filter((group) => group.personIds.length > 0) };
}

/**
 * Sets the value of the group made of exactly these people (in any order). Naming the whole
 * group, not one member, means a page posted from an older split (another tab, a back button)
 * is refused instead of silently changing somebody else's answer.
 */
export function setGroupValue(answer: PerPersonAnswer, personIds: readonly string[], value: AnswerValue): PerPersonAnswer {
  const wanted = new Set(personIds);
  const index = answer.groups.findIndex(
    (group) => group.personIds.length === wanted.size && group.personIds.every((id) => wanted.has(id)),
  );
  if (index === -1) throw new RangeError("No group is made of exactly these people");
  const groups = copyGroups(answer);
  groups[index] = { ...groups[index]!, value: copyValue(value) };
  return { groups };
}

/**
 * Brings an answer in line with the people now on the form: people removed leave their group,
 * groups left empty are dropped, and people added later join the main group (they have not
 * been asked about separately). A person listed twice stays only in their first group, so the
 * result is always a partition of `people`.
 */
export function syncPeople(answer: PerPersonAnswer, people: readonly Person[]): PerPersonAnswer {
  const current = new Set(people.map((person) => person.id));
  const placed = new Set<string>();
  const groups: Group[] = [];
  for (const group of answer.groups) {
    const personIds = group.personIds.filter((id) => current.has(id) && !placed.has(id));
    personIds.forEach((id) => placed.add(id));
    if (personIds.length > 0) groups.push({ personIds, value: copyValue(group.value) });
  }
  const added = people.map((person) => person.id).filter((id) => !placed.has(id));
  if (added.length === 0) return { groups };
  const main = groups[0];
  if (main) {
    groups[0] = { ...main, personIds: [...main.personIds, ...added] };
    return { groups };
  }
  // Everybody who was answered for has gone: the newcomers inherit the old main answer.
  const fallback = answer.groups[0]?.value ?? "";
  return { groups: [{ personIds: added, value: copyValue(fallback) }] };
}

/** True when every person is in exactly one group, nobody else is, and no group is empty. */
export function isPartition(answer: PerPersonAnswer, people: readonly Person[]): boolean {
  const expected = new Set(people.map((person) => person.id));
  const seen = new Set<string>();
  for (const group of answer.groups) {
    if (group.personIds.length === 0) return false;
    for (const id of group.personIds) {
      if (!expected.has(id) || seen.has(id)) return false;
      seen.add(id);
    }
  }
  return seen.size === expected.size;
}

function indexOfPerson(groups: readonly Group[], personId: string): number {
  const index = groups.findIndex((group) => group.personIds.includes(personId));
  // The caller checks the person against the form's people; reaching here is a bug, not input.
  if (index === -1) throw new RangeError("That person is not in this answer; sync the people first");
  return index;
}

function copyGroups(answer: PerPersonAnswer): Group[] {
  return answer.groups.map((group) => ({ personIds: [...group.personIds], value: copyValue(group.value) }));
}

const copyValue = copyAnswerValue;
