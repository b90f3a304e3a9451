import "server-only";
/**
 * A section page's form, worked out on the server (for the page, and for the section action's
 * answer, which without JavaScript is what the page draws next): the questions to draw and
 * only the answers the page needs, those of the questions drawn and those their live
 * conditions look at. The whole form definition and the draft's other answers stay here.
 */
import { conditionQuestionIds, liveFieldOf } from "@/lib/forms/page-fields";
import { drawnQuestions, type DrawnQuestion } from "@/lib/forms/section-form";
import type { Answers, FormDefinition, Section } from "@/lib/forms/types";
import { addressLookupsFor } from "./address-lookups";
import type { SectionFormState, SectionOnPage } from "./section-state";

/** The section as its form needs it, for the draft's answers as stored. */
export function sectionOnPage(definition: FormDefinition, section: Section, answers: Answers): SectionOnPage {
  const questions = drawnQuestions(definition, section, answers);
  const liveIds = new Set(liveConditionIds(questions));
  const fileQuestion = section.questions.find((question) => question.type === "file");
  return {
    id: section.id,
    ...(section.description ? { description: section.description } : {}),
    questions,
    ...(fileQuestion ? { fileQuestionId: fileQuestion.id } : {}),
    liveFields: section.questions.filter((question) => liveIds.has(question.id)).map(liveFieldOf),
  };
}

/** The answers a section's form needs: its drawn questions' and what their live conditions look at. */
export function pageAnswers(page: SectionOnPage, answers: Answers): Answers {
  const ids = new Set([...page.questions.map(({ question }) => question.id), ...liveConditionIds(page.questions)]);
  return Object.fromEntries(Object.entries(answers).filter(([id]) => ids.has(id)));
}

/** The form's state for `answers`, with the section's address lookups. */
export async function sectionFormState(
  page: SectionOnPage,
  section: Section,
  answers: Answers,
  rest: Pick<SectionFormState, "errors" | "revision" | "isStale" | "version">,
): Promise<SectionFormState> {
  return { answers: pageAnswers(page, answers), addressLookups: await addressLookupsFor(section, answers), ...rest };
}

function liveConditionIds(questions: DrawnQuestion[]): string[] {
  return questions.flatMap(({ liveCondition }) => (liveCondition ? conditionQuestionIds(liveCondition) : []));
}
