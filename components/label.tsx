import type { ReactNode } from "react";

type LabelProps = {
  htmlFor: string;
  children: ReactNode;
  /** When the question is the only one on the page, its label is also the page's h1. */
  isPageHeading?: boolean;
};

export function Label({ htmlFor, children, isPageHeading = false }: LabelProps) {
  if (isPageHeading) {
    return (
      <h1 className="heading-l mb-2.5">
        <label htmlFor={htmlFor} className="block">
          {children}
        </label>
      </h1>
    );
  }
  return (
    <label htmlFor={htmlFor} className="body-m mb-1.5 block">
      {children}
    </label>
  );
}
