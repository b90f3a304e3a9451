/** PLACEHOLDER: replaced by the address question type (postcode lookup over the gazetteer). */
import { z } from "zod";
import type { AnswerValue } from "../types";
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { answerText } from "./field-schema";

export const addressQuestion: QuestionTypeHandler<QuestionOfType<"address">> = {
  type: "address",
  valueSchema: () => z.unknown().transform(() => undefined as AnswerValue | undefined),
  summarise: (_question, value) => answerText(value),
};
