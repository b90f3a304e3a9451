import { Field, type GroupQuestion } from "./field";
import { inputClassName } from "./input-class-name";

export type DatePart = "day" | "month" | "year";
export type DateInputValue = Partial<Record<DatePart, string>>;

export type DateInputProps = GroupQuestion & {
  /** Fields are posted as `${namePrefix}-day`, `${namePrefix}-month` and `${namePrefix}-year`. */
  namePrefix: string;
  /** Ids are `${idPrefix}-day` etc.; link an error summary to `${idPrefix}-day`. Defaults to namePrefix. */
  idPrefix?: string;
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
  error,
  errorParts,
  defaultValue = {},
  isOwnBirthday = false,
  ...question
}: DateInputProps) {
  return (
    <Field id={idPrefix} error={error} {...question}>
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
    </Field>
  );
}
