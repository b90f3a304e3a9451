"use client";

/** The new staff member's password, twice, on their invitation's link. */
import { useActionState } from "react";
import { Button } from "@/components/button";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { AccountForm } from "@/app/account/_parts/account-form";
import { NEW_PASSWORD_FIELDS, NewPasswordFields, type PasswordRuleText } from "@/app/account/forgotten-password/_parts/new-password-fields";
import { RequiredExplanation } from "@/components/required-label";
import { activateStaffAction } from "./actions";

export function ActivateForm({ token, rules, email }: { token: string; rules: readonly PasswordRuleText[]; email: string }) {
  const [state, formAction, isSaving] = useActionState(activateStaffAction, EMPTY_FORM_STATE);
  return (
    <AccountForm
      state={state}
      fieldOrder={NEW_PASSWORD_FIELDS}
      action={formAction}
      heading={
        <>
          <h1 className="heading-xl mb-6">Set up your staff account</h1>
          <p className="mb-6">
            Your account will be <strong>{email}</strong>. Choose a password that only you know. You then sign in with it and a code we email you.
          </p>
          <RequiredExplanation />
        </>
      }
    >
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields rules={rules} errors={state.errors} />
      <Button disabled={isSaving}>Set up account</Button>
    </AccountForm>
  );
}
