import { Checkboxes } from "@/components/checkboxes";
import { Fieldset } from "@/components/fieldset";
import { TextInput } from "@/components/text-input";
import type { FormState } from "@/app/_forms/form-state";
import { RequiredLabel } from "@/components/required-label";

/** The order of the account details' fields, for the error summary. */
export const ACCOUNT_DETAILS_FIELD_ORDER = ["forename", "surname", "isProfessional", "organisation", "jobRole", "propertyName", "houseNumber", "street", "area", "town", "postcode"];

/**
 * A person's details, asked when registering (step 1) and in Update Account: name, whether the
 * account is for professional use (revealing Organisation and Role, by CSS, so it works with
 * JavaScript off) and address.
 */
export function AccountDetailsFields({ state }: { state: FormState }) {
  const { errors, values } = state;
  return (
    <>
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
    </>
  );
}
