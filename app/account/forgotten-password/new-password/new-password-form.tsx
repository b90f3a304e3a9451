"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { AccountForm } from "@/app/account/_parts/account-form";
import { NEW_PASSWORD_FIELDS, NewPasswordFields, type PasswordRuleText } from "../_parts/new-password-fields";
import { resetPasswordAction } from "../actions";

/** Step 3: the new password twice, then "Finish". */
export function ResetNewPasswordForm({ rules, children }: { rules: readonly PasswordRuleText[]; children: ReactNode }) {
  const [state, formAction] = useActionState(resetPasswordAction, EMPTY_FORM_STATE);
  return (
    <AccountForm state={state} fieldOrder={NEW_PASSWORD_FIELDS} action={formAction} heading={children}>
      <NewPasswordFields rules={rules} errors={state.errors} />
      <Button>Finish</Button>
    </AccountForm>
  );
}
