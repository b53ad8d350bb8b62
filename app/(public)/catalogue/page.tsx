import type { Metadata } from "next";
import Link from "next/link";
import { Button, PageHeading, Select, TextInput } from "@/components/ui";
import { catalogue } from "@/lib/data/catalogue";
import { formatDate } from "@/lib/format";
import { enumParam, orNotFound, searchText } from "@/lib/params";

export const metadata: Metadata = { title: "Credential catalogue" };
export const dynamic = "force-dynamic";

const ORIGINS = [
  { value: "", label: "All routes" },
  { value: "COMMISSIONED", label: "Commissioned" },
  { value: "PILOT_PHASE_1", label: "Endorsement pilot, phase 1" },
  { value: "PILOT_PHASE_2", label: "Endorsement pilot, phase 2" },
];

export default async function CataloguePage({ searchParams }: { searchParams: Promise<{ q?: string; origin?: string }> }) {
  const search = await searchParams;
  const filters = { q: orNotFound(searchText(search.q)), origin: enumParam(ORIGINS.map((o) => o.value), search.origin) };
  const items = await catalogue(filters);
  return (
    <>
      <PageHeading caption="Centre for Advancing Practice" title="Endorsed credentials" />
      <p className="mb-6 max-w-3xl text-lg">
        Credentials are standardised, structured units of assessed learning, usually at academic level 7, that meet
        high-priority workforce needs in advanced practice. Each one below is endorsed by the Centre.
      </p>
      <form method="get" role="search" aria-label="Search the catalogue" className="mb-8 flex flex-wrap items-end gap-4">
        <TextInput name="q" label="Search" hint="Title, reference or summary" defaultValue={filters.q ?? ""} />
        <Select name="origin" label="Route" options={ORIGINS} defaultValue={filters.origin ?? ""} />
        <Button variant="secondary">Search</Button>
      </form>
      <p className="mb-4" role="status">{items.length === 1 ? "1 credential" : `${items.length} credentials`}</p>
      <ul className="space-y-6" role="list">
        {items.map((c) => (
          <li key={c.id} className="border-b border-nhs-grey-4 pb-6">
            <h2 className="text-xl font-bold">
              <Link href={`/catalogue/${c.reference}`}>
                {c.reference}: {c.title}
              </Link>
            </h2>
            {c.summary ? <p className="mt-1">{c.summary}</p> : null}
            <p className="mt-1 text-nhs-secondary">
              {c.ownerOrganisation.name}
              {c.endorsedAt ? ` · Endorsed ${formatDate(c.endorsedAt)}` : ""}
              {c.endorsedVersion ? ` · Level ${c.endorsedVersion.academicLevel}${c.endorsedVersion.credits ? `, ${c.endorsedVersion.credits} credits` : ""}` : ""}
            </p>
            <p className="mt-1">
              <a href={`/catalogue/${c.reference}/export`} download>
                Open data (JSON)<span className="sr-only"> for {c.reference}</span>
              </a>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
