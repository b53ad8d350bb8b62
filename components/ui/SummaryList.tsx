import Link from "@/components/ui/Link";
import type { ReactNode } from "react";

export type SummaryListRow = {
  key: ReactNode;
  value: ReactNode;
  /** e.g. `{ href: '/priorities/1/edit#title', visuallyHiddenText: 'title' }` → "Change title" for screen readers. */
  action?: { href: string; label?: string; visuallyHiddenText?: string };
};

export type SummaryListProps = { rows: SummaryListRow[]; noBorder?: boolean };

/** NHS summary list: key–value pairs of one record, each optionally with a change link. */
export function SummaryList({ rows, noBorder = false }: SummaryListProps) {
  const cell = `md:table-cell md:py-3 md:pr-6 ${noBorder ? "" : "md:border-b md:border-nhs-grey-4"}`;
  const row = `mb-4 pb-3 md:mb-0 md:table-row md:pb-0 ${noBorder ? "" : "border-b border-nhs-grey-4 md:border-b-0"}`;
  // Rows without an action get an empty pseudo-cell so the columns stay aligned when other rows have one.
  const filler = rows.some((r) => r.action) ? `md:after:table-cell ${noBorder ? "" : "md:after:border-b md:after:border-nhs-grey-4"}` : "";
  return (
    <dl className="mb-8 md:table md:w-full">
      {rows.map((r, i) => (
        <div key={i} className={`${row} ${r.action ? "" : filler}`}>
          <dt className={`mb-1 font-bold md:w-1/3 ${cell}`}>{r.key}</dt>
          <dd className={cell}>{r.value}</dd>
          {r.action ? (
            <dd className={`mt-1 md:w-1/5 md:text-right ${cell}`}>
              <Link href={r.action.href}>
                {r.action.label ?? "Change"}
                {r.action.visuallyHiddenText ? <span className="sr-only"> {r.action.visuallyHiddenText}</span> : null}
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
