import { z } from "zod";

// More than any family has; a longer list can only be forged.
const MAX_INVITATIONS = 50;

/** Account Setup's fields: the ticked invitations, Yes or No, and the button pressed. Checked by the action. */
export const accountSetupSchema = z.object({
  invitationId: z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((ids) => (Array.isArray(ids) ? ids : [ids]).slice(0, MAX_INVITATIONS)),
  answer: z.string().default(""),
  intent: z.string().default("confirm"),
});
