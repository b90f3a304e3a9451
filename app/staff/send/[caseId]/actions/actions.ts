"use server";

import { redirect } from "next/navigation";
import { requireStaff } from "@/app/_auth/current-user";
import { callerIp, sendDeps } from "@/app/_send/send-deps";
import type { FormState } from "@/app/_forms/form-state";
import { assignForm, withdrawAssignedForm } from "@/lib/send/assigned-forms";
import { parseDayMonthYear } from "@/lib/send/dates";
import { logEvent } from "@/lib/log";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

async function staffFor(caseId: string) {
  const user = await requireStaff(`/staff/send/${caseId}/actions`);
  return { userId: user.userId, role: user.role, ip: await callerIp() };
}

/** "Assign form": one of the SEND forms, with an optional due date. Checks the user itself. */
export async function assignFormAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const caseId = field(formData, "caseId");
  const staff = await staffFor(caseId);
  const formId = field(formData, "formId");
  const day = field(formData, "dueDate-day");
  const month = field(formData, "dueDate-month");
  const year = field(formData, "dueDate-year");
  const values = { formId, "dueDate-day": day, "dueDate-month": month, "dueDate-year": year };
  const blank = !day.trim() && !month.trim() && !year.trim();
  const dueDate = blank ? null : (parseDayMonthYear(day, month, year) ?? "not-a-date");
  const result = await assignForm(sendDeps(), staff, { caseId, formId, dueDate });
  if (result.status === "not-found" || result.status === "forbidden") redirect("/staff/send?gone=1");
  if (result.status === "invalid") return { errors: result.errors, values };
  logEvent("send.assigned-form.assigned", { caseId, actionId: result.actionId, userId: staff.userId });
  redirect(`/staff/send/${caseId}/actions?done=assigned`);
}

/** "Withdraw": takes back an assignment the family has not sent. */
export async function withdrawFormAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const caseId = field(formData, "caseId");
  const staff = await staffFor(caseId);
  const actionId = field(formData, "actionId");
  const result = await withdrawAssignedForm(sendDeps(), staff, { caseId, actionId });
  if (result.status === "not-found" || result.status === "forbidden") redirect("/staff/send?gone=1");
  if (result.status === "invalid") return { errors: { [`action-${actionId}`]: result.errors.action ?? "This form cannot be withdrawn" }, values: { actionId } };
  logEvent("send.assigned-form.withdrawn", { caseId, actionId, userId: staff.userId });
  redirect(`/staff/send/${caseId}/actions?done=withdrawn`);
}
