"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { TextInput } from "@/components/text-input";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { errorList } from "@/app/_forms/error-list";
import { RequiredLabel } from "@/app/account/register/_parts/required-label";
import { NEW_PASSWORD_FIELDS, NewPasswordFields, type PasswordRuleText } from "@/app/account/forgotten-password/_parts/new-password-fields";
import { changePasswordAction } from "./actions";

/** Current password, then the new one twice. */
export function ChangePasswordForm({ rules, children }: { rules: readonly PasswordRuleText[]; children: ReactNode }) {
  const [state, formAction] = useActionState(changePasswordAction, EMPTY_FORM_STATE);
  return (
    <>
      <ErrorSummary errors={errorList(state, ["currentPassword", ...NEW_PASSWORD_FIELDS])} />
      {children}
      <form action={formAction} noValidate>
        <TextInput
          id="currentPassword"
          name="currentPassword"
          type="password"
          label={<RequiredLabel text="Current password" />}
          autoComplete="current-password"
          spellCheck={false}
          error={state.errors.currentPassword}
        />
        <NewPasswordFields rules={rules} errors={state.errors} />
        <Button>Change password</Button>
      </form>
    </>
  );
}
