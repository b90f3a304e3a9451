/**
 * The parts of the form engine a section page's browser code uses: a question's fields for the
 * people on the form, field names, what was typed kept in the shape of an answer, and the raw
 * value of a question that another question on the page depends on. Nothing here imports a
 * question type's schema (zod), so the section page's client bundle stays small; the server's
 * engine (section-form.ts) uses the same functions.
 */
import { isPerPersonAnswer, singleGroup, syncPeople } from "./per-person";
import { joinNames, NAMES_TOKEN, personalise } from "./personalise";
import type { AnswerValue, Answers, Condition, PerPersonAnswer, Person, Question } from "./types";

/** Posted form fields by name (FormData or a plain record, wrapped). */
type FieldReader = { get(name: string): string | undefined; getAll(name: string): string[] };

/** Field name of a per-person question's nth group. */
export const groupFieldName = (questionId: string, index: number) => `${questionId}__${index}`;

/** One field to draw: the whole question, or one group of people's copy of a per-person question. */
export type FieldGroupView = {
  name: string;
  label: string;
  value: AnswerValue | undefined;
  /** For a per-person question: the group's people (null for an ordinary question). */
  personIds: string[] | null;
};

/** The answer of a per-person question as groups matching the people now on the form. */
export function perPersonGroups(answer: Answers[string] | undefined, people: readonly Person[]): PerPersonAnswer {
  if (answer === undefined) return singleGroup(people, "");
  if (!isPerPersonAnswer(answer)) return singleGroup(people, answer);
  return syncPeople(answer, people);
}

/** A question's fields: one, or one per group of people for a per-person question. */
export function fieldGroups(question: Question, people: readonly Person[], answer: Answers[string] | undefined): FieldGroupView[] {
  if (question.isPerPerson !== true) {
    return [{ name: question.id, label: personalise(question.label, people), value: isPerPersonAnswer(answer) ? answer.groups[0]?.value : answer, personIds: null }];
  }
  const { groups } = perPersonGroups(answer, people);
  return groups.map((group, index) => {
    const about = people.filter((person) => group.personIds.includes(person.id));
    // Once split, each copy says whose it is, even when the label does not name anyone.
    const isNamed = question.label.includes(NAMES_TOKEN) || groups.length === 1;
    return {
      name: groupFieldName(question.id, index),
      label: isNamed ? personalise(question.label, about) : `${question.label} (${joinNames(about)})`,
      value: group.value,
      personIds: group.personIds,
    };
  });
}

/** The question ids a condition looks at. */
export function conditionQuestionIds(condition: Condition): string[] {
  if ("all" in condition) return condition.all.flatMap(conditionQuestionIds);
  if ("any" in condition) return condition.any.flatMap(conditionQuestionIds);
  return [condition.question];
}

/**
 * A question that another question on the same page depends on, as the page needs it to show
 * or hide that question live: its field name and whether it posts a list.
 */
export type LiveField = { id: string; name: string; isList: boolean };

export function liveFieldOf(question: Question): LiveField {
  return { id: question.id, name: question.isPerPerson === true ? groupFieldName(question.id, 0) : question.id, isList: question.type === "checkboxes" };
}

/**
 * The raw value of a live field as the page holds it now. A condition can only look at a
 * single value (`equals`) or a checkboxes list (`includes`; the loader refuses anything else),
 * so this reads one field or every checked box, as the question types' own readForm do.
 */
export function liveFieldValue(field: LiveField, form: FieldReader): unknown {
  return field.isList ? form.getAll(field.name) : form.get(field.name);
}

const MAX_TYPED_LENGTH = 20_000;

/**
 * What the user typed, kept in the shape of a stored answer so it can be drawn again: strings
 * (capped), lists of strings, and objects of those (date parts, address lines, table rows).
 * Anything else in a tampered post is dropped.
 */
export function typedValue(raw: unknown): AnswerValue | undefined {
  const kept = keepTyped(raw, 0);
  return kept === undefined ? undefined : (kept as AnswerValue);
}

function keepTyped(raw: unknown, depth: number): unknown {
  if (typeof raw === "string") return raw.trim().slice(0, MAX_TYPED_LENGTH);
  if (typeof raw === "boolean") return raw;
  if (depth > 3) return undefined;
  if (Array.isArray(raw)) return raw.map((item) => keepTyped(item, depth + 1)).filter((item) => item !== undefined);
  if (typeof raw === "object" && raw !== null) {
    const entries = Object.entries(raw).flatMap(([key, value]) => {
      const kept = keepTyped(value, depth + 1);
      return kept === undefined ? [] : [[key, kept] as const];
    });
    return Object.fromEntries(entries);
  }
  return undefined;
}
