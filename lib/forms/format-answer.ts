/**
 * The one formatter of answers for people to read: Check your answers, the staff view, the PDF
 * and the `text` of each answer in the case system's document all show an answer through here,
 * so none can word it differently. (Emails carry no answers: they say a form was saved or sent.)
 *
 * Each question type words its own value (question-types/, e.g. a date "5 March 2019 (estimated)",
 * a choice its label, a yes/no "Yes", an address its lines joined, table rows "Name: Sam,
 * Relationship: Brother; …"); this module adds what is the same for every type: a blank answer
 * is "Not answered", a per-person answer is a line per group of people when they differ, and a
 * file question lists the attached files by name.
 *
 * The text is plain: whoever draws it escapes it (React does, for the page and the PDF).
 */
import { COMPLETING_AS_QUESTION } from "./completing-as";
import { isPerPersonAnswer } from "./per-person";
import { summariseAnswer } from "./question-types";
import type { AnswerValue, Answers, Person, Question } from "./types";
import { isBlankAnswer } from "./values";

export const NOT_ANSWERED = "Not answered";
export const NO_FILES = "No documents attached";

/** The files attached to a form, for its file questions. */
export type AttachedFile = { fileName: string; sizeBytes: number };

/** One value of a question as text: "Not answered" when it says nothing. */
export function formatAnswer(question: Question, value: AnswerValue | undefined): string {
  return value === undefined || isBlankAnswer(value) ? NOT_ANSWERED : summariseAnswer(question, value);
}

/**
 * A question's stored answer as the lines shown beside its label: one line, or for a per-person
 * answer whose people differ one line per group, named by forename ("Amy, Ben: 5 March 2019");
 * for a file question, a line per attached file.
 */
export function formatAnswerLines(question: Question, answer: Answers[string] | undefined, people: readonly Person[], files: readonly AttachedFile[] = []): string[] {
  if (question.type === "file") return formatFiles(files);
  if (!isPerPersonAnswer(answer)) return [formatAnswer(question, answer)];
  if (answer.groups.length === 1) return [formatAnswer(question, answer.groups[0]?.value)];
  const nameOf = (id: string) => people.find((person) => person.id === id)?.forename ?? "Unknown person";
  return answer.groups.map((group) => `${group.personIds.map(nameOf).join(", ")}: ${formatAnswer(question, group.value)}`);
}

/** The attached files by name, or "No documents attached". */
export function formatFiles(files: readonly AttachedFile[]): string[] {
  return files.length > 0 ? files.map((file) => file.fileName) : [NO_FILES];
}

/** The people a form is about, by full name. */
export function formatPeople(people: readonly Person[]): string {
  return people.map((person) => `${person.forename} ${person.surname}`).join(", ") || NOT_ANSWERED;
}

/** "I am completing this form as a", asked beside the people: its choice's label. */
export function formatCompletingAs(answers: Answers): string {
  const value = answers[COMPLETING_AS_QUESTION.id];
  return formatAnswer(COMPLETING_AS_QUESTION, typeof value === "string" ? value : undefined);
}
