/**
 * What the delivery admin forms accept. Beside actions.ts because a "use server" file may export
 * only actions. The URL's own rules (https, refused addresses) are lib's (endpointUrlProblem).
 */
import { z } from "zod";
import type { FormState } from "@/app/_forms/form-state";
import { MAX_ENDPOINT_URL_LENGTH } from "@/lib/delivery/webhooks/endpoint-rules";

const teamId = z.string().regex(/^[a-z0-9-]{1,60}$/, "That team could not be found");

export const endpointSchema = z.object({
  teamId,
  url: z
    .string({ error: "Enter the endpoint's address" })
    .trim()
    .min(1, "Enter the endpoint's address")
    .max(MAX_ENDPOINT_URL_LENGTH, `The address must be ${MAX_ENDPOINT_URL_LENGTH} characters or fewer`),
});

export const teamIdSchema = z.object({ teamId });

export const submissionIdSchema = z.object({ submissionId: z.uuid() });

/** A form's state, plus the signing secret made by this post: shown on this page once, never stored in the clear. */
export type EndpointFormState = FormState & { secret?: string };

export const EMPTY_ENDPOINT_STATE: EndpointFormState = { errors: {}, values: {} };
