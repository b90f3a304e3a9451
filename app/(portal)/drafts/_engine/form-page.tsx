import type { ReactNode } from "react";

/** A form page: the caption and heading, the page's content, and the section list beside it (below on a phone). */
export function FormPage({ caption, heading, nav, children }: { caption: string; heading: string; nav: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-x-10 md:flex-row-reverse">
      <div className="min-w-0 md:w-2/3">
        <span className="body-l mb-1 block text-secondary-ink">{caption}</span>
        <h1 className="heading-l mb-6">{heading}</h1>
        {children}
      </div>
      <div className="md:w-1/3">{nav}</div>
    </div>
  );
}
