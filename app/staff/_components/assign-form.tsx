"use client";

/** "Assign to a caseworker": a team manager's choice of a caseworker of the record's team. */
import { useActionState } from "react";
import { Button } from "@/components/button";
import { Select } from "@/components/select";
import { EMPTY_FORM_STATE, type FormState } from "@/app/_forms/form-state";

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** The hidden fields that name the record (the referral's id, the case's id). */
  record: Record<string, string>;
  colleagues: { id: string; name: string }[];
  current: string | null;
};

export function AssignForm({ action, record, colleagues, current }: Props) {
  const [state, formAction, isAssigning] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className="mb-10" noValidate>
      {Object.entries(record).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Select
        id="assignee"
        name="assignee"
        label={<span className="heading-s">Assign to a caseworker</span>}
        hint="Only caseworkers of this team are listed. It appears in their My work."
        error={state.errors.assignee}
        defaultValue={state.values.assignee ?? current ?? ""}
        options={[{ value: "", text: "Select a caseworker" }, ...colleagues.map((colleague) => ({ value: colleague.id, text: colleague.name }))]}
      />
      <Button type="submit" variant="secondary" disabled={isAssigning}>
        Assign
      </Button>
    </form>
  );
}
