/** One choice from a short list shown as radio buttons. */
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { singleChoiceSchema, summariseSingleChoice } from "./single-choice";

export const radiosQuestion: QuestionTypeHandler<QuestionOfType<"radios">> = {
  type: "radios",
  valueSchema: singleChoiceSchema,
  summarise: summariseSingleChoice,
};
