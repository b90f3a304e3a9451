"use client";

import { useActionState, useState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { ButtonGroup } from "@/components/button-group";
import { AccountForm } from "@/app/account/_parts/account-form";
import { CodeField } from "@/app/account/_parts/code-field";
import { EMPTY_FORM_STATE, type FormState } from "@/app/_forms/form-state";
import { RequiredLabel } from "@/components/required-label";
import { resendRegistrationCodeAction, verifyRegistrationCodeAction } from "../actions";

type Props = {
  returnTo: string;
  codeLength: number;
  minutes: number;
  /** The page's text (heading and "We have just sent you an email…"), drawn below the error summary. */
  heading: ReactNode;
};

const hasContent = (state: FormState) => Boolean(state.notice) || Object.keys(state.errors).length > 0;

/**
 * Step 3. "Continue" and "Please send me a new code" post the same form to different actions,
 * so each has its own state; the page shows the answer to whichever was pressed last. Without
 * JavaScript only the one that was posted has any state.
 */
export function CodeForm({ returnTo, codeLength, minutes, heading }: Props) {
  const [verifyState, verifyAction] = useActionState(verifyRegistrationCodeAction, EMPTY_FORM_STATE);
  const [resendState, resendAction] = useActionState(resendRegistrationCodeAction, EMPTY_FORM_STATE);
  const [lastPressed, setLastPressed] = useState<"verify" | "resend">(() => (hasContent(resendState) ? "resend" : "verify"));
  const state = lastPressed === "resend" ? resendState : verifyState;
  return (
    <AccountForm state={state} fieldOrder={["code"]} action={verifyAction} returnTo={returnTo} heading={heading}>
      <CodeField state={state} codeLength={codeLength} minutes={minutes} label={<RequiredLabel text="Code" />} />
      <ButtonGroup>
        <Button onClick={() => setLastPressed("verify")}>Continue</Button>
        <Button variant="secondary" formAction={resendAction} formNoValidate onClick={() => setLastPressed("resend")}>
          Please send me a new code
        </Button>
      </ButtonGroup>
    </AccountForm>
  );
}
