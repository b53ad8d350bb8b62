"use client";
import { lazy, Suspense, useSyncExternalStore } from "react";
import type { BarsProps } from "./Bars";

// Recharts is most of the impact pages' JavaScript (about 100 kB gzip): loaded after the page, not in its first-load
// scripts. The picture is one image whose name the server already renders, and the table beside it carries the same
// figures, so nothing is lost while it loads or without JavaScript. React's own `lazy` splits it off (next/dynamic
// would add its loader to every impact page's first load); the bars are drawn only in the browser, never on the server.
const Bars = lazy(() => import("./Bars"));

const noChanges = () => () => {};

export function LazyBars(props: BarsProps) {
  const inBrowser = useSyncExternalStore(
    noChanges,
    () => true,
    () => false,
  );
  return inBrowser ? (
    <Suspense fallback={null}>
      <Bars {...props} />
    </Suspense>
  ) : null;
}
