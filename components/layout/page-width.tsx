import type { ReactNode } from "react";

/** GOV.UK's width container: 960px wide at most, with side margins that grow from phone to tablet. */
export function PageWidth({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <div className={`mx-[15px] max-w-[960px] sm:mx-[30px] min-[1020px]:mx-auto ${className}`.trimEnd()}>{children}</div>;
}
