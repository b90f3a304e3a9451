import type { ReactNode } from "react";

/** Hidden until a keyboard user tabs to it; lets them jump past the header to the page's content. */
export function SkipLink({ href = "#main-content", children = "Skip to main content" }: { href?: string; children?: ReactNode }) {
  return (
    <a href={href} className="body-s sr-only focus:not-sr-only focus:block focus:px-[15px] focus:py-2.5 focus:underline">
      {children}
    </a>
  );
}
