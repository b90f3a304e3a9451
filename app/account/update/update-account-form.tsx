"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import type { FormState } from "@/app/_forms/form-state";
import { errorList } from "@/app/_forms/error-list";
import { ACCOUNT_DETAILS_FIELD_ORDER, AccountDetailsFields } from "@/app/account/_parts/account-details-fields";
import { RequiredExplanation } from "@/app/account/register/_parts/required-label";
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
    <>
      <ErrorSummary errors={errorList(state, ACCOUNT_DETAILS_FIELD_ORDER)} />
      {children}
      <RequiredExplanation />
      <form action={formAction} noValidate>
        <AccountDetailsFields state={state} />
        <Button>Save changes</Button>
      </form>
    </>
  );
}
