import { z } from "zod";
import { isUuid } from "@/lib/referrals/staff";

const text = z.string().default("");

/**
 * A secure message's form, from the family (New Message) or the team (Send message, Send
 * reply): a case id that is not an id is a case that is not there; the rest is checked by
 * lib/send, which says what is wrong with each field.
 */
export const messageFormSchema = z.object({
  caseId: z.string().refine(isUuid),
  type: text,
  subject: text,
  body: text,
  // Blank means a new message, not a reply.
  replyToId: text.transform((value) => value || null),
});
