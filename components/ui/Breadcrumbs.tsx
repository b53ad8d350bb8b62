import Link from "@/components/ui/Link";

export type BreadcrumbsProps = {
  /** Ancestors of the current page, top level first. */
  items: { href: string; label: string }[];
};

/** NHS breadcrumbs: the ancestors of the current page (the page itself is its h1). */
export function Breadcrumbs({ items }: BreadcrumbsProps) {
  if (items.length === 0) return null;
  return (
    <nav aria-label="Breadcrumb" className="mb-6 text-base">
      <ol className="flex flex-wrap items-center">
        {items.map((item, i) => (
          <li key={item.href} className="inline-flex items-center">
            {i > 0 ? (
              <span aria-hidden="true" className="mx-2 text-nhs-secondary">
                ›
              </span>
            ) : null}
            <Link href={item.href} className="inline-block min-h-6 py-0.5">
              {item.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
