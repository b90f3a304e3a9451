import type { HTMLInputAutoCompleteAttribute } from "react";
import { CharacterCount } from "./character-count";
import { Field, type LabelledQuestion } from "./field";
import { inputClassName } from "./input-class-name";

export type TextareaProps = LabelledQuestion & {
  name: string;
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

export function Textarea({ label, labelIsPageHeading, hint, error, rows = 5, maxLength, ...box }: TextareaProps) {
  // The box's own attributes (id, name, the text, autocomplete, spellcheck) are the same with or without a count.
  return (
    <Field id={box.id} label={label} labelIsPageHeading={labelIsPageHeading} hint={hint} error={error}>
      {({ hasError, describedBy, aria }) =>
        maxLength === undefined ? (
          <textarea {...box} rows={rows} {...aria} className={`${inputClassName({ hasError })} resize-y`} />
        ) : (
          <CharacterCount {...box} rows={rows} maxLength={maxLength} describedBy={describedBy} hasError={hasError} />
        )
      }
    </Field>
  );
}
