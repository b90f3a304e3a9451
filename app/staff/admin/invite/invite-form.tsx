"use client";

/** Invite a staff member: their name and work email, then their teams and role. */
import { useActionState } from "react";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { TextInput } from "@/components/text-input";
import { EMPTY_FORM_STATE } from "@/app/_forms/form-state";
import { errorList } from "@/app/_forms/error-list";
import { inviteStaffAction } from "@/app/staff/admin/actions";
import { TeamRolesFields } from "@/app/staff/admin/_components/team-roles-fields";

export function InviteForm({ teams }: { teams: readonly { id: string; name: string }[] }) {
  const [state, formAction, isSending] = useActionState(inviteStaffAction, EMPTY_FORM_STATE);
  return (
    <>
      <ErrorSummary errors={errorList(state, ["forename", "surname", "email", "teams"])} />
      <h1 className="heading-xl mb-6">Invite a staff member</h1>
      <p className="mb-6">We email them a link to set up their account. They choose their own password; nobody else sees it.</p>
      <form action={formAction} noValidate>
        <TextInput id="forename" name="forename" label="First name" autoComplete="off" spellCheck={false} defaultValue={state.values.forename} error={state.errors.forename} />
        <TextInput id="surname" name="surname" label="Last name" autoComplete="off" spellCheck={false} defaultValue={state.values.surname} error={state.errors.surname} />
        <TextInput id="email" name="email" type="email" label="Work email address" autoComplete="off" spellCheck={false} defaultValue={state.values.email} error={state.errors.email} />
        <TeamRolesFields teams={teams} values={state.values} error={state.errors.teams} />
        <Button disabled={isSending}>Send invitation</Button>
      </form>
    </>
  );
}
