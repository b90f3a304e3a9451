/**
 * A Unique Pupil Number (DfE): 13 characters. The first is a check letter over the other twelve:
 * each character at position i (2 to 13) times weight i, summed, mod 23, indexes the check
 * letter table. Positions 2 to 12 are digits; position 13 is a digit, or a letter in a temporary
 * UPN, whose value is its place in the same table. Typed in any case and with spaces; stored
 * upper case without them.
 */
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { answerText, normalisedFieldSchema } from "./field-schema";

// A to Z without I, O and S, which are too easily read as 1, 0 and 5.
const CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

/** The check letter for characters 2 to 13 of a UPN (12 characters), or undefined if they cannot be part of one. */
export function upnCheckLetter(rest: string): string | undefined {
  if (!/^\d{11}[\dA-HJ-NP-RT-Z]$/.test(rest)) return undefined;
  const sum = [...rest].reduce((total, char, index) => {
    const value = /\d/.test(char) ? Number(char) : CHECK_LETTERS.indexOf(char);
    return total + value * (index + 2);
  }, 0);
  return CHECK_LETTERS[sum % 23];
}

/** The stored form of a typed UPN, or undefined when it is not a valid one. */
export function normaliseUpn(typed: string): string | undefined {
  const upn = typed.replace(/\s/g, "").toUpperCase();
  if (upn.length !== 13) return undefined;
  return upnCheckLetter(upn.slice(1)) === upn[0] ? upn : undefined;
}

export const UPN_MESSAGE = `Enter a valid UPN, which is 13 characters, like ${exampleUpn()}`;

// Built rather than written out, so the example in the message always passes the check.
function exampleUpn(): string {
  const rest = "123456789012";
  return `${upnCheckLetter(rest) ?? ""}${rest}`;
}

export const upnQuestion: QuestionTypeHandler<QuestionOfType<"upn">> = {
  type: "upn",
  valueSchema: (question) => normalisedFieldSchema(question, normaliseUpn, UPN_MESSAGE),
  summarise: (_question, value) => answerText(value),
};
