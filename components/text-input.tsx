import type { HTMLInputAutoCompleteAttribute, HTMLAttributes } from "react";
import { Field, type LabelledQuestion } from "./field";
import { inputClassName, type InputWidth } from "./input-class-name";

export type TextInputProps = LabelledQuestion & {
  name: string;
  defaultValue?: string;
  // No "number": GOV.UK advise text + inputMode="numeric", since number inputs round and scroll.
  type?: "text" | "email" | "tel" | "password" | "url" | "search";
  autoComplete?: HTMLInputAutoCompleteAttribute;
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
  spellCheck?: boolean;
  width?: InputWidth;
  maxLength?: number;
};

export function TextInput({ label, labelIsPageHeading, hint, error, type = "text", width = "full", ...input }: TextInputProps) {
  return (
    <Field id={input.id} label={label} labelIsPageHeading={labelIsPageHeading} hint={hint} error={error}>
      {({ hasError, aria }) => <input {...input} type={type} {...aria} className={inputClassName({ hasError, width })} />}
    </Field>
  );
}
