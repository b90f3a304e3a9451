/**
 * Any number of choices, shown as checkboxes. Submitted as a string[] (a form with one box
 * ticked may post a lone string); stored without repeats, in the order of the choices.
 */
import { z } from "zod";
import type { AnswerValue } from "../types";
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { choiceLabel } from "./choice-label";
import { missingAnswerMessage } from "./wording";

export const checkboxesQuestion: QuestionTypeHandler<QuestionOfType<"checkboxes">> = {
  type: "checkboxes",
  valueSchema: (question) => {
    const message = missingAnswerMessage("Select", question.label);
    return z.unknown().transform((raw, ctx): AnswerValue | undefined => {
      const submitted = raw === undefined || raw === null ? [] : typeof raw === "string" ? [raw] : raw;
      const isKnownList =
        Array.isArray(submitted) && submitted.every((item) => question.choices.some((choice) => choice.value === item));
      // An unknown value can only come from a tampered form; it gets the same message as none.
      if (!isKnownList || (submitted.length === 0 && question.isRequired === true)) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      if (submitted.length === 0) return undefined;
      return question.choices.map((choice) => choice.value).filter((value) => submitted.includes(value));
    });
  },
  readForm: (_question, form, name) => form.getAll(name),
  summarise: (question, value) => {
    const values = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
    return values.map((item) => choiceLabel(question.choices, item)).join(", ");
  },
};
