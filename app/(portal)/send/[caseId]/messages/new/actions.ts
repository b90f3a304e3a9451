"use server";

import { notFound, redirect } from "next/navigation";
import { stateAction } from "@/app/_actions/server-action";
import type { FormState } from "@/app/_forms/form-state";
import { sendDeps } from "@/app/_send/send-deps";
import { logEvent } from "@/lib/log";
import { sendFamilyMessage } from "@/lib/send/messages";
import { messageFormSchema } from "@/app/_send/message-schema";
import { keepMessagePost } from "./kept-message";

/** Sign-in comes back to the message form of the child posted, if it names one. */
const messageFormPath = { field: "caseId", path: (caseId: string) => `/send/${caseId}/messages/new`, otherwise: "/send" };

/**
 * "Send" on the Secure Message form. lib/send decides, through the family's active access: a
 * child the user cannot see is a 404, a refusal comes back with the messages and what was typed,
 * and a sent message goes back to the child's messages with "Your message has been sent". The
 * log holds ids, never the text.
 */
export const sendFamilyMessageAction = stateAction(
  { access: "user", returnTo: messageFormPath, keep: keepMessagePost, schema: messageFormSchema, onInvalid: () => notFound() },
  async (input, { user, ip }): Promise<FormState> => {
    const { caseId, type, subject, body, replyToId } = input;
    const result = await sendFamilyMessage(sendDeps(), { userId: user.userId, ip }, input);
    if (result.status === "not-found") notFound();
    if (result.status === "invalid") return { errors: result.errors, values: { type, subject, body, ...(replyToId ? { replyToId } : {}) } };
    logEvent("send.message.sent", { caseId, messageId: result.messageId, userId: user.userId, fromFamily: true, isReply: Boolean(replyToId) });
    redirect(`/send/${caseId}/messages?sent=1`);
  },
);
