/** One choice from a drop-down list, for lists too long for radios. */
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { singleChoiceSchema, summariseSingleChoice } from "./single-choice";

export const selectQuestion: QuestionTypeHandler<QuestionOfType<"select">> = {
  type: "select",
  valueSchema: singleChoiceSchema,
  summarise: summariseSingleChoice,
};
