"use client";

/**
 * "Create an API key": a name and the teams it may read and answer for. The new key is shown once,
 * in the page that answers the post, with a reminder that it cannot be shown again.
 */
import { useActionState } from "react";
import { Button } from "@/components/button";
import { Checkboxes } from "@/components/checkboxes";
import { ErrorSummary } from "@/components/error-summary";
import { NotificationBanner } from "@/components/notification-banner";
import { TextInput } from "@/components/text-input";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { errorList } from "@/app/_forms/error-list";
import { createApiKeyAction } from "./actions";

export function CreateKeyForm({ teams }: { teams: readonly { id: string; name: string }[] }) {
  const [state, formAction, isSending] = useActionState(createApiKeyAction, EMPTY_FORM_STATE);
  const newKey = state.values.newKey;
  const chosen = newKey ? [] : (state.values.teams ?? "").split(",").filter(Boolean);
  return (
    <>
      <ErrorSummary errors={errorList(state, ["name", "teams"])} />
      {newKey && (
        <NotificationBanner type="success" heading={`API key "${state.values.newKeyName}" created`}>
          <p className="mb-2">Copy this key now and give it to the case system&apos;s administrators. It will not be shown again.</p>
          <p className="mb-0 break-all">
            <code data-testid="new-api-key" className="font-mono text-lg">
              {newKey}
            </code>
          </p>
        </NotificationBanner>
      )}
      <h2 className="heading-l mb-4">Create an API key</h2>
      <form action={formAction} noValidate>
        <TextInput id="name" name="name" label="Name" hint="Say which case system uses it, like Mosaic (production)." autoComplete="off" spellCheck={false} defaultValue={newKey ? "" : state.values.name} error={state.errors.name} />
        <Checkboxes
          name="teams"
          legend="Teams"
          legendSize="s"
          hint="The key reads, acknowledges and answers the forms sent to these teams only."
          error={state.errors.teams}
          items={teams.map((team) => ({ value: team.id, label: team.name }))}
          defaultValues={chosen}
        />
        <Button disabled={isSending}>Create API key</Button>
      </form>
    </>
  );
}
