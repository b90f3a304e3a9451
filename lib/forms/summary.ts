/**
 * "Check your answers": each shown section's visible questions with their answers as text, in
 * the words of the one answer formatter (format-answer.ts), for the page, the staff view and the PDF.
 */
import { formatAnswerLines, type AttachedFile } from "./format-answer";
import { shownSections } from "./journey";
import { personalise } from "./personalise";
import type { Answers, FormDefinition, Person } from "./types";

export { NO_FILES, NOT_ANSWERED, type AttachedFile } from "./format-answer";

export type SummaryRow = { questionId: string; label: string; lines: string[] };
export type SummarySection = { sectionId: string; title: string; rows: SummaryRow[] };

export function summariseForm(definition: FormDefinition, answers: Answers, people: readonly Person[], files: readonly AttachedFile[] = []): SummarySection[] {
  const { onJourney, sections } = shownSections(definition, answers);
  return sections.map(({ section, questions }) => ({
    sectionId: section.id,
    title: section.title,
    rows: questions.map((question) => ({
      questionId: question.id,
      label: personalise(question.label, people),
      lines: formatAnswerLines(question, onJourney[question.id], people, files),
    })),
  }));
}
