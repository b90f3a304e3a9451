/** An email address. Checked for shape only: whether mail arrives is the outbox's business. */
import type { QuestionOfType, QuestionTypeHandler } from "./question-type-handler";
import { answerText, fieldSchema } from "./field-schema";

export const EMAIL_FORMAT_MESSAGE = "Enter an email address in the correct format, like name@example.com";

// One @, no spaces, a domain of dot-separated labels ending in a top-level domain of 2+ letters.
const EMAIL_PATTERN = /^[^\s@]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i;
// RFC 5321's limit on a forward path; longer addresses cannot be delivered.
const EMAIL_MAX_LENGTH = 254;

export const emailQuestion: QuestionTypeHandler<QuestionOfType<"email">> = {
  type: "email",
  valueSchema: (question) =>
    fieldSchema(question, (text) => {
      if (text.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(text)) return { error: EMAIL_FORMAT_MESSAGE };
      // Domains are case-insensitive; the local part may not be, so it is kept as typed.
      const at = text.lastIndexOf("@");
      return { value: text.slice(0, at) + text.slice(at).toLowerCase() };
    }),
  summarise: (_question, value) => answerText(value),
};
