"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { TextInput } from "@/components/text-input";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { errorList } from "@/app/_forms/error-list";
import { RequiredLabel } from "@/app/account/register/_parts/required-label";
import { startPasswordResetAction } from "./actions";

/** Step 1: the email address the code goes to. */
export function ForgottenPasswordEmailForm({ children }: { children: ReactNode }) {
  const [state, formAction] = useActionState(startPasswordResetAction, EMPTY_FORM_STATE);
  return (
    <>
      <ErrorSummary errors={errorList(state, ["email"])} />
      {children}
      <form action={formAction} noValidate>
        <TextInput
          id="email"
          name="email"
          type="email"
          label={<RequiredLabel text="Email address" />}
          hint="The email address you use to sign in."
          autoComplete="email"
          spellCheck={false}
          defaultValue={state.values.email}
          error={state.errors.email}
        />
        <Button>Continue</Button>
      </form>
    </>
  );
}
