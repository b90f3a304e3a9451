import type { HTMLInputAutoCompleteAttribute, ReactNode } from "react";
import { CharacterCount } from "./character-count";
import { ErrorMessage } from "./error-message";
import { fieldIds } from "./field-ids";
import { FormGroup } from "./form-group";
import { Hint } from "./hint";
import { inputClassName } from "./input-class-name";
import { Label } from "./label";

export type TextareaProps = {
  id: string;
  name: string;
  label: ReactNode;
  labelIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  rows?: number;
  autoComplete?: HTMLInputAutoCompleteAttribute;
  spellCheck?: boolean;
  /**
   * The most characters the server accepts. Shown as a character count (GOV.UK pattern), never
   * set as the maxlength attribute, which would silently cut pasted text.
   */
  maxLength?: number;
};

export function Textarea({
  id,
  name,
  label,
  labelIsPageHeading = false,
  hint,
  error,
  defaultValue,
  rows = 5,
  autoComplete,
  spellCheck,
  maxLength,
}: TextareaProps) {
  const ids = fieldIds(id, { hasHint: hint != null, hasError: Boolean(error) });
  // The box's own attributes, the same with or without a count.
  const box = { id, name, rows, defaultValue, autoComplete, spellCheck };
  return (
    <FormGroup hasError={Boolean(error)}>
      <Label htmlFor={id} isPageHeading={labelIsPageHeading}>
        {label}
      </Label>
      {hint != null && <Hint id={ids.hintId}>{hint}</Hint>}
      {error && <ErrorMessage id={ids.errorId}>{error}</ErrorMessage>}
      {maxLength === undefined ? (
        <textarea
          {...box}
          aria-describedby={ids.describedBy}
          aria-invalid={error ? true : undefined}
          className={`${inputClassName({ hasError: Boolean(error) })} resize-y`}
        />
      ) : (
        <CharacterCount {...box} maxLength={maxLength} describedBy={ids.describedBy} hasError={Boolean(error)} />
      )}
    </FormGroup>
  );
}
