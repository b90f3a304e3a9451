/**
 * Supporting documents. The files are attachments of the draft (lib/attachments), uploaded by
 * their own form, so the question has no answer of its own: nothing is read from the section's
 * post and nothing can fail. Check your answers and the PDF list the files instead.
 */
import { z } from "zod";
import type { AnswerValue } from "../types";
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";

export const fileQuestion: QuestionTypeHandler<QuestionOfType<"file">> = {
  type: "file",
  valueSchema: () => z.unknown().transform((): AnswerValue | undefined => undefined),
  readForm: () => undefined,
  summarise: () => "",
};
