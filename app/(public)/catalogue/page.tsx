import type { Metadata } from "next";
import Link from "next/link";
import { Button, PageHeading, Select, TextInput } from "@/components/ui";
import { hrefWith, PagerNav } from "@/components/ui/Pagination";
import { cataloguePage, type CatalogueSort } from "@/lib/data/catalogue";
import { formatDate } from "@/lib/format";
import { orNotFound, searchText } from "@/lib/params";

export const metadata: Metadata = { title: "Credential catalogue" };
export const dynamic = "force-dynamic";

const ORIGINS = [
  { value: "", label: "All routes" },
  { value: "COMMISSIONED", label: "Commissioned" },
  { value: "PILOT_PHASE_1", label: "Endorsement pilot, phase 1" },
  { value: "PILOT_PHASE_2", label: "Endorsement pilot, phase 2" },
];

const SORTS: { value: CatalogueSort; label: string }[] = [
  { value: "reference", label: "Reference" },
  { value: "title", label: "Title (A to Z)" },
  { value: "newest", label: "Newest endorsement first" },
];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CataloguePage({ searchParams }: Props) {
  const params = await searchParams;
  // A search with control characters (a NUL byte, say) can only be crafted: it is a bad URL, not a search.
  if (typeof params.q === "string") orNotFound(searchText(params.q));
  const result = await cataloguePage(params);
  const { query, items } = result;
  // Links keep only the validated query, so a junk parameter is not carried from page to page.
  const kept = { q: query.q, origin: query.origin, sort: query.sort === "reference" ? undefined : query.sort };
  const pageHref = (cursor: Record<string, string | number | undefined>) => hrefWith("/catalogue", undefined, { ...kept, ...cursor });
  const count = result.totalCapped
    ? `More than ${result.total.toLocaleString("en-GB")} credentials`
    : result.total === 1
      ? "1 credential"
      : `${result.total.toLocaleString("en-GB")} credentials`;
  return (
    <>
      <PageHeading caption="Centre for Advancing Practice" title="Endorsed credentials" />
      <p className="mb-6 max-w-3xl text-lg">
        Credentials are standardised, structured units of assessed learning, usually at academic level 7, that meet high-priority workforce
        needs in advanced practice. Each one below is endorsed by the Centre.
      </p>
      <form method="get" role="search" aria-label="Search the catalogue" className="mb-8 flex flex-wrap items-end gap-4">
        <TextInput name="q" label="Search" hint="Title, reference or summary" defaultValue={query.q ?? ""} maxLength={200} />
        <Select name="origin" label="Route" options={ORIGINS} defaultValue={query.origin ?? ""} />
        <Select name="sort" label="Sort by" options={SORTS} defaultValue={query.sort} />
        <Button variant="secondary">Search</Button>
      </form>
      <p className="mb-4" role="status">
        {count}
      </p>
      <ul className="mb-8 space-y-6" role="list">
        {items.map((c) => (
          <li key={c.id} className="border-b border-nhs-grey-4 pb-6">
            <h2 className="text-xl font-bold">
              <Link href={`/catalogue/${c.reference}`}>
                {c.reference}: {c.title}
              </Link>
            </h2>
            {c.summary ? <p className="mt-1">{c.summary}</p> : null}
            <p className="mt-1 text-nhs-secondary">
              {c.expertGroup}
              {c.endorsedAt ? ` · Endorsed ${formatDate(c.endorsedAt)}` : ""}
              {c.academicLevel ? ` · Level ${c.academicLevel}${c.credits ? `, ${c.credits} credits` : ""}` : ""}
            </p>
            <p className="mt-1">
              <a href={`/catalogue/${c.reference}/export`} download>
                Open data (JSON)<span className="sr-only"> for {c.reference}</span>
              </a>
            </p>
          </li>
        ))}
      </ul>
      <PagerNav
        status={result.previous || result.next ? `Page ${result.page}${result.pageCount ? ` of ${result.pageCount}` : ""}` : undefined}
        previousHref={result.previous ? pageHref(result.page === 2 ? {} : { before: result.previous, page: result.page - 1 }) : undefined}
        nextHref={result.next ? pageHref({ after: result.next, page: result.page + 1 }) : undefined}
      />
      <p>
        <a href={hrefWith("/catalogue/export.csv", undefined, { q: query.q, origin: query.origin })} download>
          Download {query.q || query.origin ? "these credentials" : "the whole catalogue"} as CSV
        </a>
      </p>
    </>
  );
}
