import type { HTMLInputAutoCompleteAttribute, HTMLAttributes, ReactNode } from "react";
import { ErrorMessage } from "./error-message";
import { fieldIds } from "./field-ids";
import { FormGroup } from "./form-group";
import { Hint } from "./hint";
import { inputClassName, type InputWidth } from "./input-class-name";
import { Label } from "./label";

export type TextInputProps = {
  id: string;
  name: string;
  label: ReactNode;
  labelIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  // No "number": GOV.UK advise text + inputMode="numeric", since number inputs round and scroll.
  type?: "text" | "email" | "tel" | "password" | "url" | "search";
  autoComplete?: HTMLInputAutoCompleteAttribute;
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
  spellCheck?: boolean;
  width?: InputWidth;
  maxLength?: number;
};

export function TextInput({
  id,
  name,
  label,
  labelIsPageHeading = false,
  hint,
  error,
  defaultValue,
  type = "text",
  autoComplete,
  inputMode,
  spellCheck,
  width = "full",
  maxLength,
}: TextInputProps) {
  const ids = fieldIds(id, { hasHint: hint != null, hasError: Boolean(error) });
  return (
    <FormGroup hasError={Boolean(error)}>
      <Label htmlFor={id} isPageHeading={labelIsPageHeading}>
        {label}
      </Label>
      {hint != null && <Hint id={ids.hintId}>{hint}</Hint>}
      {error && <ErrorMessage id={ids.errorId}>{error}</ErrorMessage>}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
        maxLength={maxLength}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
        className={inputClassName({ hasError: Boolean(error), width })}
      />
    </FormGroup>
  );
}
