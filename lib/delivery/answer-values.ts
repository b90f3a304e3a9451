/**
 * One answer as the case system receives it: the question's id and label, the value as data
 * (what a program reads) and as text (what Check your answers shows: the one answer formatter,
 * lib/forms/format-answer.ts). Values keep the stored shape where it is already plain data (text, a choice's
 * value, a list of choices, an address, table rows); a date becomes "YYYY-MM-DD" with
 * `isEstimated` beside it, since a program wants one comparable string, not three parts.
 *
 * json-schema.ts describes exactly these shapes, type by type.
 */
import { formatAnswer } from "@/lib/forms/format-answer";
import { answerText } from "@/lib/forms/question-types/field-schema";
import type { AddressValue, AnswerValue, Question, TableValue } from "@/lib/forms/types";
import { isAddressValue, isBlankAnswer, isDateValue, isTableValue } from "@/lib/forms/values";

export type DocumentValue = string | string[] | AddressValue | TableValue;

export type DocumentAnswer = {
  questionId: string;
  label: string;
  value: DocumentValue;
  /** Only on a date answer marked "I'm not sure of the exact date". */
  isEstimated?: true;
  text: string;
};

/** The answer to put in the document, or null when it says nothing (left blank, or a file question: files are listed apart). */
export function documentAnswer(question: Question, label: string, value: AnswerValue | undefined): DocumentAnswer | null {
  if (question.type === "file" || value === undefined || isBlankAnswer(value)) return null;
  const text = formatAnswer(question, value);
  if (question.type === "date" && isDateValue(value)) {
    const iso = `${value.year}-${value.month.padStart(2, "0")}-${value.day.padStart(2, "0")}`;
    return { questionId: question.id, label, value: iso, ...(value.isEstimated === true && { isEstimated: true as const }), text };
  }
  return { questionId: question.id, label, value: plainValue(value), text };
}

function plainValue(value: AnswerValue): DocumentValue {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return [...value];
  if (isTableValue(value)) return { rows: value.rows.map((row) => ({ ...row })), ...(value.status !== undefined && { status: value.status }) };
  if (isAddressValue(value)) return { ...value };
  // A date under a question of another type cannot be stored (the type's schema refuses it); kept as text if it ever is.
  return answerText(value);
}
