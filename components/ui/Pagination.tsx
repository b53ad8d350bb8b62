import Link from 'next/link';

/** What a page receives as (awaited) `searchParams`, or a URLSearchParams. */
export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * `basePath` plus the current query with some keys changed; a null/undefined/'' value removes the key.
 * Keeps filters and sort when paging, and page/filters when sorting.
 */
export function hrefWith(
  basePath: string,
  params: SearchParamsInput | undefined,
  changes: Record<string, string | number | null | undefined>,
): string {
  const query = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? params.entries() : Object.entries(params ?? {});
  for (const [key, value] of entries) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) query.append(key, v);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') query.delete(key);
    else query.set(key, String(value));
  }
  const qs = query.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

export type PaginationProps = {
  basePath: string;
  searchParams?: SearchParamsInput;
  /** 1-based. */
  page: number;
  pageCount: number;
  /** Query parameter holding the page number. */
  param?: string;
  /** Names the navigation when a page has more than one paged list (landmarks must differ). */
  label?: string;
};

const linkClass = 'inline-block min-h-6 py-2 text-lg font-bold';

/** NHS pagination: previous and next links with "Page n of m". Renders nothing for a single page. */
export function Pagination({ basePath, searchParams, page, pageCount, param = 'page', label = 'Pagination' }: PaginationProps) {
  if (pageCount <= 1) return null;
  const href = (p: number) => hrefWith(basePath, searchParams, { [param]: p === 1 ? null : p });
  return (
    <nav aria-label={label} className="mb-8">
      <ul className="flex flex-wrap items-center justify-between gap-4">
        <li className="min-w-24">
          {page > 1 ? (
            <Link href={href(page - 1)} className={linkClass} rel="prev">
              <span aria-hidden="true">← </span>Previous<span className="sr-only"> page</span>
            </Link>
          ) : null}
        </li>
        <li className="text-nhs-secondary">
          Page {page} of {pageCount}
        </li>
        <li className="min-w-24 text-right">
          {page < pageCount ? (
            <Link href={href(page + 1)} className={linkClass} rel="next">
              Next<span className="sr-only"> page</span>
              <span aria-hidden="true"> →</span>
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
