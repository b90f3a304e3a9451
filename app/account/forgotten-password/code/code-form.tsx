"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { CodeField } from "@/app/account/_parts/code-field";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { errorList } from "@/app/_forms/error-list";
import { RequiredLabel } from "@/app/account/register/_parts/required-label";
import { checkResetCodeAction } from "../actions";

type Props = {
  codeLength: number;
  minutes: number;
  /** The page's heading and text, drawn below the error summary. */
  children: ReactNode;
};

/** Step 2: the code from the email. */
export function ResetCodeForm({ codeLength, minutes, children }: Props) {
  const [state, formAction] = useActionState(checkResetCodeAction, EMPTY_FORM_STATE);
  return (
    <>
      <ErrorSummary errors={errorList(state, ["code"])} />
      {children}
      <form action={formAction} noValidate>
        <CodeField state={state} codeLength={codeLength} minutes={minutes} label={<RequiredLabel text="Code" />} />
        <Button>Continue</Button>
      </form>
    </>
  );
}
