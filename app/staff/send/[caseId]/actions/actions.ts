"use server";

import { redirect } from "next/navigation";
import { stateAction } from "@/app/_actions/server-action";
import { sendDeps } from "@/app/_send/send-deps";
import type { FormState } from "@/app/_forms/form-state";
import { assignForm, withdrawAssignedForm } from "@/lib/send/assigned-forms";
import { parseDayMonthYear } from "@/lib/send/dates";
import { logEvent } from "@/lib/log";
import { assignFormSchema, withdrawFormSchema } from "./schemas";

/** Sign-in comes back to the case's actions. */
const actionsPath = { field: "caseId", path: (caseId: string) => `/staff/send/${caseId}/actions`, otherwise: "/staff/send" };

function gone(): never {
  redirect("/staff/send?gone=1");
}

/** "Assign form": one of the SEND forms, with an optional due date. */
export const assignFormAction = stateAction(
  { access: "staff", returnTo: actionsPath, schema: assignFormSchema, onInvalid: gone },
  async (form, { user, ip }): Promise<FormState> => {
    const staff = { userId: user.userId, role: user.role, ip };
    const { caseId, formId } = form;
    const [day, month, year] = [form["dueDate-day"], form["dueDate-month"], form["dueDate-year"]];
    const values = { formId, "dueDate-day": day, "dueDate-month": month, "dueDate-year": year };
    const blank = !day.trim() && !month.trim() && !year.trim();
    const dueDate = blank ? null : (parseDayMonthYear(day, month, year) ?? "not-a-date");
    const result = await assignForm(sendDeps(), staff, { caseId, formId, dueDate });
    if (result.status === "not-found" || result.status === "forbidden") gone();
    if (result.status === "invalid") return { errors: result.errors, values };
    logEvent("send.assigned-form.assigned", { caseId, actionId: result.actionId, userId: staff.userId });
    redirect(`/staff/send/${caseId}/actions?done=assigned`);
  },
);

/** "Withdraw": takes back an assignment the family has not sent. */
export const withdrawFormAction = stateAction(
  { access: "staff", returnTo: actionsPath, schema: withdrawFormSchema, onInvalid: gone },
  async ({ caseId, actionId }, { user, ip }): Promise<FormState> => {
    const staff = { userId: user.userId, role: user.role, ip };
    const result = await withdrawAssignedForm(sendDeps(), staff, { caseId, actionId });
    if (result.status === "not-found" || result.status === "forbidden") gone();
    if (result.status === "invalid") return { errors: { [`action-${actionId}`]: result.errors.action ?? "This form cannot be withdrawn" }, values: { actionId } };
    logEvent("send.assigned-form.withdrawn", { caseId, actionId, userId: staff.userId });
    redirect(`/staff/send/${caseId}/actions?done=withdrawn`);
  },
);
