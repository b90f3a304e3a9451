import type { ReactNode } from "react";
import { ErrorMessage } from "./error-message";
import { Fieldset, type LegendSize } from "./fieldset";
import { fieldIds } from "./field-ids";
import { FormGroup } from "./form-group";
import { Hint } from "./hint";
import { inputClassName } from "./input-class-name";

export type DatePart = "day" | "month" | "year";
export type DateInputValue = Partial<Record<DatePart, string>>;

export type DateInputProps = {
  /** Fields are posted as `${namePrefix}-day`, `${namePrefix}-month` and `${namePrefix}-year`. */
  namePrefix: string;
  /** Ids are `${idPrefix}-day` etc.; link an error summary to `${idPrefix}-day`. Defaults to namePrefix. */
  idPrefix?: string;
  legend: ReactNode;
  legendSize?: LegendSize;
  legendIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  /** Which parts the error is about, so only those get a red border. All three when omitted. */
  errorParts?: readonly DatePart[];
  defaultValue?: DateInputValue;
  /** Lets browsers fill in the user's own birthday; only for the user's own date of birth. */
  isOwnBirthday?: boolean;
};

const parts: { part: DatePart; label: string; width: "2" | "4"; autoComplete: string }[] = [
  { part: "day", label: "Day", width: "2", autoComplete: "bday-day" },
  { part: "month", label: "Month", width: "2", autoComplete: "bday-month" },
  { part: "year", label: "Year", width: "4", autoComplete: "bday-year" },
];

export function DateInput({
  namePrefix,
  idPrefix = namePrefix,
  legend,
  legendSize,
  legendIsPageHeading = false,
  hint,
  error,
  errorParts,
  defaultValue = {},
  isOwnBirthday = false,
}: DateInputProps) {
  const ids = fieldIds(idPrefix, { hasHint: hint != null, hasError: Boolean(error) });
  return (
    <FormGroup hasError={Boolean(error)}>
      <Fieldset legend={legend} legendSize={legendSize} isPageHeading={legendIsPageHeading} describedBy={ids.describedBy}>
        {hint != null && <Hint id={ids.hintId}>{hint}</Hint>}
        {error && <ErrorMessage id={ids.errorId}>{error}</ErrorMessage>}
        <div className="flex flex-wrap gap-x-5 gap-y-2.5">
          {parts.map(({ part, label, width, autoComplete }) => {
            const id = `${idPrefix}-${part}`;
            const hasError = Boolean(error) && (errorParts === undefined || errorParts.includes(part));
            return (
              <div key={part}>
                <label htmlFor={id} className="body-m mb-1.5 block">
                  {label}
                </label>
                {/* Text with a numeric keypad: type="number" would drop leading zeros and scroll on wheel. */}
                <input
                  id={id}
                  name={`${namePrefix}-${part}`}
                  type="text"
                  inputMode="numeric"
                  defaultValue={defaultValue[part]}
                  autoComplete={isOwnBirthday ? autoComplete : undefined}
                  aria-invalid={hasError ? true : undefined}
                  className={inputClassName({ hasError, width })}
                />
              </div>
            );
          })}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
