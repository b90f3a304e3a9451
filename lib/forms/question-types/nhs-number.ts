/**
 * An NHS number: 10 digits, the last a modulus 11 check digit over the first nine (weights 10
 * down to 2), so a mistyped digit is caught before a referral goes to the wrong child's
 * record. Typed with spaces or dashes; stored as the 10 digits; shown as "999 000 0018"-style
 * groups of 3, 3 and 4.
 */
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { answerText, normalisedFieldSchema } from "./field-schema";

// The example is in the 999 range, which the NHS keeps for testing and never issues.
export const NHS_NUMBER_MESSAGE = "Enter a valid NHS number, like 999 000 0018";

/** The check digit for the first nine digits, or undefined when none exists (remainder 1 gives 10). */
export function nhsNumberCheckDigit(firstNine: string): number | undefined {
  const sum = [...firstNine].reduce((total, digit, index) => total + Number(digit) * (10 - index), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? undefined : check;
}

/** The stored form of a typed NHS number, or undefined when it is not a valid one. */
export function normaliseNhsNumber(typed: string): string | undefined {
  const digits = typed.replace(/[\s-]/g, "");
  if (!/^\d{10}$/.test(digits)) return undefined;
  return nhsNumberCheckDigit(digits.slice(0, 9)) === Number(digits[9]) ? digits : undefined;
}

export const nhsNumberQuestion: QuestionTypeHandler<QuestionOfType<"nhsNumber">> = {
  type: "nhsNumber",
  valueSchema: (question) => normalisedFieldSchema(question, normaliseNhsNumber, NHS_NUMBER_MESSAGE),
  summarise: (_question, value) => {
    const text = answerText(value);
    return /^\d{10}$/.test(text) ? `${text.slice(0, 3)} ${text.slice(3, 6)} ${text.slice(6)}` : text;
  },
};
