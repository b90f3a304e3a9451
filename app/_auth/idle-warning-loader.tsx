"use client";

import { useEffect, useState, type ComponentProps } from "react";
import type { IdleWarning } from "./idle-warning";

type Props = ComponentProps<typeof IdleWarning>;

/**
 * The idle warning (idle-warning.tsx) in a chunk of its own, fetched once the page has hydrated
 * and only where the root layout draws this (a signed-in person): a signed-out page never
 * downloads it, and a signed-in page's first load does not wait for it. A plain `import()`
 * rather than next/dynamic, whose loader code (about 2 KB gzip) every page would carry. Nothing
 * is rendered on the server: the dialog stays closed until the warning opens it, and without
 * JavaScript there is no warning (the next request goes to sign in and comes back). If the
 * chunk cannot be fetched (the network dropped), the page is as it is without JavaScript.
 */
export function IdleWarningLoader(props: Props) {
  const [Warning, setWarning] = useState<typeof IdleWarning | null>(null);
  useEffect(() => {
    let isCurrent = true;
    import("./idle-warning")
      .then((module) => {
        if (isCurrent) setWarning(() => module.IdleWarning);
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, []);
  return Warning ? <Warning {...props} /> : null;
}
