import Link from 'next/link';

export type PagerLinksProps = {
  /** Where the previous page is, if there is one. */
  previousHref?: string;
  nextHref?: string;
  /** 1-based. */
  page: number;
  /** Unknown when the list is too long to count in full. */
  pageCount?: number | null;
};

const linkClass = 'inline-block min-h-6 py-2 text-lg font-bold';

/**
 * NHS pagination for lists paged by cursor (each page links to the pages either side of it, not to page n): plain
 * links, so it works without JavaScript and with the keyboard; "Page n of m" between them. Nothing for a single page.
 */
export function PagerLinks({ previousHref, nextHref, page, pageCount }: PagerLinksProps) {
  if (!previousHref && !nextHref) return null;
  return (
    <nav aria-label="Pagination" className="mb-8">
      <ul className="flex flex-wrap items-center justify-between gap-4">
        <li className="min-w-24">
          {previousHref ? (
            <Link href={previousHref} className={linkClass} rel="prev">
              <span aria-hidden="true">← </span>Previous<span className="sr-only"> page</span>
            </Link>
          ) : null}
        </li>
        <li className="text-nhs-secondary">
          Page {page}
          {pageCount ? ` of ${pageCount}` : ''}
        </li>
        <li className="min-w-24 text-right">
          {nextHref ? (
            <Link href={nextHref} className={linkClass} rel="next">
              Next<span className="sr-only"> page</span>
              <span aria-hidden="true"> →</span>
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
