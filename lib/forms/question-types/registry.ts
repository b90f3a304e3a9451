/**
 * The register of question types: the one place the engine finds how a question validates and
 * summarises its answer. The map's type lists every member of QuestionType, so adding a type to
 * the definition types without a handler fails to compile; an unknown type at run time throws,
 * since definitions are validated at load and one slipping through is a programming error.
 */
import type { z } from "zod";
import type { AnswerValue, Question, QuestionType } from "../types";
import type { FormReader, QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { checkboxesQuestion } from "./checkboxes";
import { dateQuestion } from "./date";
import { declarationQuestion } from "./declaration";
import { emailQuestion } from "./email";
import { longTextQuestion } from "./long-text";
import { nhsNumberQuestion } from "./nhs-number";
import { phoneQuestion } from "./phone";
import { postcodeQuestion } from "./postcode";
import { radiosQuestion } from "./radios";
import { selectQuestion } from "./select";
import { textQuestion } from "./text";
import { upnQuestion } from "./upn";
import { yesNoQuestion } from "./yes-no";
import { addressQuestion } from "./address";
import { tableQuestion } from "./table";
import { fileQuestion } from "./file";

const handlers: { [T in QuestionType]: QuestionTypeHandler<QuestionOfType<T>> } = {
  text: textQuestion,
  longText: longTextQuestion,
  email: emailQuestion,
  phone: phoneQuestion,
  date: dateQuestion,
  select: selectQuestion,
  radios: radiosQuestion,
  checkboxes: checkboxesQuestion,
  yesNo: yesNoQuestion,
  nhsNumber: nhsNumberQuestion,
  upn: upnQuestion,
  postcode: postcodeQuestion,
  declaration: declarationQuestion,
  address: addressQuestion,
  table: tableQuestion,
  file: fileQuestion,
};

export class UnknownQuestionTypeError extends Error {
  constructor(type: unknown) {
    super(`Unknown question type: ${JSON.stringify(type)}`);
    this.name = "UnknownQuestionTypeError";
  }
}

/** The handler for a question's type; throws UnknownQuestionTypeError for a type not registered. */
export function questionTypeFor<Q extends Question>(question: Q): QuestionTypeHandler<Q> {
  const type: unknown = question.type;
  // hasOwn, so a type such as "constructor" cannot reach Object.prototype.
  if (typeof type !== "string" || !Object.hasOwn(handlers, type)) throw new UnknownQuestionTypeError(type);
  // The map pairs each type with its own handler; TypeScript cannot follow that through Q.
  return handlers[type as QuestionType] as unknown as QuestionTypeHandler<Q>;
}

/** Schemas made once per question object: definitions are data loaded once and never changed. */
const schemas = new WeakMap<Question, z.ZodType<AnswerValue | undefined>>();

/** The schema of a question's submitted value; its output is the answer to store. */
export function valueSchemaFor(question: Question): z.ZodType<AnswerValue | undefined> {
  let schema = schemas.get(question);
  if (!schema) {
    schema = questionTypeFor(question).valueSchema(question);
    schemas.set(question, schema);
  }
  return schema;
}

/** A stored answer as text, by its type; readers use lib/forms/format-answer.ts, which adds "Not answered". */
export function summariseAnswer(question: Question, value: AnswerValue): string {
  return questionTypeFor(question).summarise(question, value);
}

/** The raw value posted for a question under `name`, ready for valueSchemaFor(question). */
export function readFormValue(question: Question, form: FormReader, name: string): unknown {
  const handler = questionTypeFor(question);
  return handler.readForm ? handler.readForm(question, form, name) : form.get(name);
}
