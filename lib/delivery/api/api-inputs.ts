/**
 * The bodies the pull API's POSTs accept, as zod schemas (the OpenAPI document describes the
 * same): each takes only its own fields. Messages match the staff area's where they say the same.
 */
import { z } from "zod";
import { INFORMATION_REASONS } from "@/lib/referrals/vocabulary";

export const CASE_SYSTEM_ID_MAX = 200;

export const ackSchema = z.object({
  caseSystemId: z
    .string({ error: "Enter the case system's id for the record" })
    .trim()
    .min(1, "Enter the case system's id for the record")
    .max(CASE_SYSTEM_ID_MAX, `caseSystemId must be ${CASE_SYSTEM_ID_MAX} characters or fewer`),
});

export const responseSchema = z.object({ response: z.string({ error: "Enter a response" }) });

export const requestInformationSchema = z.object({
  reason: z.enum(INFORMATION_REASONS, { error: "Select why you need more information" }),
  comments: z.string({ error: "comments must be text" }).default(""),
});

/** zod's errors as one message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const flattened = z.flattenError(error);
  const fields = Object.fromEntries(Object.entries(flattened.fieldErrors as Record<string, string[] | undefined>).flatMap(([field, messages]) => (messages?.[0] ? [[field, messages[0]]] : [])));
  if (flattened.formErrors[0]) fields.body = flattened.formErrors[0];
  return fields;
}
