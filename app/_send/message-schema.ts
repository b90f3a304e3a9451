import { z } from "zod";
import { isUuid } from "@/lib/security/uuid";

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

/**
 * The team's message form: the family's fields and who it is to (a family member's user id or
 * "everyone"). Left blank it is still passed on, so lib/send answers "Select who the message is
 * to" beside the field; whether the person has access to the case is lib/send's to decide.
 */
export const teamMessageFormSchema = messageFormSchema.extend({ to: text });
