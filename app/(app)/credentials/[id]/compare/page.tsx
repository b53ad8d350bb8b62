import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CoverageMatrix } from "@/components/specification/CoverageMatrix";
import { VersionDiff } from "@/components/specification/VersionDiff";
import { Breadcrumbs, Button, InsetText, PageHeading, Select } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { credentialOverview, specificationVersionWithCoverage, visibleVersionNumbers } from "@/lib/data/specification-reads";
import { specificationVersionMachine } from "@/lib/workflow";
import { orNotFound, routeId, routeNumber } from "@/lib/params";

export const metadata: Metadata = { title: "Compare specification versions" };

type Search = { a?: string; b?: string };

export default async function CompareVersionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Search>;
}) {
  const user = await requireUser();
  const id = orNotFound(routeId((await params).id));
  const search = await searchParams;
  const [credential, visible] = await Promise.all([credentialOverview(user, id), visibleVersionNumbers(user, id)]);
  if (!credential) notFound();
  const numbers = visible.map((v) => v.number);
  // Without a choice, compare the latest version with the one before it.
  const pick = (raw: string | undefined, fallback: number | undefined) => {
    const n = routeNumber(raw);
    return n !== undefined && numbers.includes(n) ? n : fallback;
  };
  const a = pick(search.a, numbers.at(-2) ?? numbers[0]);
  const b = pick(search.b, numbers.at(-1));
  const [readA, readB] =
    a && b ? await Promise.all([specificationVersionWithCoverage(user, id, a), specificationVersionWithCoverage(user, id, b)]) : [];
  const [before, beforeMatrix] = [readA?.version ?? null, readA?.matrix ?? null];
  const [after, afterMatrix] = [readB?.version ?? null, readB?.matrix ?? null];
  const options = visible.map((v) => ({
    value: String(v.number),
    label: `Version ${v.number} (${specificationVersionMachine.labels[v.status]})`,
  }));
  const base = `/credentials/${credential.id}`;

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/credentials", label: "Credentials" },
          { href: base, label: `${credential.reference} ${credential.title}` },
        ]}
      />
      <PageHeading caption={`${credential.reference} ${credential.title}`} title="Compare specification versions" />
      <form method="get" className="mb-8 flex flex-wrap items-end gap-4" aria-label="Choose versions to compare">
        <Select name="a" label="Earlier version" options={options} defaultValue={a ? String(a) : undefined} />
        <Select name="b" label="Later version" options={options} defaultValue={b ? String(b) : undefined} />
        <Button variant="secondary">Compare</Button>
      </form>
      {before && after ? (
        <>
          <p className="mb-4">
            Words added in version {after.number} are <ins className="bg-[#cce5d8]">marked like this</ins>; words removed from version{" "}
            {before.number} are <del className="bg-[#f7d4d1]">marked like this</del>.
          </p>
          <VersionDiff
            a={{ ...before, statusLabel: specificationVersionMachine.labels[before.status] }}
            b={{ ...after, statusLabel: specificationVersionMachine.labels[after.status] }}
          />
          <section aria-labelledby="coverage-heading" className="mt-8">
            <h2 id="coverage-heading" className="mb-4 text-2xl font-bold">
              Coverage of the core capabilities
            </h2>
            {[
              { v: before, m: beforeMatrix },
              { v: after, m: afterMatrix },
            ].map(({ v, m }) =>
              m ? (
                <CoverageMatrix
                  key={v.number}
                  matrix={m}
                  caption={`Version ${v.number}: learning outcomes against the core capabilities of the ${m.edition.title} (${m.edition.year})`}
                />
              ) : null,
            )}
          </section>
        </>
      ) : (
        <InsetText>
          <p>There are no versions of this credential you can see yet.</p>
        </InsetText>
      )}
    </>
  );
}
