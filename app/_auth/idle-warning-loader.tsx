"use client";

import { useEffect, useState, type ComponentProps } from "react";
import type { IdleWarning } from "./idle-warning";

type Props = Omit<ComponentProps<typeof IdleWarning>, "shownAtMs">;

/**
 * The idle warning (idle-warning.tsx) in a chunk of its own, fetched once the page has hydrated
 * and only where the root layout draws this (a signed-in person): a signed-out page never
 * downloads it, and a signed-in page's first load does not wait for it. A plain `import()`
 * rather than next/dynamic, whose loader code (1.1 KB gzip) every page would carry. Nothing
 * is rendered on the server: the dialog stays closed until the warning opens it, and without
 * JavaScript there is no warning (the next request goes to sign in and comes back). If the
 * chunk cannot be fetched (the network dropped), the page is as it is without JavaScript.
 * The warning's clock starts from this component's mount (the page's hydration, as before the
 * split), not from the later moment the chunk arrives, so a slow phone is warned no later.
 */
export function IdleWarningLoader(props: Props) {
  const [loaded, setLoaded] = useState<{ Warning: typeof IdleWarning; shownAtMs: number } | null>(null);
  useEffect(() => {
    let isCurrent = true;
    const shownAtMs = Date.now();
    import("./idle-warning")
      .then((module) => {
        if (isCurrent) setLoaded({ Warning: module.IdleWarning, shownAtMs });
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, []);
  return loaded ? <loaded.Warning {...props} shownAtMs={loaded.shownAtMs} /> : null;
}
