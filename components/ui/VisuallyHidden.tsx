import type { ReactNode } from "react";

/** Text for screen-reader users only (e.g. "Error:" prefixes, link context). */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="sr-only">{children}</span>;
}
