"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { Checkboxes } from "@/components/checkboxes";
import { ErrorSummary } from "@/components/error-summary";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { errorList } from "@/app/_forms/error-list";
import { RequiredLabel } from "../_parts/required-label";
import { acceptTermsAction } from "../actions";

/** Step 4: "I agree to these Terms and Conditions", then the person is signed in. */
export function TermsForm({ returnTo, children }: { returnTo: string; children: ReactNode }) {
  const [state, formAction] = useActionState(acceptTermsAction, EMPTY_FORM_STATE);
  return (
    <>
      <ErrorSummary errors={errorList(state, ["agree"])} />
      {children}
      <form action={formAction} noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <Checkboxes
          name="agree"
          legend="Do you agree to these Terms and Conditions?"
          legendSize="m"
          error={state.errors.agree}
          defaultValues={state.values.agree === "yes" ? ["yes"] : []}
          items={[{ value: "yes", label: <RequiredLabel text="I agree to these Terms and Conditions" /> }]}
        />
        <Button>Continue</Button>
      </form>
    </>
  );
}
