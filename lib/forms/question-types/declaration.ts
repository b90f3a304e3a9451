/**
 * A statement the person must agree to, as one ticked checkbox posting "yes". Always required,
 * whatever isRequired says: an optional declaration would declare nothing.
 */
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { fieldSchema } from "./field-schema";

export const DECLARATION_MESSAGE = "Confirm that you agree to the declaration";

export const declarationQuestion: QuestionTypeHandler<QuestionOfType<"declaration">> = {
  type: "declaration",
  valueSchema: (question) =>
    fieldSchema(question, (text) => (text === "yes" ? { value: "yes" } : { error: DECLARATION_MESSAGE }), {
      emptyMessage: DECLARATION_MESSAGE,
      isRequired: true,
    }),
  summarise: () => "Agreed",
};
