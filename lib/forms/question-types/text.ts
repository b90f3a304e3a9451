/** A single line of free text ("Child's first name"). */
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { answerText, fieldSchema } from "./field-schema";
import { labelAtStart } from "./wording";

export const TEXT_MAX_LENGTH = 500;

export const textQuestion: QuestionTypeHandler<QuestionOfType<"text">> = {
  type: "text",
  valueSchema: (question) =>
    fieldSchema(question, (text) => {
      const maxLength = question.maxLength ?? TEXT_MAX_LENGTH;
      if (text.length > maxLength) return { error: `${labelAtStart(question.label)} must be ${maxLength} characters or less` };
      return { value: text };
    }),
  summarise: (_question, value) => answerText(value),
};
