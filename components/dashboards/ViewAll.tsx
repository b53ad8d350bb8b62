import Link from "@/components/ui/Link";

/** Under a dashboard section: how many there are in all and the link to the full, paged and filterable list. */
export function ViewAll({ href, total, shown, one, many }: { href: string; total: number; shown: number; one: string; many: string }) {
  if (total === 0) return null;
  return (
    <p className="-mt-4 mb-8">
      {total > shown ? `Showing ${shown} of ${total}. ` : null}
      <Link href={href}>
        View all {total} {total === 1 ? one : many}
      </Link>
    </p>
  );
}
