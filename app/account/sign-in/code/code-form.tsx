"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { ButtonGroup } from "@/components/button-group";
import { ErrorSummary } from "@/components/error-summary";
import { NotificationBanner } from "@/components/notification-banner";
import { CodeField } from "@/app/account/_parts/code-field";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { errorList } from "@/app/_forms/error-list";
import { signInCodeAction } from "../actions";

export function SignInCodeForm({ returnTo, minutes, codeLength }: { returnTo: string; minutes: number; codeLength: number }) {
  const [state, formAction] = useActionState(signInCodeAction, EMPTY_FORM_STATE);
  return (
    <>
      <ErrorSummary errors={errorList(state, ["code"])} />
      {state.notice && <NotificationBanner type="success" heading={state.notice} />}
      <form action={formAction} noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <CodeField state={state} codeLength={codeLength} minutes={minutes} />
        <ButtonGroup>
          <Button name="intent" value="finish">
            Finish
          </Button>
          <Button variant="secondary" name="intent" value="resend" formNoValidate>
            Please send me a new code
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
