import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { Button, PageHeading, Select, TextInput } from "@/components/ui";
import { hrefWith, PagerNav } from "@/components/ui/Pagination";
import { catalogueCapabilities, cataloguePage, catalogueProfessions, type CatalogueSort } from "@/lib/data/catalogue";
import { formatDate } from "@/lib/format";
import { orNotFound, searchText } from "@/lib/params";
import { PILLAR_LABELS, PILLARS } from "@/lib/workflow";

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

const PILLAR_OPTIONS = [{ value: "", label: "All pillars" }, ...PILLARS.map((p) => ({ value: p, label: PILLAR_LABELS[p] }))];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CataloguePage({ searchParams }: Props) {
  const params = await searchParams;
  // A search with control characters (a NUL byte, say) can only be crafted: it is a bad URL, not a search.
  if (typeof params.q === "string") orNotFound(searchText(params.q));
  const [result, capabilities, professions] = await Promise.all([cataloguePage(params), catalogueCapabilities(), catalogueProfessions()]);
  const { query, items } = result;
  // Links keep only the validated query, so a junk parameter is not carried from page to page.
  const filters = { q: query.q, origin: query.origin, pillar: query.pillar, capability: query.capability, profession: query.profession };
  const kept = { ...filters, sort: query.sort === "reference" ? undefined : query.sort };
  const filtered = Object.values(filters).some(Boolean);
  const capabilityOptions = [
    { value: "", label: "All core capabilities" },
    ...capabilities.map((c) => ({ value: c.number, label: `${c.number} ${PILLAR_LABELS[c.pillar]}: ${c.summary}` })),
  ];
  const professionOptions = [{ value: "", label: "All professions" }, ...professions.map((p) => ({ value: p.id, label: p.name }))];
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
        <Select name="pillar" label="Pillar of advanced practice" options={PILLAR_OPTIONS} defaultValue={query.pillar ?? ""} />
        <Select
          name="capability"
          label="Core capability"
          options={capabilityOptions}
          defaultValue={query.capability ?? ""}
          className="md:max-w-xs"
        />
        <Select name="profession" label="Profession" options={professionOptions} defaultValue={query.profession ?? ""} />
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
      <ul className="list-none space-y-2" role="list">
        <li>
          <a href={hrefWith("/catalogue/export.csv", undefined, filters)} download>
            Download {filtered ? "these credentials" : "the whole catalogue"} as CSV
          </a>
        </li>
        <li>
          <a href={hrefWith("/catalogue/export.jsonld", undefined, filters)} download>
            Download {filtered ? "these credentials" : "the whole catalogue"} as linked data (JSON-LD, Open Badges 3.0 and CTDL)
          </a>
        </li>
      </ul>
    </>
  );
}
