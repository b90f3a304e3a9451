import type { ReactNode } from "react";
import { ErrorSummaryFocus } from "./error-summary-focus";

export type ErrorSummaryItem = {
  /** The id of the field to fix: the input, the first radio or checkbox, or a date's `-day` box. */
  fieldId: string;
  text: string;
};

export type ErrorSummaryProps = {
  errors: readonly ErrorSummaryItem[];
  title?: string;
  description?: ReactNode;
};

/** GOV.UK's error summary: goes at the top of the main content, above the h1. */
export function ErrorSummary({ errors, title = "There is a problem", description }: ErrorSummaryProps) {
  if (errors.length === 0) return null;
  // A new set of errors remounts the summary, so it takes focus again after each failed submit.
  const key = errors.map((error) => `${error.fieldId}:${error.text}`).join("|");
  return (
    <ErrorSummaryFocus
      key={key}
      className="mb-8 border-[5px] border-error p-[15px] focus:outline-3 focus:outline-offset-0 focus:outline-focus sm:mb-12 sm:p-5"
    >
      <h2 className="heading-m mb-4">{title}</h2>
      {description != null && <div className="body-m mb-4">{description}</div>}
      <ul className="body-m">
        {errors.map((error) => (
          <li key={`${error.fieldId}:${error.text}`} className="mb-1.5 last:mb-0">
            <a
              href={`#${error.fieldId}`}
              className="font-bold text-error visited:text-error hover:text-[#942514] focus:text-ink"
            >
              {error.text}
            </a>
          </li>
        ))}
      </ul>
    </ErrorSummaryFocus>
  );
}
