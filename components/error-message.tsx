import type { ReactNode } from "react";

type ErrorMessageProps = {
  id?: string;
  children: ReactNode;
  /** Read before the message so a screen reader user hears it is an error, not a hint. */
  visuallyHiddenText?: string;
};

export function ErrorMessage({ id, children, visuallyHiddenText = "Error:" }: ErrorMessageProps) {
  return (
    <p id={id} className="body-m mb-4 font-bold text-error">
      <span className="sr-only">{visuallyHiddenText} </span>
      {children}
    </p>
  );
}
