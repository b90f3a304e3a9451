import type { ReactNode } from "react";

export const STEP_COUNT = 4;

/** The progress indicator: GOV.UK's caption ("Step 2 of 4") above the page's one h1. */
export function StepHeading({ step, children }: { step: number; children: ReactNode }) {
  return (
    <>
      <p className="body-l mb-1 text-secondary-ink">
        Step {step} of {STEP_COUNT}
      </p>
      <h1 className="heading-xl mb-6">{children}</h1>
    </>
  );
}
