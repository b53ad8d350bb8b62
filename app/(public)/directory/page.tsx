import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { Button, PageHeading, Pagination, Select, TextInput } from "@/components/ui";
import { directoryPage, directoryProfessions } from "@/lib/data/practitioners";
import { badgeLink } from "@/lib/data/completions";
import { orNotFound, routeId, searchText } from "@/lib/params";

export const metadata: Metadata = { title: "Practitioner directory" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The public directory: practitioners who agreed to be listed, with the credentials the Centre recognised. */
export default async function DirectoryPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = orNotFound(searchText(params.q, 100));
  // An unknown profession filter is a stale or hand-made link: it shows everyone rather than failing.
  const profession = typeof params.profession === "string" ? routeId(params.profession) : undefined;
  const page = typeof params.page === "string" ? params.page : undefined;
  const [professions, result] = await Promise.all([directoryProfessions(), directoryPage({ q: q || undefined, profession, page })]);
  const kept = { q: q || undefined, profession };
  return (
    <>
      <PageHeading
        caption="Centre for Advancing Practice"
        title="Practitioner directory"
        lede="Practitioners whose completion of a credential the Centre has recognised, and who agreed to be listed. Someone who is not listed may still hold a credential: check their digital badge instead."
      />
      <form method="get" role="search" aria-label="Search the directory" className="mb-8 flex flex-wrap items-end gap-4">
        <TextInput name="q" label="Name" hint="All or part of the practitioner's name" defaultValue={q} maxLength={100} />
        <Select
          name="profession"
          label="Profession"
          options={[{ value: "", label: "All professions" }, ...professions.map((p) => ({ value: p.id, label: p.name }))]}
          defaultValue={profession ?? ""}
        />
        <Button variant="secondary">Search</Button>
      </form>
      <p className="mb-4" role="status">
        {result.total === 1 ? "1 practitioner" : `${result.total.toLocaleString("en-GB")} practitioners`}
      </p>
      {result.rows.length === 0 ? (
        <p className="mb-8">No listed practitioner matches your search.</p>
      ) : (
        <ul className="mb-8 space-y-6" role="list">
          {result.rows.map((p) => (
            <li key={p.id} className="border-b border-nhs-grey-4 pb-6">
              <h2 className="text-xl font-bold">{p.name}</h2>
              <p className="mt-1 text-nhs-secondary">
                {p.profession ? `${p.profession.name} (${p.profession.regulator})` : "Profession not recorded"}
              </p>
              <h3 className="mt-2 font-bold">Recognised credentials</h3>
              <ul className="list-disc pl-6">
                {p.completions.map((c) => (
                  <li key={c.badgeId}>
                    {c.credential.reference} {c.credential.title}
                    {c.badgeId ? (
                      <>
                        {" "}
                        (
                        <Link href={badgeLink(c.badgeId)}>
                          badge
                          <span className="sr-only">
                            {" "}
                            for {p.name}, {c.credential.reference}
                          </span>
                        </Link>
                        )
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <Pagination basePath="/directory" searchParams={kept} page={result.page} pageCount={result.pageCount} />
    </>
  );
}
