import type { ReactNode } from "react";
import { ErrorSummary } from "@/components/error-summary";
import { NotificationBanner } from "@/components/notification-banner";
import { errorList } from "@/app/_forms/error-list";
import type { FormState } from "@/app/_forms/form-state";

type Props = {
  /** The last post's answer: its errors fill the summary (and the fields, drawn by the caller). */
  state: FormState;
  /** The fields in page order, for the error summary. */
  fieldOrder: readonly string[];
  action: (formData: FormData) => void;
  /** The page's heading and text, drawn below the error summary (and the notice, if any). */
  heading?: ReactNode;
  /** Where the journey goes when it ends, sent back with the post. */
  returnTo?: string;
  /** The fields and buttons. */
  children: ReactNode;
};

/**
 * The shape of every account page's form (GOV.UK's): the error summary first, then a success
 * notice the last post left (a code sent again), the page's heading and text, then the form. A
 * plain form posting to a server action, so it works without JavaScript.
 */
export function AccountForm({ state, fieldOrder, action, heading, returnTo, children }: Props) {
  return (
    <>
      <ErrorSummary errors={errorList(state, [...fieldOrder])} />
      {state.notice && <NotificationBanner type="success" heading={state.notice} />}
      {heading}
      <form action={action} noValidate>
        {returnTo !== undefined && <input type="hidden" name="returnTo" value={returnTo} />}
        {children}
      </form>
    </>
  );
}
