import Link from "@/components/ui/Link";

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
    if (value === null || value === undefined || value === "") query.delete(key);
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

const linkClass = "inline-block min-h-6 py-2 text-lg font-bold";

export type PagerNavProps = {
  previousHref?: string | null;
  nextHref?: string | null;
  /** Words for the two directions, e.g. "Newer" and "Older" for a list newest first. */
  previousLabel?: string;
  nextLabel?: string;
  /** Between the links: "Page 2 of 9", "Showing 20 of 431 events". */
  status?: string;
  /** Names the navigation when a page has more than one paged list (landmarks must differ). */
  label?: string;
};

/**
 * The NHS pagination pattern every list uses, whether paged by number or by cursor: plain previous and next
 * links (so it works without JavaScript and with the keyboard) in a labelled navigation landmark.
 */
export function PagerNav({
  previousHref,
  nextHref,
  previousLabel = "Previous",
  nextLabel = "Next",
  status,
  label = "Pagination",
}: PagerNavProps) {
  if (!previousHref && !nextHref) return status ? <p className="mb-8 text-nhs-secondary">{status}</p> : null;
  return (
    <nav aria-label={label} className="mb-8">
      <ul className="flex flex-wrap items-center justify-between gap-4">
        <li className="min-w-24">
          {previousHref ? (
            <Link href={previousHref} className={linkClass} rel="prev">
              <span aria-hidden="true">← </span>
              {previousLabel}
              <span className="sr-only"> page</span>
            </Link>
          ) : null}
        </li>
        <li className="text-nhs-secondary">{status}</li>
        <li className="min-w-24 text-right">
          {nextHref ? (
            <Link href={nextHref} className={linkClass} rel="next">
              {nextLabel}
              <span className="sr-only"> page</span>
              <span aria-hidden="true"> →</span>
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}

/** Pages by number (`?page=`): "Page n of m" between the links. Renders nothing for a single page. */
export function Pagination({ basePath, searchParams, page, pageCount, param = "page", label = "Pagination" }: PaginationProps) {
  if (pageCount <= 1) return null;
  const href = (p: number) => hrefWith(basePath, searchParams, { [param]: p === 1 ? null : p });
  return (
    <PagerNav
      label={label}
      status={`Page ${page} of ${pageCount}`}
      previousHref={page > 1 ? href(page - 1) : null}
      nextHref={page < pageCount ? href(page + 1) : null}
    />
  );
}
