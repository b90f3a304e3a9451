"use server";

import { redirect } from "next/navigation";
import { stateAction } from "@/app/_actions/server-action";
import type { FormState } from "@/app/_forms/form-state";
import { sendDeps } from "@/app/_send/send-deps";
import { logEvent } from "@/lib/log";
import { sendTeamMessage } from "@/lib/send/messages";
import { teamMessageFormSchema } from "@/app/_send/message-schema";

/** Sign-in comes back to the case's messages, if the post names a case. */
const messagesPath = { field: "caseId", path: (caseId: string) => `/staff/send/${caseId}/messages`, otherwise: "/staff/send" };

/**
 * "Send message" (a new message) and "Send reply" (with the message replied to) on a case's
 * messages, to one family member or to everyone with access. Staff only, the form's fields only
 * (the wrapper); lib/send decides: a case that is not there goes back to the list of cases, a
 * refusal (a recipient without active access included) comes back with the messages and what was
 * typed, and a sent message goes back to the case's messages with a banner. The log holds ids,
 * never text.
 */
export const sendTeamMessageAction = stateAction(
  { access: "staff", returnTo: messagesPath, schema: teamMessageFormSchema, onInvalid: () => redirect("/staff/send?gone=1") },
  async (input, { user, ip }): Promise<FormState> => {
    const { caseId, type, subject, body, replyToId, to } = input;
    const staff = { userId: user.userId, role: user.role, ip };
    const result = await sendTeamMessage(sendDeps(), staff, input);
    if (result.status === "forbidden") redirect("/account/not-allowed");
    if (result.status === "not-found") redirect("/staff/send?gone=1");
    if (result.status === "invalid") return { errors: result.errors, values: { type, subject, body, to } };
    logEvent("send.message.sent", { caseId, messageId: result.messageId, userId: user.userId, fromFamily: false, isReply: Boolean(replyToId) });
    redirect(`/staff/send/${caseId}/messages?sent=1`);
  },
);
