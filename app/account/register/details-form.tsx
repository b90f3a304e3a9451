"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import type { FormState } from "@/app/_forms/form-state";
import { errorList } from "@/app/_forms/error-list";
import { ACCOUNT_DETAILS_FIELD_ORDER, AccountDetailsFields } from "@/app/account/_parts/account-details-fields";
import { RequiredExplanation } from "./_parts/required-label";
import { saveRegistrationDetailsAction } from "./actions";


type Props = {
  returnTo: string;
  /** What was saved before "Back", or nothing on a first visit. */
  initialState: FormState;
  /** The step caption and heading, drawn by the page below the error summary. */
  heading: ReactNode;
};

/** Step 1: name, professional capacity (Organisation and Role revealed by CSS), address. */
export function DetailsForm({ returnTo, initialState, heading }: Props) {
  const [state, formAction] = useActionState(saveRegistrationDetailsAction, initialState);
  return (
    <>
      <ErrorSummary errors={errorList(state, ACCOUNT_DETAILS_FIELD_ORDER)} />
      {heading}
      <RequiredExplanation />
      <form action={formAction} noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <AccountDetailsFields state={state} />
        <Button>Continue</Button>
      </form>
    </>
  );
}
