/**
 * What every question type provides to the form engine: how to turn a submitted field into the
 * stored answer (with GOV.UK-style messages) and how to show a stored answer as text. The
 * registry (registry.ts) is the only place that picks a handler for a question.
 */
import type { z } from "zod";
import type { AnswerValue, Question, QuestionType } from "../types";

export type QuestionOfType<T extends QuestionType> = Extract<Question, { type: T }>;

export type QuestionTypeHandler<Q extends Question> = {
  type: Q["type"];
  /**
   * Schema of the submitted value: form fields are strings, checkboxes a string[], a date its
   * parts. The output is the normalised stored answer, or undefined when optional and empty.
   */
  valueSchema(question: Q): z.ZodType<AnswerValue | undefined>;
  /**
   * The raw submitted value of the field(s) posted under `name`, to give to valueSchema. When
   * omitted, the single field `name`. Multi-field types (date parts, address, table rows) post
   * `${name}-<part>`.
   */
  readForm?(question: Q, form: FormReader, name: string): unknown;
  /** The answer as text; format-answer.ts (the one formatter every reader uses) handles "Not answered". */
  summarise(question: Q, value: AnswerValue): string;
};

/** Posted form fields by name (FormData or a plain record, wrapped). */
export type FormReader = { get(name: string): string | undefined; getAll(name: string): string[] };
