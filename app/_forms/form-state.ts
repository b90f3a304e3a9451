import { postedEntries, type PostedFields } from "@/lib/posted-fields";

/**
 * What a server action returns to its form: messages beside fields (and in the error
 * summary), the values typed (so nothing is lost), and an optional notice.
 */
export type FormState = {
  errors: Record<string, string>;
  values: Record<string, string>;
  notice?: string;
};

export const EMPTY_FORM_STATE: FormState = { errors: {}, values: {} };

/** Every posted text field (the last value of a repeated name), for echoing back after a validation error (never passwords: `omit` them). */
export function typedValues(fields: PostedFields, omit: string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of postedEntries(fields)) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !omit.includes(key)) values[key] = value;
  }
  return values;
}

/** zod's flattened field errors, first message per field. */
export function firstErrors(fieldErrors: Record<string, string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldErrors).flatMap(([field, messages]) => (messages?.[0] ? [[field, messages[0]]] : [])));
}
