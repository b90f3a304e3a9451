"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { RequiredExplanation } from "@/components/required-label";
import type { FormState } from "@/app/_forms/form-state";
import { AccountForm } from "@/app/account/_parts/account-form";
import { EmailField } from "@/app/account/_parts/email-field";
import { PasswordField } from "@/app/account/_parts/password-field";
import { saveRegistrationCredentialsAction } from "../actions";

type Props = {
  returnTo: string;
  /** The email address saved before "Back" (never a password). */
  initialState: FormState;
  /** The password policy, worked out on the server (its common-password list is too big to send). */
  passwordRules: { id: string; text: string }[];
  heading: ReactNode;
};

/** Step 2: email address, password and its confirmation, with the password rules beside them. */
export function CredentialsForm({ returnTo, initialState, passwordRules, heading }: Props) {
  const [state, formAction] = useActionState(saveRegistrationCredentialsAction, initialState);
  const { errors } = state;
  return (
    <AccountForm state={state} fieldOrder={["email", "password", "confirmPassword"]} action={formAction} returnTo={returnTo} heading={<>{heading}<RequiredExplanation /></>}>
      <EmailField state={state} hint="We will send a code to this address to check it is yours." />
      <PasswordField name="password" label="Password" isNew rules={{ intro: "Your password must follow these rules:", list: passwordRules }} error={errors.password} />
      <PasswordField name="confirmPassword" label="Confirm password" isNew error={errors.confirmPassword} />
      <Button>Continue</Button>
    </AccountForm>
  );
}
