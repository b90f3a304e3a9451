/**
 * A telephone number. People type numbers every which way ("+44 (0)7700 900 123",
 * "07700-900123"); we accept spaces, dashes, dots and brackets and store one form: UK numbers as
 * their 10 or 11 digits with the leading 0, so staff can dial and search them alike.
 *
 * Decision: a number starting "+" (or "00") with a country code other than 44 is accepted and
 * stored as "+" and its digits (7 to 15, E.164's limits), since families and professionals
 * abroad do make referrals; we do not check other countries' numbering plans.
 */
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { answerText, normalisedFieldSchema } from "./field-schema";

export const PHONE_FORMAT_MESSAGE = "Enter a telephone number, like 01632 960 001 or 07700 900 982";

/** The stored form of a typed number, or undefined when it is not a telephone number. */
export function normalisePhoneNumber(typed: string): string | undefined {
  const compact = typed.replace(/[\s\-.()]/g, "");
  if (!/^\+?\d+$/.test(compact)) return undefined;
  const international = compact.startsWith("+") ? compact.slice(1) : compact.startsWith("00") ? compact.slice(2) : undefined;
  if (international === undefined) return /^0\d{9,10}$/.test(compact) ? compact : undefined;
  if (international.startsWith("44")) {
    // "+44 (0)7700…" keeps the 0 the brackets held; "+447700…" needs it put back.
    const national = international.slice(2);
    const withZero = national.startsWith("0") ? national : `0${national}`;
    return /^0\d{9,10}$/.test(withZero) ? withZero : undefined;
  }
  return /^[1-9]\d{6,14}$/.test(international) ? `+${international}` : undefined;
}

export const phoneQuestion: QuestionTypeHandler<QuestionOfType<"phone">> = {
  type: "phone",
  valueSchema: (question) => normalisedFieldSchema(question, normalisePhoneNumber, PHONE_FORMAT_MESSAGE),
  summarise: (_question, value) => answerText(value),
};
