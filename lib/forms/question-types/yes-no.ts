/**
 * A yes or no question, drawn as two radios. The message cannot be built from a label phrased as
 * a question ("Does the child have an EHCP?"), so it is the plain "Select yes or no".
 */
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { answerText, fieldSchema } from "./field-schema";

export const YES_NO_MESSAGE = "Select yes or no";

export const yesNoQuestion: QuestionTypeHandler<QuestionOfType<"yesNo">> = {
  type: "yesNo",
  valueSchema: (question) =>
    fieldSchema(question, (text) => (text === "yes" || text === "no" ? { value: text } : { error: YES_NO_MESSAGE }), {
      emptyMessage: YES_NO_MESSAGE,
    }),
  summarise: (_question, value) => (value === "yes" ? "Yes" : value === "no" ? "No" : answerText(value)),
};
