import type { ReactNode } from "react";
import { ErrorMessage } from "./error-message";
import { fieldIds } from "./field-ids";
import { FormGroup } from "./form-group";
import { Hint } from "./hint";
import { inputClassName } from "./input-class-name";
import { Label } from "./label";

export type SelectOption = { value: string; text: string; disabled?: boolean };

export type SelectProps = {
  id: string;
  name: string;
  label: ReactNode;
  labelIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  options: readonly SelectOption[];
  defaultValue?: string;
};

export function Select({ id, name, label, labelIsPageHeading = false, hint, error, options, defaultValue }: SelectProps) {
  const ids = fieldIds(id, { hasHint: hint != null, hasError: Boolean(error) });
  return (
    <FormGroup hasError={Boolean(error)}>
      <Label htmlFor={id} isPageHeading={labelIsPageHeading}>
        {label}
      </Label>
      {hint != null && <Hint id={ids.hintId}>{hint}</Hint>}
      {error && <ErrorMessage id={ids.errorId}>{error}</ErrorMessage>}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
        className={`${inputClassName({ hasError: Boolean(error), keepsNativeAppearance: true })} sm:w-auto sm:min-w-[11.5em]`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.text}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
