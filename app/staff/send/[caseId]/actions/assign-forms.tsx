"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { DateInput } from "@/components/date-input";
import { ErrorMessage } from "@/components/error-message";
import { ErrorSummary } from "@/components/error-summary";
import { Select } from "@/components/select";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { assignFormAction, withdrawFormAction } from "./actions";

/** "Assign a form": which SEND form, and an optional due date; messages beside the fields and in a summary. */
export function AssignForm({ caseId, forms }: { caseId: string; forms: { value: string; text: string }[] }) {
  const [state, action, isPending] = useActionState(assignFormAction, EMPTY_FORM_STATE);
  const errors = [
    ...(state.errors.formId ? [{ fieldId: "formId", text: state.errors.formId }] : []),
    ...(state.errors.dueDate ? [{ fieldId: "dueDate-day", text: state.errors.dueDate }] : []),
  ];
  return (
    <form action={action} noValidate className="mb-8">
      <ErrorSummary errors={errors} />
      <input type="hidden" name="caseId" value={caseId} />
      <Select id="formId" name="formId" label="Form" error={state.errors.formId} defaultValue={state.values.formId ?? ""} options={[{ value: "", text: "Select a form" }, ...forms]} />
      <DateInput
        namePrefix="dueDate"
        legend="Due date (optional)"
        hint="For example, 30 6 2027. Leave blank if there is no due date."
        error={state.errors.dueDate}
        defaultValue={{ day: state.values["dueDate-day"], month: state.values["dueDate-month"], year: state.values["dueDate-year"] }}
      />
      <Button type="submit" disabled={isPending}>
        Assign form
      </Button>
    </form>
  );
}

/** "Withdraw" on one assignment the family has not sent. */
export function WithdrawForm({ caseId, actionId, title }: { caseId: string; actionId: string; title: string }) {
  const [state, action, isPending] = useActionState(withdrawFormAction, EMPTY_FORM_STATE);
  const message = state.errors[`action-${actionId}`];
  return (
    <form action={action}>
      {message && <ErrorMessage id={`action-${actionId}-error`}>{message}</ErrorMessage>}
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="actionId" value={actionId} />
      <Button type="submit" variant="secondary" disabled={isPending}>
        Withdraw<span className="sr-only"> {title}</span>
      </Button>
    </form>
  );
}
