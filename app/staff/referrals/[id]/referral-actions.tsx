"use client";

/** The caseworker's four actions, each its own small form with its messages beside the fields. */
import { useActionState } from "react";
import { Button } from "@/components/button";
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
        <form action={respondForm} className="mb-10" noValidate>
          <input type="hidden" name="id" value={id} />
          <Textarea id="response" name="response" label={<span className="heading-s">Post a response</span>} hint="The referrer reads this in Submitted Forms." error={responded.errors.response} defaultValue={responded.values.response} rows={5} />
          <Button type="submit" disabled={isResponding}>
            Post response
          </Button>
        </form>
      )}
      {allowed.requestInformation && (
        <form action={requestForm} className="mb-10" noValidate>
          <input type="hidden" name="id" value={id} />
          <Radios name="reason" legend="Request more information" legendSize="s" error={requested.errors.reason} defaultValue={requested.values.reason} items={reasons} />
          <Textarea id="comments" name="comments" label="Comments" hint="Say what you need. The referrer sees this." error={requested.errors.comments} defaultValue={requested.values.comments} rows={4} />
          <Button type="submit" variant="secondary" disabled={isRequesting}>
            Send back for more information
          </Button>
        </form>
      )}
      {allowed.moveTeam && (
        <form action={moveForm} className="mb-10" noValidate>
          <input type="hidden" name="id" value={id} />
          <Select id="team" name="team" label={<span className="heading-s">Move to another team</span>} error={moved.errors.team} defaultValue={moved.values.team ?? ""} options={[{ value: "", text: "Select a team" }, ...teams.map((team) => ({ value: team.value, text: team.label }))]} />
          <Button type="submit" variant="secondary" disabled={isMoving}>
            Move referral
          </Button>
        </form>
      )}
      {allowed.close && (
        <form action={closeForm} className="mb-10" noValidate>
          <input type="hidden" name="id" value={id} />
          <h3 className="heading-s mb-2">Close this referral</h3>
          {closed.errors.close && <ErrorMessage id="close-error">{closed.errors.close}</ErrorMessage>}
          <Button type="submit" variant="warning" disabled={isClosing}>
            Close referral
          </Button>
        </form>
      )}
    </>
  );
}
