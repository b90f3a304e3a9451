"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/app/_auth/current-user";
import type { FormState } from "@/app/_forms/form-state";
import { callerIp, sendDeps } from "@/app/_send/send-deps";
import { logEvent } from "@/lib/log";
import { isUuid } from "@/lib/referrals/staff";
import { sendFamilyMessage } from "@/lib/send/messages";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/**
 * "Send" on the Secure Message form. Checks the user itself, reads only the form's fields and
 * lets lib/send decide (through the family's active access): a child the user cannot see is a
 * 404, a refusal comes back with the messages and what was typed, and a sent message goes back
 * to the child's messages with "Your message has been sent". The log holds ids, never the text.
 */
export async function sendFamilyMessageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const caseId = field(formData, "caseId");
  const user = await requireUser(isUuid(caseId) ? `/send/${caseId}/messages/new` : "/send");
  const type = field(formData, "type");
  const subject = field(formData, "subject");
  const body = field(formData, "body");
  const replyToId = field(formData, "replyToId") || null;
  const result = await sendFamilyMessage(sendDeps(), { userId: user.userId, ip: await callerIp() }, { caseId, type, subject, body, replyToId });
  if (result.status === "not-found") notFound();
  if (result.status === "invalid") return { errors: result.errors, values: { type, subject, body, ...(replyToId ? { replyToId } : {}) } };
  logEvent("send.message.sent", { caseId, messageId: result.messageId, userId: user.userId, fromFamily: true, isReply: Boolean(replyToId) });
  redirect(`/send/${caseId}/messages?sent=1`);
}
