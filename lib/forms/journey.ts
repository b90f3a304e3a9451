/**
 * The journey through a form: a pure walk over its definition and the answers so far. It says
 * which sections and questions are shown, each section's state for the task list, and where
 * Next, Back and "resume" lead. Conditions only look at earlier questions (the loader refuses
 * anything else), so one forward walk settles everything and no route can loop.
 *
 * Whether a section's answers are valid is injected (`isSectionValid`): validation belongs to
 * the question types, and the journey only needs the verdict.
 */
import { isConditionMet } from "./conditions";
import { COMPLETING_AS_QUESTION } from "./completing-as";
import { isPerPersonAnswer } from "./per-person";
import { isBlankAnswer } from "./values";
import type { Answers, FormDefinition, Question, Section } from "./types";

export type SectionState = "complete" | "in-progress" | "not-started";
export type SectionStatus = { section: Section; state: SectionState; isShown: boolean };
export type IsSectionValid = (section: Section) => boolean;

/**
 * The answers the user can still see, in form order. An answer stays in the draft when the
 * user hides its question by changing an earlier answer (so changing back restores it), but
 * it must not keep showing later sections or reach the summary: those use this instead.
 */
export function answersOnJourney(definition: FormDefinition, answers: Answers): Answers {
  // The start page's answer comes before every section (completing-as.ts).
  const startAnswer = answers[COMPLETING_AS_QUESTION.id];
  const reached: Answers = startAnswer === undefined ? {} : { [COMPLETING_AS_QUESTION.id]: startAnswer };
  for (const section of definition.sections) {
    if (!isConditionMet(section.showIf, reached)) continue;
    // This section's own answers join the earlier ones; the walk inside drops the hidden ones.
    const candidates: Answers = { ...reached };
    for (const question of section.questions) {
      const answer = answers[question.id];
      if (answer !== undefined) candidates[question.id] = answer;
    }
    for (const question of visibleQuestions(section, candidates)) {
      const answer = answers[question.id];
      if (answer !== undefined) reached[question.id] = answer;
    }
  }
  return reached;
}

/**
 * The questions of a section whose conditions hold. A question hidden here takes its answer
 * out of play for the questions after it in the section. Pass `answersOnJourney(...)` so
 * answers hidden in earlier sections are out of play too.
 */
export function visibleQuestions(section: Section, answers: Answers): Question[] {
  const inPlay: Answers = { ...answers };
  return section.questions.filter((question) => {
    const isShown = isConditionMet(question.showIf, inPlay);
    if (!isShown) delete inPlay[question.id];
    return isShown;
  });
}

export type ShownSection = { section: Section; questions: Question[] };

/**
 * What the form says once sent: the answers still on the journey, and each shown section (with
 * questions) with its shown questions. Check your answers, the PDF and the case system's
 * document (lib/delivery) all read this, so they agree on which answers apply.
 */
export function shownSections(definition: FormDefinition, answers: Answers): { onJourney: Answers; sections: ShownSection[] } {
  const onJourney = answersOnJourney(definition, answers);
  const sections = definition.sections
    .filter((section) => section.questions.length > 0 && isConditionMet(section.showIf, onJourney))
    .map((section) => ({ section, questions: visibleQuestions(section, onJourney) }));
  return { onJourney, sections };
}

/**
 * Every section with whether it is shown and its state. Hidden sections are listed (so a
 * caller can tell hidden from unknown) but skipped: never validated, always "not-started".
 */
export function sectionStates(
  definition: FormDefinition,
  answers: Answers,
  isSectionValid: IsSectionValid,
): SectionStatus[] {
  const reached = answersOnJourney(definition, answers);
  return definition.sections.map((section) => {
    const isShown = isConditionMet(section.showIf, reached);
    if (!isShown) return { section, state: "not-started", isShown };
    const questions = visibleQuestions(section, reached);
    const isStarted = questions.some((question) => hasAnswer(reached[question.id]));
    const hasRequired = questions.some((question) => question.isRequired === true);
    // A section of optional questions is complete before it is touched, so the task list
    // does not ask the user to visit a page with nothing they must answer.
    if (isSectionValid(section) && (isStarted || !hasRequired)) return { section, state: "complete", isShown };
    return { section, state: isStarted ? "in-progress" : "not-started", isShown };
  });
}

/** The next shown section after `currentId`, or null at the end (then: check your answers). */
export function nextSection(definition: FormDefinition, answers: Answers, currentId: string): string | null {
  return shownNeighbour(definition, answers, currentId, 1);
}

/** The shown section before `currentId`, or null at the start. */
export function previousSection(definition: FormDefinition, answers: Answers, currentId: string): string | null {
  return shownNeighbour(definition, answers, currentId, -1);
}

/** Where a returning user resumes: the first shown section not complete, or null when all are. */
export function firstIncompleteSection(
  definition: FormDefinition,
  answers: Answers,
  isSectionValid: IsSectionValid,
): string | null {
  const status = sectionStates(definition, answers, isSectionValid).find(
    (entry) => entry.isShown && entry.state !== "complete",
  );
  return status?.section.id ?? null;
}

/** Unknown ids give null too: a route checks the id against the definition before it walks. */
function shownNeighbour(definition: FormDefinition, answers: Answers, currentId: string, step: 1 | -1): string | null {
  const { sections } = definition;
  const start = sections.findIndex((section) => section.id === currentId);
  if (start === -1) return null;
  const reached = answersOnJourney(definition, answers);
  for (let index = start + step; index >= 0 && index < sections.length; index += step) {
    const section = sections[index]!;
    if (isConditionMet(section.showIf, reached)) return section.id;
  }
  return null;
}

function hasAnswer(answer: Answers[string] | undefined): boolean {
  if (answer === undefined) return false;
  if (isPerPersonAnswer(answer)) return answer.groups.some((group) => hasAnswer(group.value));
  return !isBlankAnswer(answer);
}
