/**
 * Conditions: whether a section or question is shown, given earlier answers. A condition is
 * data in the definition (`showIf`), never component logic; the loader has already checked
 * that `equals` targets a single-valued question and `includes` a checkboxes question.
 *
 * This evaluates against the answers it is given. Answers left behind on questions the user
 * has since hidden are dropped by the journey (`answersOnJourney`) before they get here.
 */
import { isPerPersonAnswer } from "./per-person";
import type { AnswerValue, Answers, Condition } from "./types";

/** No condition means always shown. */
export function isConditionMet(condition: Condition | undefined, answers: Answers): boolean {
  if (condition === undefined) return true;
  if ("all" in condition) return condition.all.every((part) => isConditionMet(part, answers));
  if ("any" in condition) return condition.any.some((part) => isConditionMet(part, answers));
  const test =
    "equals" in condition
      ? (value: AnswerValue) => value === condition.equals
      : (value: AnswerValue) => Array.isArray(value) && value.includes(condition.includes);
  return valuesOf(answers[condition.question]).some(test);
}

/**
 * A per-person answer counts if any group's value matches: a section about SEND support must
 * show when SEND support was asked for any one child, not only when it was asked for all.
 */
function valuesOf(answer: Answers[string] | undefined): AnswerValue[] {
  if (answer === undefined) return [];
  return isPerPersonAnswer(answer) ? answer.groups.map((group) => group.value) : [answer];
}
