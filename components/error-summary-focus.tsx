"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * What GOV.UK Frontend's error summary script does, for browsers running JavaScript: move
 * focus to the summary so screen readers announce it, and make its links show the whole
 * question (legend or label) rather than scrolling the bare input to the top edge. Without
 * JavaScript the summary is still there and its links still jump to the fields.
 */
export function ErrorSummaryFocus({ className, children }: { className: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const summary = ref.current;
    if (!summary) return;
    summary.focus();

    function focusLinkedField(event: MouseEvent) {
      const link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
      const field = link ? document.getElementById(link.getAttribute("href")?.slice(1) ?? "") : null;
      if (!field) return;
      event.preventDefault();
      const legend = field.closest("fieldset")?.querySelector("legend");
      const label = document.querySelector(`label[for="${CSS.escape(field.id)}"]`);
      (legend ?? label ?? field).scrollIntoView();
      field.focus({ preventScroll: true });
    }
    summary.addEventListener("click", focusLinkedField);
    return () => summary.removeEventListener("click", focusLinkedField);
  }, []);

  return (
    <div ref={ref} tabIndex={-1} className={className}>
      {children}
    </div>
  );
}
