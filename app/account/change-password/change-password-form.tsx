"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { AccountForm } from "@/app/account/_parts/account-form";
import { PasswordField } from "@/app/account/_parts/password-field";
import { NEW_PASSWORD_FIELDS, NewPasswordFields, type PasswordRuleText } from "@/app/account/forgotten-password/_parts/new-password-fields";
import { changePasswordAction } from "./actions";

/** Current password, then the new one twice. */
export function ChangePasswordForm({ rules, children }: { rules: readonly PasswordRuleText[]; children: ReactNode }) {
  const [state, formAction] = useActionState(changePasswordAction, EMPTY_FORM_STATE);
  return (
    <AccountForm state={state} fieldOrder={["currentPassword", ...NEW_PASSWORD_FIELDS]} action={formAction} heading={children}>
      <PasswordField name="currentPassword" label="Current password" isNew={false} error={state.errors.currentPassword} />
      <NewPasswordFields rules={rules} errors={state.errors} />
      <Button>Change password</Button>
    </AccountForm>
  );
}
