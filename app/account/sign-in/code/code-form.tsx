"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { ButtonGroup } from "@/components/button-group";
import { ErrorSummary } from "@/components/error-summary";
import { NotificationBanner } from "@/components/notification-banner";
import { TextInput } from "@/components/text-input";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { errorList } from "@/app/_forms/error-list";
import { signInCodeAction } from "../actions";

export function SignInCodeForm({ returnTo, minutes }: { returnTo: string; minutes: number }) {
  const [state, formAction] = useActionState(signInCodeAction, EMPTY_FORM_STATE);
  return (
    <>
      <ErrorSummary errors={errorList(state, ["code"])} />
      {state.notice && <NotificationBanner type="success" heading={state.notice} />}
      <form action={formAction} noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <TextInput
          id="code"
          name="code"
          label="Code"
          hint={`The code is 8 digits and lasts ${minutes} minutes. You can paste it with or without spaces.`}
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          width="10"
          defaultValue={state.values.code}
          error={state.errors.code}
        />
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
