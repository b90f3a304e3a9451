/**
 * The schema shared by every single-field question type: the submitted value is a string (a
 * missing field counts as empty), trimmed; empty is an error only when the question is required;
 * anything else goes to the type's own parse, which returns the stored value or a message.
 */
import { z } from "zod";
import type { AnswerValue, Question } from "../types";
import { isDateValue, isTableValue } from "../values";
import { missingAnswerMessage } from "./wording";

export type ParseResult = { value: AnswerValue } | { error: string };

type FieldOptions = {
  /** Message when required and empty; defaults to "Enter <label>". */
  emptyMessage?: string;
  /** Whether to require an answer; defaults to the question's isRequired. */
  isRequired?: boolean;
};

export function fieldSchema(
  question: Question,
  parse: (text: string) => ParseResult,
  options: FieldOptions = {},
): z.ZodType<AnswerValue | undefined> {
  const emptyMessage = options.emptyMessage ?? missingAnswerMessage("Enter", question.label);
  const isRequired = options.isRequired ?? question.isRequired === true;
  return z.unknown().transform((raw, ctx): AnswerValue | undefined => {
    const text = fieldText(raw);
    if (text === undefined) {
      // Not a string: a tampered or mis-wired form, never something a person typed.
      ctx.addIssue({ code: "custom", message: emptyMessage });
      return z.NEVER;
    }
    if (text === "") {
      if (!isRequired) return undefined;
      ctx.addIssue({ code: "custom", message: emptyMessage });
      return z.NEVER;
    }
    const result = parse(text);
    if ("error" in result) {
      ctx.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    }
    return result.value;
  });
}

/** A submitted field as trimmed text: "" when absent, undefined when not text at all. */
export function fieldText(raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return "";
  if (typeof raw !== "string") return undefined;
  return raw.trim();
}

/** A stored answer as plain text, for types whose answer is a single string. */
export function answerText(value: AnswerValue): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.join(", ");
  if (isDateValue(value)) return [value.day, value.month, value.year].join("/");
  if (isTableValue(value)) return value.rows.map((row) => Object.values(row).join(", ")).join("; ");
  return [value.line1, value.line2, value.town, value.postcode].filter(Boolean).join(", ");
}

/** A field one normaliser accepts (as its canonical form) or refuses with `message`: phone, postcode, UPN, NHS number. */
export function normalisedFieldSchema(question: Question, normalise: (text: string) => string | undefined, message: string): z.ZodType<AnswerValue | undefined> {
  return fieldSchema(question, (text) => {
    const value = normalise(text);
    return value === undefined ? { error: message } : { value };
  });
}

/**
 * The schema of a question posted in several parts (date, address, table): `parse` turns the
 * parts into the stored value, undefined (no answer) or a message for the question.
 */
export function partsSchema(parse: (raw: unknown) => ParseResult | undefined): z.ZodType<AnswerValue | undefined> {
  return z.unknown().transform((raw, ctx): AnswerValue | undefined => {
    const result = parse(raw);
    if (result === undefined || "value" in result) return result?.value;
    ctx.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  });
}
