"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { errorList } from "@/app/_forms/error-list";
import { NEW_PASSWORD_FIELDS, NewPasswordFields, type PasswordRuleText } from "../_parts/new-password-fields";
import { resetPasswordAction } from "../actions";

/** Step 3: the new password twice, then "Finish". */
export function ResetNewPasswordForm({ rules, children }: { rules: readonly PasswordRuleText[]; children: ReactNode }) {
  const [state, formAction] = useActionState(resetPasswordAction, EMPTY_FORM_STATE);
  return (
    <>
      <ErrorSummary errors={errorList(state, [...NEW_PASSWORD_FIELDS])} />
      {children}
      <form action={formAction} noValidate>
        <NewPasswordFields rules={rules} errors={state.errors} />
        <Button>Finish</Button>
      </form>
    </>
  );
}
