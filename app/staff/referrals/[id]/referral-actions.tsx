"use client";

/** The caseworker's four actions, each its own small form with its messages beside the fields. */
import { useActionState } from "react";
import { ActionForm } from "@/components/action-form";
import { Radios } from "@/components/radios";
import { Select } from "@/components/select";
import { Textarea } from "@/components/textarea";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { ErrorMessage } from "@/components/error-message";
import { closeAction, moveTeamAction, requestInformationAction, respondAction } from "./actions";

type Props = {
  id: string;
  allowed: { respond: boolean; requestInformation: boolean; close: boolean; moveTeam: boolean };
  reasons: { value: string; label: string }[];
  teams: { value: string; label: string }[];
};

export function ReferralActions({ id, allowed, reasons, teams }: Props) {
  const [responded, respondForm, isResponding] = useActionState(respondAction, EMPTY_FORM_STATE);
  const [requested, requestForm, isRequesting] = useActionState(requestInformationAction, EMPTY_FORM_STATE);
  const [closed, closeForm, isClosing] = useActionState(closeAction, EMPTY_FORM_STATE);
  const [moved, moveForm, isMoving] = useActionState(moveTeamAction, EMPTY_FORM_STATE);
  return (
    <>
      {allowed.respond && (
        <ActionForm action={respondForm} hidden={{ id }} submit="Post response" isPending={isResponding} className="mb-10">
          <Textarea id="response" name="response" label={<span className="heading-s">Post a response</span>} hint="The referrer reads this in Submitted Forms." error={responded.errors.response} defaultValue={responded.values.response} rows={5} />
        </ActionForm>
      )}
      {allowed.requestInformation && (
        <ActionForm action={requestForm} hidden={{ id }} submit="Send back for more information" variant="secondary" isPending={isRequesting} className="mb-10">
          <Radios name="reason" legend="Request more information" legendSize="s" error={requested.errors.reason} defaultValue={requested.values.reason} items={reasons} />
          <Textarea id="comments" name="comments" label="Comments" hint="Say what you need. The referrer sees this." error={requested.errors.comments} defaultValue={requested.values.comments} rows={4} />
        </ActionForm>
      )}
      {allowed.moveTeam && (
        <ActionForm action={moveForm} hidden={{ id }} submit="Move referral" variant="secondary" isPending={isMoving} className="mb-10">
          <Select id="team" name="team" label={<span className="heading-s">Move to another team</span>} error={moved.errors.team} defaultValue={moved.values.team ?? ""} options={[{ value: "", text: "Select a team" }, ...teams.map((team) => ({ value: team.value, text: team.label }))]} />
        </ActionForm>
      )}
      {allowed.close && (
        <ActionForm action={closeForm} hidden={{ id }} submit="Close referral" variant="warning" isPending={isClosing} className="mb-10">
          <h3 className="heading-s mb-2">Close this referral</h3>
          {closed.errors.close && <ErrorMessage id="close-error">{closed.errors.close}</ErrorMessage>}
        </ActionForm>
      )}
    </>
  );
}
