/** Select and radios differ only in how they are drawn: both store one of the choices' values. */
import type { AnswerValue, Choice, Question } from "../types";
import type { z } from "zod";
import { answerText, fieldSchema } from "./field-schema";
import { choiceLabel } from "./choice-label";
import { missingAnswerMessage } from "./wording";

type SingleChoiceQuestion = Question & { choices: Choice[] };

export function singleChoiceSchema(question: SingleChoiceQuestion): z.ZodType<AnswerValue | undefined> {
  const message = missingAnswerMessage("Select", question.label);
  return fieldSchema(
    question,
    (text) => (question.choices.some((choice) => choice.value === text) ? { value: text } : { error: message }),
    { emptyMessage: message },
  );
}

export function summariseSingleChoice(question: SingleChoiceQuestion, value: AnswerValue): string {
  return typeof value === "string" ? choiceLabel(question.choices, value) : answerText(value);
}
