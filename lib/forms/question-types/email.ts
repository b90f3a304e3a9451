/** An email address. Checked for shape only: whether mail arrives is the outbox's business. */
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { EMAIL_FORMAT_MESSAGE, isEmailAddress } from "@/lib/mail/email-address";
import { answerText, fieldSchema } from "./field-schema";

export const emailQuestion: QuestionTypeHandler<QuestionOfType<"email">> = {
  type: "email",
  valueSchema: (question) =>
    fieldSchema(question, (text) => {
      if (!isEmailAddress(text)) return { error: EMAIL_FORMAT_MESSAGE };
      // Domains are case-insensitive; the local part may not be, so it is kept as typed.
      const at = text.lastIndexOf("@");
      return { value: text.slice(0, at) + text.slice(at).toLowerCase() };
    }),
  summarise: (_question, value) => answerText(value),
};
