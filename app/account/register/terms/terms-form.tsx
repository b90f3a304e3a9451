"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { Checkboxes } from "@/components/checkboxes";
import { RequiredLabel } from "@/components/required-label";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { AccountForm } from "@/app/account/_parts/account-form";
import { acceptTermsAction } from "../actions";

/** Step 4: "I agree to these Terms and Conditions", then the person is signed in. */
export function TermsForm({ returnTo, children }: { returnTo: string; children: ReactNode }) {
  const [state, formAction] = useActionState(acceptTermsAction, EMPTY_FORM_STATE);
  return (
    <AccountForm state={state} fieldOrder={["agree"]} action={formAction} returnTo={returnTo} heading={children}>
      <Checkboxes
        name="agree"
        legend="Do you agree to these Terms and Conditions?"
        legendSize="m"
        error={state.errors.agree}
        defaultValues={state.values.agree === "yes" ? ["yes"] : []}
        items={[{ value: "yes", label: <RequiredLabel text="I agree to these Terms and Conditions" /> }]}
      />
      <Button>Continue</Button>
    </AccountForm>
  );
}
