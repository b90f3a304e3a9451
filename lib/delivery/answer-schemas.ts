/**
 * The JSON Schema of one question's answer in the case system's document: the `value` shape of
 * each question type, as answer-values.ts writes it. The map lists every question type, so a new
 * type fails to compile until it has a shape here. Limits follow the question types' own checks.
 */
import { LONG_TEXT_MAX_LENGTH, TEXT_MAX_LENGTH } from "@/lib/forms/question-types";
import { ADDRESS_LINE_MAX_LENGTH } from "@/lib/forms/question-types/address";
import { TABLE_CELL_MAX_LENGTH } from "@/lib/forms/question-types/table";
import type { Choice, Question, QuestionType, TableColumn } from "@/lib/forms/types";

export type JsonSchema = { [keyword: string]: unknown };

type ValueShape<T extends QuestionType> = (question: Extract<Question, { type: T }>) => JsonSchema;

const text = (maxLength: number): JsonSchema => ({ type: "string", minLength: 1, maxLength });
const oneOfChoices = (choices: readonly Choice[]): JsonSchema => ({ type: "string", enum: choices.map((choice) => choice.value) });

const ADDRESS_LINE = text(ADDRESS_LINE_MAX_LENGTH);

const VALUE_SHAPES: { [T in Exclude<QuestionType, "file">]: ValueShape<T> } = {
  text: (question) => text(question.maxLength ?? TEXT_MAX_LENGTH),
  longText: (question) => text(question.maxLength ?? LONG_TEXT_MAX_LENGTH),
  email: () => ({ type: "string", format: "email", maxLength: 254 }),
  phone: () => ({ type: "string", pattern: "^(0[0-9]{9,10}|\\+[1-9][0-9]{6,14})$", description: "UK numbers as their digits with the leading 0; others as + and the digits" }),
  date: () => ({ type: "string", format: "date", description: "YYYY-MM-DD" }),
  select: (question) => oneOfChoices(question.choices),
  radios: (question) => oneOfChoices(question.choices),
  checkboxes: (question) => ({ type: "array", items: oneOfChoices(question.choices), minItems: 1, uniqueItems: true }),
  yesNo: () => ({ type: "string", enum: ["yes", "no"] }),
  nhsNumber: () => ({ type: "string", pattern: "^[0-9]{10}$" }),
  upn: () => ({ type: "string", pattern: "^[A-Z0-9]{13}$" }),
  postcode: () => ({ type: "string", pattern: "^[A-Z0-9]{2,4} [0-9][A-Z]{2}$" }),
  declaration: () => ({ const: "yes", description: "The declaration was agreed to" }),
  address: () => ({
    type: "object",
    description: "Picked from the gazetteer (uprn and lines set) or typed (isManual)",
    properties: { postcode: { type: "string" }, houseNumber: { type: "string" }, uprn: { type: "string" }, line1: ADDRESS_LINE, line2: ADDRESS_LINE, town: ADDRESS_LINE, isManual: { const: true } },
    required: ["postcode"],
    additionalProperties: false,
  }),
  table: (question) => ({
    type: "object",
    properties: {
      rows: { type: "array", items: tableRow(question.columns), ...(question.maxRows !== undefined && { maxItems: question.maxRows }) },
      ...(question.allowNoneOrUnknown === true && { status: { enum: ["none", "unknown"], description: "None, or Not known, instead of rows" } }),
    },
    required: ["rows"],
    additionalProperties: false,
  }),
};

function tableRow(columns: readonly TableColumn[]): JsonSchema {
  const cell = (column: TableColumn): JsonSchema => ({ ...(column.type === "select" ? oneOfChoices(column.choices) : text(TABLE_CELL_MAX_LENGTH)), title: column.label });
  return {
    type: "object",
    properties: Object.fromEntries(columns.map((column) => [column.id, cell(column)])),
    required: columns.filter((column) => column.isRequired === true).map((column) => column.id),
    additionalProperties: false,
  };
}

/** The schema of a question's `value`. File questions have no answer (the files are listed apart). */
export function valueShapeFor(question: Exclude<Question, { type: "file" }>): JsonSchema {
  const shape = VALUE_SHAPES[question.type] as (question: Question) => JsonSchema;
  return shape(question);
}

/** The schema of one whole answer to this question: {questionId, label, value, text}, and isEstimated on a date that allows it. */
export function answerSchemaFor(question: Exclude<Question, { type: "file" }>): JsonSchema {
  const isEstimable = question.type === "date" && question.allowEstimated === true;
  return {
    type: "object",
    title: question.label,
    ...(question.hint !== undefined && { description: question.hint }),
    properties: {
      questionId: { const: question.id },
      label: { type: "string", description: "The question as the referrer read it (names filled in)" },
      value: valueShapeFor(question),
      ...(isEstimable && { isEstimated: { const: true, description: "The referrer was not sure of the exact date" } }),
      text: { type: "string", description: "The answer as Check your answers showed it" },
    },
    required: ["questionId", "label", "value", "text"],
    additionalProperties: false,
  };
}
