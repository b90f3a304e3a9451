/**
 * A UK postcode, typed in any case with any spacing ("sw1a2aa") and stored in the Royal Mail
 * form: upper case, one space before the inward code ("SW1A 2AA"). Checked for shape, not
 * existence: the address lookup does that where it is used.
 */
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { answerText, normalisedFieldSchema } from "./field-schema";

export const POSTCODE_MESSAGE = "Enter a real postcode";

// Outward code A9, A99, AA9, AA99, A9A or AA9A; inward code a digit and two letters from those
// Royal Mail uses there (never C, I, K, M, O or V).
const POSTCODE_PATTERN = /^[A-Z]{1,2}\d[A-Z\d]?\d[ABD-HJLNP-UW-Z]{2}$/;

/** The stored form of a typed postcode, or undefined when it is not shaped like one. */
export function normalisePostcode(typed: string): string | undefined {
  const compact = typed.replace(/\s/g, "").toUpperCase();
  if (!POSTCODE_PATTERN.test(compact)) return undefined;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

export const postcodeQuestion: QuestionTypeHandler<QuestionOfType<"postcode">> = {
  type: "postcode",
  valueSchema: (question) => normalisedFieldSchema(question, normalisePostcode, POSTCODE_MESSAGE),
  summarise: (_question, value) => answerText(value),
};
