"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import type { FormState } from "@/app/_forms/form-state";
import { AccountForm } from "@/app/account/_parts/account-form";
import { ACCOUNT_DETAILS_FIELD_ORDER, AccountDetailsFields } from "@/app/account/_parts/account-details-fields";
import { RequiredExplanation } from "@/components/required-label";
import { updateAccountAction } from "./actions";

type Props = {
  /** The saved details on a first visit; what was typed after an error. */
  initialState: FormState;
  /** The page's heading and text, drawn below the error summary. */
  children: ReactNode;
};

/**
 * The registration step-1 questions (same ids, names and words), prefilled. Organisation and
 * Role are revealed by CSS, so this works with JavaScript off.
 */
export function UpdateAccountForm({ initialState, children }: Props) {
  const [state, formAction] = useActionState(updateAccountAction, initialState);
  return (
    <AccountForm state={state} fieldOrder={ACCOUNT_DETAILS_FIELD_ORDER} action={formAction} heading={<>{children}<RequiredExplanation /></>}>
      <AccountDetailsFields state={state} />
      <Button>Save changes</Button>
    </AccountForm>
  );
}
