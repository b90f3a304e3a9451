"use server";

import { redirect } from "next/navigation";
import { requireStaff } from "@/app/_auth/current-user";
import type { FormState } from "@/app/_forms/form-state";
import { callerIp, sendDeps } from "@/app/_send/send-deps";
import { logEvent } from "@/lib/log";
import { isUuid } from "@/lib/referrals/staff";
import { sendTeamMessage } from "@/lib/send/messages";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/**
 * "Send message" (a new message) and "Send reply" (with the message replied to) on a case's
 * messages. Checks the caller is staff itself (the layout's check does not cover a posted
 * action), reads only the form's fields and lets lib/send decide: a case that is not there goes
 * back to the list of cases, a refusal comes back with the messages and what was typed, and a
 * sent message goes back to the case's messages with a banner. The log holds ids, never text.
 */
export async function sendTeamMessageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const caseId = field(formData, "caseId");
  const user = await requireStaff(isUuid(caseId) ? `/staff/send/${caseId}/messages` : "/staff/send");
  if (!isUuid(caseId)) redirect("/staff/send?gone=1");
  const type = field(formData, "type");
  const subject = field(formData, "subject");
  const body = field(formData, "body");
  const replyToId = field(formData, "replyToId") || null;
  const staff = { userId: user.userId, role: user.role, ip: await callerIp() };
  const result = await sendTeamMessage(sendDeps(), staff, { caseId, type, subject, body, replyToId });
  if (result.status === "forbidden") redirect("/account/not-allowed");
  if (result.status === "not-found") redirect("/staff/send?gone=1");
  if (result.status === "invalid") return { errors: result.errors, values: { type, subject, body } };
  logEvent("send.message.sent", { caseId, messageId: result.messageId, userId: user.userId, fromFamily: false, isReply: Boolean(replyToId) });
  redirect(`/staff/send/${caseId}/messages?sent=1`);
}
