import { Field, type LabelledQuestion } from "./field";
import { inputClassName } from "./input-class-name";

export type SelectOption = { value: string; text: string; disabled?: boolean };

export type SelectProps = LabelledQuestion & {
  name: string;
  options: readonly SelectOption[];
  defaultValue?: string;
};

export function Select({ label, labelIsPageHeading, hint, error, options, ...select }: SelectProps) {
  return (
    <Field id={select.id} label={label} labelIsPageHeading={labelIsPageHeading} hint={hint} error={error}>
      {({ hasError, aria }) => (
        <select {...select} {...aria} className={`${inputClassName({ hasError, keepsNativeAppearance: true })} sm:w-auto sm:min-w-[11.5em]`}>
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
