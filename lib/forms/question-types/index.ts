/** The question types of the form engine, reached through their registry (registry.ts). */
export { questionTypeFor, readFormValue, summariseAnswer, UnknownQuestionTypeError, valueSchemaFor } from "./registry";
export type { FormReader, QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
export { normaliseNhsNumber, nhsNumberCheckDigit, NHS_NUMBER_MESSAGE } from "./nhs-number";
export { normaliseUpn, upnCheckLetter, UPN_MESSAGE } from "./upn";
export { normalisePhoneNumber, PHONE_FORMAT_MESSAGE } from "./phone";
export { normalisePostcode, POSTCODE_MESSAGE } from "./postcode";
export { DECLARATION_MESSAGE } from "./declaration";
export { YES_NO_MESSAGE } from "./yes-no";
export { TEXT_MAX_LENGTH } from "./text";
export { LONG_TEXT_MAX_LENGTH } from "./long-text";
