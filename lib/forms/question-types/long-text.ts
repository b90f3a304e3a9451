/** Several paragraphs of free text ("Describe your concerns"), shown in a textarea. */
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { answerText, fieldSchema } from "./field-schema";
import { LONG_TEXT_MAX_LENGTH } from "./limits";
import { labelAtStart } from "./wording";

export { LONG_TEXT_MAX_LENGTH };

export const longTextQuestion: QuestionTypeHandler<QuestionOfType<"longText">> = {
  type: "longText",
  valueSchema: (question) =>
    fieldSchema(question, (typed) => {
      // Browsers post textarea line breaks as CRLF; storing LF keeps the length the person saw.
      const text = typed.replace(/\r\n?/g, "\n");
      const maxLength = question.maxLength ?? LONG_TEXT_MAX_LENGTH;
      if (text.length > maxLength) return { error: `${labelAtStart(question.label)} must be ${maxLength} characters or less` };
      return { value: text };
    }),
  summarise: (_question, value) => answerText(value),
};
