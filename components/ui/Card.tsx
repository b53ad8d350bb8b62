import Link from "@/components/ui/Link";
import type { ReactNode } from "react";

export type CardProps = {
  heading: ReactNode;
  headingLevel?: 2 | 3 | 4;
  /** Makes the whole card clickable; the heading is the link, so its text is the link's name. */
  href?: string;
  description?: ReactNode;
  children?: ReactNode;
  className?: string;
};

/** NHS card: a white box for a summary of one thing, optionally clickable. */
export function Card({ heading, headingLevel = 2, href, description, children, className }: CardProps) {
  const Heading = `h${headingLevel}` as const;
  const clickable = href ? "relative hover:shadow-[0_4px_0_var(--color-nhs-grey-4)]" : "";
  return (
    <div className={`mb-6 border border-nhs-grey-4 bg-white p-4 md:p-6 ${clickable} ${className ?? ""}`}>
      <Heading className="mb-3 text-xl md:text-2xl">
        {href ? (
          <Link href={href} className="after:absolute after:inset-0">
            {heading}
          </Link>
        ) : (
          heading
        )}
      </Heading>
      {description ? <p className="mb-0">{description}</p> : null}
      {children}
    </div>
  );
}

export type CountCardProps = {
  count: number;
  /** Completes the sentence after the number: "commissions awaiting your response". */
  label: string;
  /** Used when count is 1: "commission awaiting your response". */
  labelOne?: string;
  href: string;
};

/**
 * Dashboard count card (no outer margin: lay several out with `grid gap-4 md:grid-cols-3`). The whole card is one link whose name reads as a sentence, e.g.
 * "3 commissions awaiting your response".
 */
export function CountCard({ count, label, labelOne, href }: CountCardProps) {
  return (
    <Link
      href={href}
      className="block h-full border border-nhs-grey-4 bg-white p-4 text-nhs-blue no-underline hover:text-nhs-link-hover hover:shadow-[0_4px_0_var(--color-nhs-grey-4)] md:p-6"
    >
      <span className="block text-5xl leading-tight font-bold">{count}</span>{" "}
      <span className="block text-lg underline underline-offset-[0.15em]">{count === 1 && labelOne ? labelOne : label}</span>
    </Link>
  );
}
