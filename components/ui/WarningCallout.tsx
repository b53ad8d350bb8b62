import type { ReactNode } from "react";

export type WarningCalloutProps = { heading?: string; headingLevel?: 2 | 3; children: ReactNode };

/** NHS warning callout: something the user must know before they act. */
export function WarningCallout({ heading = "Important", headingLevel = 2, children }: WarningCalloutProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="mb-8 mt-10 border border-nhs-warm-yellow bg-[#fff9c4] px-4 pb-4 md:px-6 md:pb-6 [&>:last-child]:mb-0">
      <Heading className="relative -top-3 -ml-4 mb-2 inline-block bg-nhs-warm-yellow px-4 py-1 text-xl md:-ml-6 md:px-6 md:text-2xl">
        {heading === "Important" ? null : <span className="sr-only">Important: </span>}
        {heading}
      </Heading>
      {children}
    </div>
  );
}
