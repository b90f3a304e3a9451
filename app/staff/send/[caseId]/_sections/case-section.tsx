import type { ReactNode } from "react";

type Props = {
  /** The heading's id is `${id}-heading`. */
  id: string;
  title: string;
  /** Text and forms keep to a readable line length; tables take the page's width. */
  isNarrow?: boolean;
  children: ReactNode;
};

/** One part of the case page: a region named by its own h2, so screen readers list it among the page's landmarks. */
export function CaseSection({ id, title, isNarrow = false, children }: Props) {
  return (
    <section aria-labelledby={`${id}-heading`} className={isNarrow ? "mb-8 max-w-[40em]" : "mb-8"}>
      <h2 id={`${id}-heading`} className="heading-m mb-4">
        {title}
      </h2>
      {children}
    </section>
  );
}
