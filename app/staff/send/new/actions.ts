"use server";

import { redirect } from "next/navigation";
import { requireStaff } from "@/app/_auth/current-user";
import { typedValues, type FormState } from "@/app/_forms/form-state";
import { callerIp, sendDeps } from "@/app/_send/send-deps";
import { logEvent } from "@/lib/log";
import { createCase, parseDayMonthYear } from "@/lib/send";

/** The three boxes of a date input as "YYYY-MM-DD", or "" so createCase reports the field. */
function dateFrom(formData: FormData, prefix: string): string {
  const part = (name: string) => String(formData.get(`${prefix}-${name}`) ?? "");
  return parseDayMonthYear(part("day"), part("month"), part("year")) ?? "";
}

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** "Create case": checks the caller is staff, takes only the case's fields, and opens the new case. */
export async function createCaseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireStaff("/staff/send/new");
  const result = await createCase(
    sendDeps(),
    { userId: user.userId, role: user.role, ip: await callerIp() },
    {
      childForename: field(formData, "childForename"),
      childSurname: field(formData, "childSurname"),
      childDateOfBirth: dateFrom(formData, "childDateOfBirth"),
      requestDate: dateFrom(formData, "requestDate"),
      requestorName: field(formData, "requestorName"),
      requestorRelationship: field(formData, "requestorRelationship"),
      requestorEmail: field(formData, "requestorEmail"),
      caseworkerId: field(formData, "caseworkerId"),
    },
  );
  if (result.status === "forbidden") redirect("/account/not-allowed");
  if (result.status === "invalid") return { errors: result.errors, values: typedValues(formData) };
  logEvent("send.case-created", { caseId: result.caseId, userId: user.userId });
  redirect(`/staff/send/${result.caseId}?done=created`);
}
