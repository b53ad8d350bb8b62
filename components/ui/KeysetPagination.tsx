import Link from 'next/link';
import { hrefWith, type SearchParamsInput } from './Pagination';

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

const linkClass = 'inline-block min-h-6 py-2 text-lg font-bold';

/**
 * NHS pagination for keyset-paged lists: previous and next links carrying a row id, so each page is an index
 * seek rather than an offset scan. Keeps the other query parameters (filters, other lists' pages).
 */
export function KeysetPagination({
  basePath, searchParams, next, previous, param = '', previousLabel = 'Previous', nextLabel = 'Next', status, label = 'Pagination',
}: KeysetPaginationProps) {
  if (!next && !previous) return status ? <p className="mb-8 text-nhs-secondary">{status}</p> : null;
  const name = (which: 'after' | 'before') => (param ? `${param}${which[0].toUpperCase()}${which.slice(1)}` : which);
  const href = (which: 'after' | 'before', cursor: string) =>
    hrefWith(basePath, searchParams, { [name('after')]: which === 'after' ? cursor : null, [name('before')]: which === 'before' ? cursor : null });
  return (
    <nav aria-label={label} className="mb-8">
      <ul className="flex flex-wrap items-center justify-between gap-4">
        <li className="min-w-24">
          {previous ? (
            <Link href={href('before', previous)} className={linkClass} rel="prev">
              <span aria-hidden="true">← </span>{previousLabel}<span className="sr-only"> page</span>
            </Link>
          ) : null}
        </li>
        <li className="text-nhs-secondary">{status}</li>
        <li className="min-w-24 text-right">
          {next ? (
            <Link href={href('after', next)} className={linkClass} rel="next">
              {nextLabel}<span className="sr-only"> page</span>
              <span aria-hidden="true"> →</span>
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
