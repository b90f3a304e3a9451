"use client";

/** A staff member's teams and role, as the admin changes them. */
import { useActionState } from "react";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { errorList } from "@/app/_forms/error-list";
import { setStaffAccessAction } from "@/app/staff/admin/actions";
import { TeamRolesFields } from "@/app/staff/admin/_components/team-roles-fields";

type Props = { userId: string; teams: readonly { id: string; name: string }[]; current: Record<string, string> };

export function AccessForm({ userId, teams, current }: Props) {
  const [state, formAction, isSaving] = useActionState(setStaffAccessAction, { errors: {}, values: current });
  return (
    <>
      <ErrorSummary errors={errorList(state, ["teams"])} />
      <form action={formAction} className="mb-10" noValidate>
        <input type="hidden" name="userId" value={userId} />
        <TeamRolesFields teams={teams} values={state.values} error={state.errors.teams} />
        <Button disabled={isSaving}>Save teams and role</Button>
      </form>
    </>
  );
}
