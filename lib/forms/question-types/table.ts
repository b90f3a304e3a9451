/** PLACEHOLDER: replaced by the repeating table question type. */
import { z } from "zod";
import type { AnswerValue } from "../types";
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { answerText } from "./field-schema";

export const tableQuestion: QuestionTypeHandler<QuestionOfType<"table">> = {
  type: "table",
  valueSchema: () => z.unknown().transform(() => undefined as AnswerValue | undefined),
  summarise: (_question, value) => answerText(value),
};
