import Link from "@/components/ui/Link";
import { useId, type ReactNode } from "react";

export type TableColumn = {
  key: string;
  header: ReactNode;
  align?: "left" | "right" | "center";
  /** Link that sorts by this column (build it with `hrefWith` from Pagination). */
  sortHref?: string;
  /** Set on the column the table is currently sorted by. */
  sorted?: "ascending" | "descending";
};

export type TableProps = {
  caption: string;
  captionHidden?: boolean;
  columns: TableColumn[];
  rows: Record<string, ReactNode>[];
  /** Column whose cells label their row (rendered as `<th scope="row">`). */
  rowHeader?: string;
  /** Shown instead of rows when there are none. */
  empty?: string;
};

// Cells are styled by `.nhs-table` (app/globals.css): only an alignment other than left is set on a cell. A left-aligned
// cell gets no className prop at all (nor an unsorted header an aria-sort), which the page's React payload would
// otherwise carry as "$undefined".
const alignClass = (align: TableColumn["align"]) =>
  align === "right" ? { className: "text-right" } : align === "center" ? { className: "text-center" } : {};

function SortHeader({ column }: { column: TableColumn }) {
  if (!column.sortHref) return column.header;
  // The current order is announced through aria-sort on the <th>.
  return (
    <Link href={column.sortHref}>
      {column.header}
      {column.sorted ? <span aria-hidden="true">{column.sorted === "ascending" ? " ▲" : " ▼"}</span> : null}
    </Link>
  );
}

/**
 * NHS table. The wrapper scrolls sideways on narrow screens; it is a focusable, named region so keyboard users
 * can scroll it too.
 */
export function Table({ caption, captionHidden = false, columns, rows, rowHeader, empty = "Nothing to show." }: TableProps) {
  const captionId = useId();
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="mb-8 overflow-x-auto">
      <table className="nhs-table w-full border-collapse">
        <caption id={captionId} className={captionHidden ? "sr-only" : "mb-3 text-left text-xl font-bold md:text-2xl"}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" {...(c.sorted ? { "aria-sort": c.sorted } : {})} {...alignClass(c.align)}>
                <SortHeader column={c} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="text-nhs-secondary">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row, i) => (
              <tr key={i}>
                {columns.map((c) => {
                  const align = alignClass(c.align);
                  return c.key === rowHeader ? (
                    <th key={c.key} scope="row" {...align}>
                      {row[c.key]}
                    </th>
                  ) : (
                    <td key={c.key} {...align}>
                      {row[c.key]}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
