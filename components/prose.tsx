import type { ReactNode } from "react";

/**
 * Spacing and list styles for long-form content pages (accessibility statement, privacy notice),
 * so those pages can be written as plain headings, paragraphs and lists.
 */
export function Prose({ children }: { children: ReactNode }) {
  return (
    <div className="max-w-[40em] [&_h2]:heading-l [&_h2]:mt-10 [&_h2]:mb-4 [&_h3]:heading-m [&_h3]:mt-8 [&_h3]:mb-3 [&_li]:mb-1.5 [&_ol]:mb-5 [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:mb-5 [&_ul]:mb-5 [&_ul]:list-disc [&_ul]:pl-5">
      {children}
    </div>
  );
}
