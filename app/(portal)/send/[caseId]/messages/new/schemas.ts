import { z } from "zod";
import { isUuid } from "@/lib/referrals/staff";

const text = z.string().default("");

/**
 * The Secure Message form's own fields. A case id that is not an id is a child the user cannot
 * see; the rest is checked by lib/send, which says what is wrong with each field.
 */
export const familyMessageSchema = z.object({
  caseId: z.string().refine(isUuid),
  type: text,
  subject: text,
  body: text,
  // Blank means a new message, not a reply.
  replyToId: text.transform((value) => value || null),
});
