"use client";

/**
 * "Who is this about?" (guides 000 and 001): one or more people, forename and surname, with
 * "+ Add another person", then "I am completing this form as a" and Confirm. Adding and
 * removing a row posts the page, so it works without JavaScript and keeps what was typed.
 */
import { useActionState } from "react";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { Fieldset } from "@/components/fieldset";
import { Radios } from "@/components/radios";
import { TextInput } from "@/components/text-input";
import { COMPLETING_AS_QUESTION } from "@/lib/forms/completing-as";
import { MAX_PEOPLE } from "@/lib/forms/people-limits";
import type { Audience } from "@/lib/forms/types";
import type { PeopleFormState } from "./people-state";

type Props = {
  action: (state: PeopleFormState, formData: FormData) => Promise<PeopleFormState>;
  initial: PeopleFormState;
  audiences: readonly Audience[];
  hidden: Record<string, string>;
};

export function PeopleForm({ action, initial, audiences, hidden }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const rows = state.rows.length > 0 ? state.rows : [{ id: "", forename: "", surname: "" }];
  const choices = COMPLETING_AS_QUESTION.choices.filter((choice) => audiences.includes(choice.value));
  const fieldOrder = [...rows.flatMap((_, index) => [`person-${index}-forename`, `person-${index}-surname`]), "completingAs"];
  const errors = fieldOrder.flatMap((field) => (state.errors[field] ? [{ fieldId: field, text: state.errors[field] }] : []));
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={formAction} noValidate>
        <button type="submit" name="intent" value="confirm" tabIndex={-1} aria-hidden="true" className="sr-only">
          Confirm
        </button>
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="person-count" value={rows.length} />
        <div key={state.version}>
          <Fieldset legend="Who is this about?" legendSize="m">
            <p className="mb-6 text-secondary-ink">
              Enter the name of each child or young person this form is about. You can add more people later in the form.
            </p>
            {rows.map((row, index) => (
              <div key={`${index}-${row.id}`} className="mb-6 border-b border-border pb-2">
                <Fieldset legend={`Person ${index + 1}`} legendSize="s">
                  <input type="hidden" name={`person-${index}-id`} value={row.id} />
                  <TextInput id={`person-${index}-forename`} name={`person-${index}-forename`} label="First name" defaultValue={row.forename} error={state.errors[`person-${index}-forename`]} autoComplete="off" spellCheck={false} />
                  <TextInput id={`person-${index}-surname`} name={`person-${index}-surname`} label="Last name" defaultValue={row.surname} error={state.errors[`person-${index}-surname`]} autoComplete="off" spellCheck={false} />
                  {rows.length > 1 && (
                    <Button type="submit" variant="secondary" name="intent" value={`remove-person:${index}`} disabled={isPending}>
                      Remove<span className="sr-only"> person {index + 1}</span>
                    </Button>
                  )}
                </Fieldset>
              </div>
            ))}
            {rows.length < MAX_PEOPLE && (
              <Button type="submit" variant="secondary" name="intent" value="add-person" disabled={isPending}>
                + Add another person
              </Button>
            )}
          </Fieldset>
          {choices.length > 1 ? (
            <Radios
              name="completingAs"
              legend={COMPLETING_AS_QUESTION.label}
              legendSize="m"
              error={state.errors.completingAs}
              defaultValue={state.completingAs}
              items={choices.map((choice) => ({ value: choice.value, label: choice.label }))}
            />
          ) : (
            <>
              <input type="hidden" name="completingAs" value={choices[0]?.value ?? ""} />
              <p className="mb-6">
                {COMPLETING_AS_QUESTION.label}: <strong>{choices[0]?.label}</strong>
              </p>
            </>
          )}
        </div>
        <Button type="submit" name="intent" value="confirm" disabled={isPending}>
          Confirm
        </Button>
      </form>
    </>
  );
}
