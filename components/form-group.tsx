import type { ReactNode } from "react";

/** Spacing between questions; a question with an error gets GOV.UK's red bar on its left. */
export function FormGroup({ hasError = false, children }: { hasError?: boolean; children: ReactNode }) {
  return <div className={hasError ? "mb-8 border-l-[5px] border-error pl-[15px]" : "mb-8"}>{children}</div>;
}
