/**
 * An address question, GOV.UK's "find an address" pattern without JavaScript: postcode and house
 * number with "Find address", then "Select an address" from the matches; or the picked address
 * with "Change address"; or the address typed by hand. When the lookup cannot answer, it says so
 * and offers "Enter address manually" (a button, so it works without JavaScript). Every button posts `intent`, which the
 * engine applies (lib/forms/question-types/address.ts) before drawing the page again. No hooks,
 * so it renders on the server and inside the client form alike.
 */
import type { ReactNode } from "react";
import type { AddressLookup } from "@/lib/address/address-provider";
import type { AddressValue, AnswerValue, Question } from "@/lib/forms/types";
import { Button } from "../button";
import { ErrorMessage } from "../error-message";
import { fieldIds } from "../field-ids";
import { Fieldset } from "../fieldset";
import { FormGroup } from "../form-group";
import { Hint } from "../hint";
import { Select } from "../select";
import { TextInput } from "../text-input";

export type AddressFieldProps = {
  question: Extract<Question, { type: "address" }>;
  name: string;
  label: string;
  hint?: string;
  value: AnswerValue | undefined;
  error?: string;
  /** The lookup for the typed postcode (addressLookupFor); none until a postcode is typed and found. */
  lookup?: AddressLookup;
};

type Mode = "lookup" | "picked" | "manual";

/** The id an error summary links to: the first field shown for this value. */
export function addressFieldFirstId(value: AnswerValue | undefined, name: string): string {
  const mode = modeOf(asAddress(value));
  return mode === "manual" ? `${name}-line1` : mode === "picked" ? `${name}-change` : `${name}-postcode`;
}

export function AddressField({ name, label, hint, value, error, lookup }: AddressFieldProps) {
  const address = asAddress(value);
  const mode = modeOf(address);
  const ids = fieldIds(name, { hasHint: hint !== undefined, hasError: Boolean(error) });
  return (
    <FormGroup hasError={Boolean(error)}>
      <Fieldset legend={label} describedBy={ids.describedBy}>
        {hint !== undefined && <Hint id={ids.hintId}>{hint}</Hint>}
        {error && <ErrorMessage id={ids.errorId}>{error}</ErrorMessage>}
        {/* Keyed by mode and value, so an uncontrolled field never keeps text from the previous step. */}
        <div key={`${mode}:${JSON.stringify(address)}`}>
          {mode === "manual" && <ManualAddress name={name} address={address} />}
          {mode === "picked" && <PickedAddress name={name} address={address} />}
          {mode === "lookup" && <AddressFinder name={name} address={address} lookup={lookup} hasError={Boolean(error)} />}
        </div>
      </Fieldset>
    </FormGroup>
  );
}

export const ADDRESS_UNAVAILABLE_MESSAGE = "We cannot look up addresses at the moment. Enter the address yourself.";

function AddressFinder({ name, address, lookup, hasError }: { name: string; address: AddressValue; lookup?: AddressLookup; hasError: boolean }) {
  const found = lookup?.status === "found" ? lookup.addresses : [];
  return (
    <>
      <TextInput id={`${name}-postcode`} name={`${name}-postcode`} label="Postcode" width="10" defaultValue={address.postcode} />
      <TextInput
        id={`${name}-houseNumber`}
        name={`${name}-houseNumber`}
        label="House number or name (optional)"
        width="20"
        defaultValue={address.houseNumber}
      />
      <Button variant="secondary" name="intent" value={`find-address:${name}`}>
        Find address
      </Button>
      {found.length > 0 && (
        <Select
          id={`${name}-uprn`}
          name={`${name}-uprn`}
          label="Select an address"
          options={[
            { value: "", text: found.length === 1 ? "1 address found" : `${found.length} addresses found` },
            ...found.map((match) => ({ value: match.uprn, text: match.label })),
          ]}
          defaultValue={address.uprn ?? ""}
        />
      )}
      {lookup?.status === "none" && address.postcode !== "" && !hasError && (
        <p className="body-m mb-4">No addresses found for {address.postcode}. Check the postcode, or enter the address manually.</p>
      )}
      {lookup?.status === "unavailable" && (
        <p id={`${name}-unavailable`} className="body-m mb-4 font-bold">
          {ADDRESS_UNAVAILABLE_MESSAGE}
        </p>
      )}
      <LinkButton value={`manual-address:${name}`}>Enter address manually</LinkButton>
    </>
  );
}

function PickedAddress({ name, address }: { name: string; address: AddressValue }) {
  const lines = [address.line1, address.line2, address.town, address.postcode].filter((line): line is string => Boolean(line));
  return (
    <>
      <p className="body-m mb-4 break-words">
        {lines.map((line, index) => (
          <span key={index} className="block">
            {line}
          </span>
        ))}
      </p>
      <input type="hidden" name={`${name}-postcode`} value={address.postcode} />
      {address.houseNumber && <input type="hidden" name={`${name}-houseNumber`} value={address.houseNumber} />}
      <input type="hidden" name={`${name}-uprn`} value={address.uprn} />
      <Button id={`${name}-change`} variant="secondary" name="intent" value={`find-address:${name}`}>
        Change address
      </Button>
    </>
  );
}

function ManualAddress({ name, address }: { name: string; address: AddressValue }) {
  return (
    <>
      <TextInput id={`${name}-line1`} name={`${name}-line1`} label="Building and street" defaultValue={address.line1} />
      <TextInput id={`${name}-line2`} name={`${name}-line2`} label="Building and street line 2 (optional)" defaultValue={address.line2} />
      <TextInput id={`${name}-town`} name={`${name}-town`} label="Town or city" width="20" defaultValue={address.town} />
      <TextInput id={`${name}-postcode`} name={`${name}-postcode`} label="Postcode" width="10" defaultValue={address.postcode} />
      <input type="hidden" name={`${name}-manual`} value="yes" />
      <LinkButton value={`find-address:${name}`}>Find address instead</LinkButton>
    </>
  );
}

// A submit button drawn as a link, as GOV.UK draws "Enter address manually"; it must post, so it cannot be an <a>.
function LinkButton({ value, children }: { value: string; children: ReactNode }) {
  return (
    <button
      type="submit"
      name="intent"
      value={value}
      className="body-m mb-8 inline-block min-h-6 cursor-pointer appearance-none border-0 bg-transparent p-0 text-left text-link underline decoration-[max(1px,0.0625rem)] underline-offset-[0.1578em] hover:text-link-hover hover:decoration-[max(3px,0.1875rem)] focus-link"
    >
      {children}
    </button>
  );
}

function modeOf(address: AddressValue): Mode {
  if (address.isManual === true) return "manual";
  return address.uprn && address.line1 ? "picked" : "lookup";
}

function asAddress(value: AnswerValue | undefined): AddressValue {
  return typeof value === "object" && !Array.isArray(value) && "postcode" in value ? value : { postcode: "" };
}
