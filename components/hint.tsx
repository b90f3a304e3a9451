import type { ReactNode } from "react";

export function Hint({ id, children }: { id: string | undefined; children: ReactNode }) {
  return (
    <div id={id} className="body-m mb-4 text-secondary-ink">
      {children}
    </div>
  );
}
