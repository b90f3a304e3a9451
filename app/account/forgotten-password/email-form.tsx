"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { AccountForm } from "@/app/account/_parts/account-form";
import { EmailField } from "@/app/account/_parts/email-field";
import { startPasswordResetAction } from "./actions";

/** Step 1: the email address the code goes to. */
export function ForgottenPasswordEmailForm({ children }: { children: ReactNode }) {
  const [state, formAction] = useActionState(startPasswordResetAction, EMPTY_FORM_STATE);
  return (
    <AccountForm state={state} fieldOrder={["email"]} action={formAction} heading={children}>
      <EmailField state={state} hint="The email address you use to sign in." />
      <Button>Continue</Button>
    </AccountForm>
  );
}
