/**
 * The frame every question shares (GOV.UK's form group): the question, as a label for one
 * control or a legend for a group of them, then its hint, then its error message, then the
 * control. The ids come from fieldIds, so the error summary's #links and aria-describedby
 * always agree with the markup. A lone control is described by the hint and error itself; a
 * group's fieldset is, as GOV.UK Frontend does it.
 */
import type { ReactNode } from "react";
import { ErrorMessage } from "./error-message";
import { fieldIds } from "./field-ids";
import { Fieldset, type LegendSize } from "./fieldset";
import { FormGroup } from "./form-group";
import { Hint } from "./hint";
import { Label } from "./label";

type HintAndError = {
  hint?: ReactNode;
  error?: string;
};

/** A question answered in one control (text box, textarea, select): `id` is the control's. */
export type LabelledQuestion = HintAndError & {
  id: string;
  label: ReactNode;
  labelIsPageHeading?: boolean;
};

/** A question answered in a group of controls (radios, checkboxes, a date's three boxes). */
export type GroupQuestion = HintAndError & {
  legend: ReactNode;
  legendSize?: LegendSize;
  legendIsPageHeading?: boolean;
};

/** What the control needs from its frame. */
export type FieldControl = {
  hasError: boolean;
  /** The hint's and error's ids, for a lone control (a group's fieldset carries them instead). */
  describedBy: string | undefined;
  /** aria-describedby and aria-invalid, to spread onto a lone control. */
  aria: { "aria-describedby": string | undefined; "aria-invalid": true | undefined };
};

export type FieldProps = (LabelledQuestion | (GroupQuestion & { id: string })) & {
  /** The control(s); a function gets what a lone control needs to be described by its frame. */
  children: ReactNode | ((control: FieldControl) => ReactNode);
};

export function Field(props: FieldProps) {
  const { id, hint, error, children } = props;
  const hasError = Boolean(error);
  const ids = fieldIds(id, { hasHint: hint != null, hasError });
  const isGroup = "legend" in props;
  const describedBy = isGroup ? undefined : ids.describedBy;
  const body = (
    <>
      {hint != null && <Hint id={ids.hintId}>{hint}</Hint>}
      {error && <ErrorMessage id={ids.errorId}>{error}</ErrorMessage>}
      {typeof children === "function" ? children({ hasError, describedBy, aria: { "aria-describedby": describedBy, "aria-invalid": hasError ? true : undefined } }) : children}
    </>
  );
  return (
    <FormGroup hasError={hasError}>
      {isGroup ? (
        <Fieldset legend={props.legend} legendSize={props.legendSize} isPageHeading={props.legendIsPageHeading} describedBy={ids.describedBy}>
          {body}
        </Fieldset>
      ) : (
        <>
          <Label htmlFor={id} isPageHeading={props.labelIsPageHeading}>
            {props.label}
          </Label>
          {body}
        </>
      )}
    </FormGroup>
  );
}
