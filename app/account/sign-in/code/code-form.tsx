"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { ButtonGroup } from "@/components/button-group";
import { AccountForm } from "@/app/account/_parts/account-form";
import { CodeField } from "@/app/account/_parts/code-field";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { signInCodeAction } from "../actions";

export function SignInCodeForm({ returnTo, minutes, codeLength }: { returnTo: string; minutes: number; codeLength: number }) {
  const [state, formAction] = useActionState(signInCodeAction, EMPTY_FORM_STATE);
  return (
    <AccountForm state={state} fieldOrder={["code"]} action={formAction} returnTo={returnTo}>
      <CodeField state={state} codeLength={codeLength} minutes={minutes} />
      <ButtonGroup>
        <Button name="intent" value="finish">
          Finish
        </Button>
        <Button variant="secondary" name="intent" value="resend" formNoValidate>
          Please send me a new code
        </Button>
      </ButtonGroup>
    </AccountForm>
  );
}
