"use server";

import { redirect } from "next/navigation";
import { invalidFormState, stateAction } from "@/app/_actions/server-action";
import { typedValues, type FormState } from "@/app/_forms/form-state";
import { sendDeps } from "@/app/_send/send-deps";
import { logEvent } from "@/lib/log";
import { createCase } from "@/lib/send";
import { createCaseSchema } from "./schemas";

/** "Create case": staff only (the wrapper), the case's own fields only (the schema), then the new case. */
export const createCaseAction = stateAction(
  { access: "staff", returnTo: "/staff/send/new", schema: createCaseSchema, onInvalid: invalidFormState() },
  async (input, { user, ip, fields }): Promise<FormState> => {
    const result = await createCase(sendDeps(), { userId: user.userId, role: user.role, ip }, input);
    if (result.status === "forbidden") redirect("/account/not-allowed");
    if (result.status === "invalid") return { errors: result.errors, values: typedValues(fields) };
    logEvent("send.case-created", { caseId: result.caseId, userId: user.userId });
    redirect(`/staff/send/${result.caseId}?done=created`);
  },
);
