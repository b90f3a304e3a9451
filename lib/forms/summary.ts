/**
 * "Check your answers": each shown section's visible questions with their answers as text.
 * A per-person answer gives one line per group, named by its people ("Amy, Ben: 5 March 2019").
 */
import { shownSections } from "./journey";
import { isPerPersonAnswer } from "./per-person";
import { summariseAnswer } from "./question-types";
import { isBlankAnswer } from "./values";
import { personalise } from "./personalise";
import type { AnswerValue, Answers, FormDefinition, Person, Question } from "./types";

export type SummaryRow = { questionId: string; label: string; lines: string[] };
export type SummarySection = { sectionId: string; title: string; rows: SummaryRow[] };

export const NOT_ANSWERED = "Not answered";

const isEmpty = isBlankAnswer;

function linesFor(question: Question, answer: Answers[string] | undefined, people: readonly Person[]): string[] {
  const text = (value: AnswerValue | undefined) => (isEmpty(value) ? NOT_ANSWERED : summariseAnswer(question, value!));
  if (!isPerPersonAnswer(answer)) return [text(answer)];
  const nameOf = (id: string) => people.find((person) => person.id === id)?.forename ?? "Unknown person";
  if (answer.groups.length === 1) return [text(answer.groups[0]?.value)];
  return answer.groups.map((group) => `${group.personIds.map(nameOf).join(", ")}: ${text(group.value)}`);
}

export const NO_FILES = "No documents attached";

/** The files attached to the form, for its file questions. */
export type AttachedFile = { fileName: string; sizeBytes: number };

export function summariseForm(definition: FormDefinition, answers: Answers, people: readonly Person[], files: readonly AttachedFile[] = []): SummarySection[] {
  const { onJourney, sections } = shownSections(definition, answers);
  return sections.map(({ section, questions }) => ({
    sectionId: section.id,
    title: section.title,
    rows: questions.map((question) => ({
      questionId: question.id,
      label: personalise(question.label, people),
      lines: question.type === "file" ? (files.length > 0 ? files.map((file) => file.fileName) : [NO_FILES]) : linesFor(question, onJourney[question.id], people),
    })),
  }));
}
