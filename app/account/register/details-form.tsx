"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { Checkboxes } from "@/components/checkboxes";
import { ErrorSummary } from "@/components/error-summary";
import { Fieldset } from "@/components/fieldset";
import { TextInput } from "@/components/text-input";
import type { FormState } from "@/app/_forms/form-state";
import { errorList } from "@/app/_forms/error-list";
import { RequiredExplanation, RequiredLabel } from "./_parts/required-label";
import { saveRegistrationDetailsAction } from "./actions";

const FIELD_ORDER = ["forename", "surname", "isProfessional", "organisation", "jobRole", "propertyName", "houseNumber", "street", "area", "town", "postcode"];

type Props = {
  returnTo: string;
  /** What was saved before "Back", or nothing on a first visit. */
  initialState: FormState;
  /** The step caption and heading, drawn by the page below the error summary. */
  heading: ReactNode;
};

/** Step 1: name, professional capacity (Organisation and Role revealed by CSS), address. */
export function DetailsForm({ returnTo, initialState, heading }: Props) {
  const [state, formAction] = useActionState(saveRegistrationDetailsAction, initialState);
  const { errors, values } = state;
  return (
    <>
      <ErrorSummary errors={errorList(state, FIELD_ORDER)} />
      {heading}
      <RequiredExplanation />
      <form action={formAction} noValidate>
        <input type="hidden" name="returnTo" value={returnTo} />
        <TextInput id="forename" name="forename" label={<RequiredLabel text="Forename" />} autoComplete="given-name" spellCheck={false} defaultValue={values.forename} error={errors.forename} />
        <TextInput id="surname" name="surname" label={<RequiredLabel text="Surname" />} autoComplete="family-name" spellCheck={false} defaultValue={values.surname} error={errors.surname} />
        <Checkboxes
          name="isProfessional"
          legend="Professional use"
          legendSize="m"
          hint="For example, if you are a teacher, health worker, police officer or social worker."
          error={errors.isProfessional}
          defaultValues={values.isProfessional === "yes" ? ["yes"] : []}
          items={[
            {
              value: "yes",
              label: "Is this account being used in a professional capacity?",
              conditional: (
                <>
                  <TextInput id="organisation" name="organisation" label={<RequiredLabel text="Organisation" />} autoComplete="organization" defaultValue={values.organisation} error={errors.organisation} />
                  <TextInput id="jobRole" name="jobRole" label={<RequiredLabel text="Role" />} autoComplete="organization-title" defaultValue={values.jobRole} error={errors.jobRole} />
                </>
              ),
            },
          ]}
        />
        <Fieldset legend="Your address" legendSize="m">
          <TextInput id="propertyName" name="propertyName" label="Property name" hint="For example, the name of a house or block of flats" defaultValue={values.propertyName} error={errors.propertyName} />
          <TextInput id="houseNumber" name="houseNumber" label="House number or name" width="10" defaultValue={values.houseNumber} error={errors.houseNumber} />
          <TextInput id="street" name="street" label={<RequiredLabel text="Street" />} autoComplete="address-line1" defaultValue={values.street} error={errors.street} />
          <TextInput id="area" name="area" label="Area" autoComplete="address-line2" defaultValue={values.area} error={errors.area} />
          <TextInput id="town" name="town" label="Town" autoComplete="address-level2" width="20" defaultValue={values.town} error={errors.town} />
          <TextInput id="postcode" name="postcode" label={<RequiredLabel text="Postcode" />} autoComplete="postal-code" spellCheck={false} width="10" defaultValue={values.postcode} error={errors.postcode} />
        </Fieldset>
        <Button>Continue</Button>
      </form>
    </>
  );
}
