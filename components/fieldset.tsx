import type { ReactNode } from "react";

export type LegendSize = "xl" | "l" | "m" | "s";

export type FieldsetProps = {
  legend: ReactNode;
  legendSize?: LegendSize;
  /** When the question is the only one on the page, its legend is also the page's h1. */
  isPageHeading?: boolean;
  /** Ids of the hint and error that describe the whole group (GOV.UK puts them on the fieldset). */
  describedBy?: string;
  children: ReactNode;
};

const legendSizeClasses: Record<LegendSize, string> = {
  xl: "heading-xl mb-4",
  l: "heading-l mb-4",
  m: "heading-m mb-4",
  s: "heading-s mb-4",
};

export function Fieldset({ legend, legendSize, isPageHeading = false, describedBy, children }: FieldsetProps) {
  const size = legendSize ?? (isPageHeading ? "l" : undefined);
  const legendClass = size ? legendSizeClasses[size] : "body-m mb-2.5";
  return (
    <fieldset className="m-0 min-w-0 border-0 p-0" aria-describedby={describedBy}>
      <legend className={`table max-w-full whitespace-normal ${legendClass}`}>
        {isPageHeading ? <h1 className="[font:inherit]">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  );
}
