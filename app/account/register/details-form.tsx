"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import type { FormState } from "@/app/_forms/form-state";
import { AccountForm } from "@/app/account/_parts/account-form";
import { ACCOUNT_DETAILS_FIELD_ORDER, AccountDetailsFields } from "@/app/account/_parts/account-details-fields";
import { RequiredExplanation } from "@/components/required-label";
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
    <AccountForm state={state} fieldOrder={ACCOUNT_DETAILS_FIELD_ORDER} action={formAction} returnTo={returnTo} heading={<>{heading}<RequiredExplanation /></>}>
      <AccountDetailsFields state={state} />
      <Button>Continue</Button>
    </AccountForm>
  );
}
