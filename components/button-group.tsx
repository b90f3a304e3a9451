import type { ReactNode } from "react";

/** Lines up a main button with secondary buttons or links ("Save for later"), stacked on phones. */
export function ButtonGroup({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-col items-center sm:flex-row sm:flex-wrap sm:items-baseline sm:gap-x-[15px] [&>a:not([class])]:body-m [&>a:not([class])]:mb-[22px] [&>a:not([class])]:inline-block">
      {children}
    </div>
  );
}
