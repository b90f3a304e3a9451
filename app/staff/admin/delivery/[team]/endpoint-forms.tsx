"use client";

/**
 * A team's endpoint: the address form, and (once there is an endpoint) a new secret and removal.
 * A secret made by a post comes back in that form's state and is shown here, this once.
 */
import { useActionState } from "react";
import { errorList } from "@/app/_forms/error-list";
import { removeEndpointAction, rotateSecretAction, setEndpointAction } from "@/app/staff/admin/delivery/actions";
import { EMPTY_ENDPOINT_STATE } from "@/app/staff/admin/delivery/schemas";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { NotificationBanner } from "@/components/notification-banner";
import { TextInput } from "@/components/text-input";

export function EndpointForms({ teamId, teamName, url }: { teamId: string; teamName: string; url: string | null }) {
  const [saved, saveAction, isSaving] = useActionState(setEndpointAction, EMPTY_ENDPOINT_STATE);
  const [rotated, rotateAction, isRotating] = useActionState(rotateSecretAction, EMPTY_ENDPOINT_STATE);
  const secret = rotated.secret ?? saved.secret;
  const hasEndpoint = url !== null || saved.secret !== undefined;
  return (
    <>
      <ErrorSummary errors={errorList(saved, ["url"])} />
      {secret && (
        <NotificationBanner type="success" heading="Copy the signing secret now">
          <p className="mb-4">This is the only time it is shown. Give it to the case system&apos;s integration team; the portal signs every delivery to {teamName} with it.</p>
          <p className="mb-2 font-bold" id="secret-label">
            Signing secret
          </p>
          <code aria-labelledby="secret-label" className="block bg-[#f3f2f1] p-3 font-mono break-all">
            {secret}
          </code>
        </NotificationBanner>
      )}
      <h1 className="heading-xl mb-6">{teamName}: webhook endpoint</h1>
      <ActionForm action={saveAction} hidden={{ teamId }} submit="Save endpoint" isPending={isSaving}>
        <TextInput
          id="url"
          name="url"
          type="url"
          label="Endpoint address"
          hint={
            <>
              The case system&apos;s https:// address that receives this team&apos;s sent forms, for example <span className="break-all">https://cases.council.gov.uk/portal/webhooks</span>
            </>
          }
          autoComplete="off"
          spellCheck={false}
          defaultValue={saved.values.url ?? url ?? ""}
          error={saved.errors.url}
        />
      </ActionForm>
      {hasEndpoint && (
        <>
          <h2 className="heading-l mb-4">Make a new signing secret</h2>
          <p className="mb-4">The old secret stops working at once: deliveries fail until the case system has the new one.</p>
          <form action={rotateAction}>
            <input type="hidden" name="teamId" value={teamId} />
            <Button variant="secondary" disabled={isRotating}>
              Make a new secret
            </Button>
          </form>
          <h2 className="heading-l mb-4">Remove this endpoint</h2>
          <p className="mb-4">This team&apos;s forms will wait for the case system to collect them through the API.</p>
          <form action={removeEndpointAction}>
            <input type="hidden" name="teamId" value={teamId} />
            <Button variant="warning">Remove endpoint</Button>
          </form>
        </>
      )}
    </>
  );
}
