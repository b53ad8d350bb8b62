import type { ReactNode } from "react";

export type PanelProps = {
  title?: ReactNode;
  headingLevel?: 2 | 3;
  /** `confirmation` is the green panel shown after something was done ("Delivery plan submitted"). */
  variant?: "default" | "confirmation";
  children?: ReactNode;
};

/** A white panel grouping related content, or the confirmation panel at the top of a "done" page. */
export function Panel({ title, headingLevel = 2, variant = "default", children }: PanelProps) {
  const Heading = `h${headingLevel}` as const;
  const confirmation = variant === "confirmation";
  const box = confirmation
    ? "bg-nhs-green p-6 text-center text-white md:p-8 [&_a]:text-white"
    : "border border-nhs-grey-4 bg-white p-4 md:p-6";
  return (
    <div className={`mb-8 ${box} [&>:last-child]:mb-0`}>
      {title ? <Heading className={confirmation ? "mb-4 text-3xl md:text-5xl" : "mb-4"}>{title}</Heading> : null}
      {children}
    </div>
  );
}
