import type { ReactNode } from "react";

export type DetailsProps = {
  summary: ReactNode;
  children: ReactNode;
  open?: boolean;
};

/** GOV.UK's details component on the native element, so it opens and closes without JavaScript. */
export function Details({ summary, children, open = false }: DetailsProps) {
  return (
    <details className="group body-m mb-5 sm:mb-8" open={open}>
      <summary
        className={
          "relative mb-1.5 inline-block cursor-pointer list-none pl-[25px] text-link hover:text-link-hover focus-link [&::-webkit-details-marker]:hidden " +
          // The triangle GOV.UK draws, pointing right when closed and down when open.
          "before:absolute before:top-[0.2em] before:left-0 before:border-y-[7px] before:border-l-[12px] before:border-y-transparent before:border-l-current " +
          "group-open:before:border-x-[7px] group-open:before:border-t-[12px] group-open:before:border-b-0 group-open:before:border-x-transparent group-open:before:border-t-current"
        }
      >
        <span className="underline underline-offset-[0.15em] in-focus:no-underline">{summary}</span>
      </summary>
      <div className="border-l-[5px] border-border py-[15px] pl-[15px] sm:pl-5">{children}</div>
    </details>
  );
}
