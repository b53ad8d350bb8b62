import { hrefWith, PagerNav, type SearchParamsInput } from "./Pagination";

export type KeysetPaginationProps = {
  basePath: string;
  searchParams?: SearchParamsInput;
  /** Cursor for the following page, null on the last. */
  next: string | null;
  /** Cursor for the preceding page, null on the first. */
  previous: string | null;
  /** Prefix of the query parameters (`historyAfter`/`historyBefore` for "history"); none gives `after`/`before`. */
  param?: string;
  /** Words for the two directions, e.g. "Newer" and "Older" for a list newest first. */
  previousLabel?: string;
  nextLabel?: string;
  /** Says where the page sits, e.g. "Showing 20 of 431 events". */
  status?: string;
  /** Names the navigation when a page has more than one list. */
  label?: string;
};

/**
 * Pages by cursor: previous and next links carrying a row id, so each page is an index seek rather than an offset
 * scan. Keeps the other query parameters (filters, other lists' pages).
 */
export function KeysetPagination({ basePath, searchParams, next, previous, param = "", ...nav }: KeysetPaginationProps) {
  const name = (which: "after" | "before") => (param ? `${param}${which[0].toUpperCase()}${which.slice(1)}` : which);
  const href = (which: "after" | "before", cursor: string) =>
    hrefWith(basePath, searchParams, {
      [name("after")]: which === "after" ? cursor : null,
      [name("before")]: which === "before" ? cursor : null,
    });
  return <PagerNav {...nav} previousHref={previous ? href("before", previous) : null} nextHref={next ? href("after", next) : null} />;
}
