"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { TextInput } from "@/components/text-input";
import type { FormState } from "@/app/_forms/form-state";
import { errorList } from "@/app/_forms/error-list";
import { RequiredExplanation, RequiredLabel } from "../_parts/required-label";
import { saveRegistrationCredentialsAction } from "../actions";
import { PasswordRulesHint } from "@/app/account/_parts/password-rules-hint";

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
  const { errors, values } = state;
  return (
    <>
      <ErrorSummary errors={errorList(state, ["email", "password", "confirmPassword"])} />
      {heading}
      <RequiredExplanation />
      <form action={formAction} noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <TextInput
          id="email"
          name="email"
          type="email"
          label={<RequiredLabel text="Email address" />}
          hint="We will send a code to this address to check it is yours."
          autoComplete="email"
          spellCheck={false}
          defaultValue={values.email}
          error={errors.email}
        />
        <TextInput
          id="password"
          name="password"
          type="password"
          label={<RequiredLabel text="Password" />}
          hint={<PasswordRulesHint intro="Your password must follow these rules:" rules={passwordRules} />}
          autoComplete="new-password"
          spellCheck={false}
          error={errors.password}
        />
        <TextInput id="confirmPassword" name="confirmPassword" type="password" label={<RequiredLabel text="Confirm password" />} autoComplete="new-password" spellCheck={false} error={errors.confirmPassword} />
        <Button>Continue</Button>
      </form>
    </>
  );
}
