"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { RequiredLabel } from "@/components/required-label";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { AccountForm } from "@/app/account/_parts/account-form";
import { CodeField } from "@/app/account/_parts/code-field";
import { checkResetCodeAction } from "../actions";

/** Step 2: the code from the email. `children` is the page's heading and text. */
export function ResetCodeForm({ codeLength, minutes, children }: { codeLength: number; minutes: number; children: ReactNode }) {
  const [state, formAction] = useActionState(checkResetCodeAction, EMPTY_FORM_STATE);
  return (
    <AccountForm state={state} fieldOrder={["code"]} action={formAction} heading={children}>
      <CodeField state={state} codeLength={codeLength} minutes={minutes} label={<RequiredLabel text="Code" />} />
      <Button>Continue</Button>
    </AccountForm>
  );
}
