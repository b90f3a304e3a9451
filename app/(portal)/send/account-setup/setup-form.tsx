"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { Checkboxes } from "@/components/checkboxes";
import { ErrorSummary } from "@/components/error-summary";
import { Radios } from "@/components/radios";
import { accountSetupAction, type SetupState } from "./actions";

type Props = { invitations: { invitationId: string; childName: string }[] };

const INITIAL: SetupState = { step: "choose", errors: {}, invitationIds: [], answer: "" };

/**
 * "Invitations awaiting approval": a checkbox per child, "Do you wish to continue with setting up
 * your account?" Yes/No and Confirm; then "Confirm - Have you entered all the information you need
 * to?" with Cancel and Submit. One form posting to one action, so it works without JavaScript.
 */
export function SetupForm({ invitations }: Props) {
  const [state, formAction, isPending] = useActionState(accountSetupAction, INITIAL);
  const errors = [
    ...(state.errors.invitationId ? [{ fieldId: "invitationId", text: state.errors.invitationId }] : []),
    ...(state.errors.answer ? [{ fieldId: "answer", text: state.errors.answer }] : []),
  ];
  if (state.step === "confirm") {
    return (
      <form action={formAction}>
        {state.invitationIds.map((id) => (
          <input key={id} type="hidden" name="invitationId" value={id} />
        ))}
        <input type="hidden" name="answer" value={state.answer} />
        <h2 className="heading-l mb-4" tabIndex={-1}>
          Confirm
        </h2>
        <p className="mb-2 font-bold">Have you entered all the information you need to?</p>
        <p className="mb-6">You will not be able to make any further changes once you press the &quot;Submit&quot; button.</p>
        <div className="flex flex-wrap gap-4">
          <Button type="submit" name="intent" value="cancel" variant="secondary" disabled={isPending}>
            Cancel
          </Button>
          <Button type="submit" name="intent" value="submit" disabled={isPending}>
            Submit
          </Button>
        </div>
      </form>
    );
  }
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errors} />
      <Checkboxes
        name="invitationId"
        legend="Below lists any invitations that are waiting for your approval"
        legendSize="m"
        hint="This is to confirm you wish to be able to access this person's information online. Check all the relevant people, then choose Confirm to send your answer to the local authority."
        error={state.errors.invitationId}
        defaultValues={state.invitationIds}
        items={invitations.map((item) => ({ value: item.invitationId, label: item.childName }))}
      />
      <Radios
        name="answer"
        legend="Do you wish to continue with setting up your account?"
        legendSize="s"
        inline
        error={state.errors.answer}
        defaultValue={state.answer}
        items={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
      />
      <Button type="submit" name="intent" value="confirm" disabled={isPending}>
        Confirm
      </Button>
    </form>
  );
}
