import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { BackLink, PageHeading, SummaryList, Table } from "@/components/ui";
import { requireAdmin } from "@/lib/auth/session";
import { frameworkEditionForEdit } from "@/lib/data/capability-mapping";
import { orNotFound, routeId } from "@/lib/params";
import { PILLAR_LABELS, PILLARS } from "@/lib/workflow";

export const metadata: Metadata = { title: "Framework edition" };

export default async function FrameworkEditionPage({ params }: { params: Promise<{ editionId: string }> }) {
  const user = await requireAdmin();
  const edition = await frameworkEditionForEdit(user, orNotFound(routeId((await params).editionId)));
  if (!edition) notFound();
  return (
    <>
      <BackLink href="/admin/framework">Capability framework</BackLink>
      <PageHeading caption={`Edition ${edition.year}`} title={edition.title} />
      <SummaryList
        rows={[
          { key: "Source", value: <a href={edition.sourceUrl}>{edition.sourceTitle}</a> },
          { key: "Used for new specifications", value: edition.isCurrent ? "Yes, the current edition" : "No" },
        ]}
      />
      <p className="mb-8">Summaries are short paraphrases written for this service, not the framework&rsquo;s own wording.</p>
      {PILLARS.map((pillar) => {
        const capabilities = edition.capabilities.filter((c) => c.pillar === pillar);
        return capabilities.length === 0 ? null : (
          <Table
            key={pillar}
            caption={PILLAR_LABELS[pillar]}
            rowHeader="number"
            columns={[
              { key: "number", header: "Capability" },
              { key: "summary", header: "Summary" },
              { key: "change", header: "Action" },
            ]}
            rows={capabilities.map((c) => ({
              number: c.number,
              summary: c.summary,
              change: (
                <Link href={`/admin/framework/${edition.id}/${c.id}`}>
                  Change<span className="sr-only"> the summary of capability {c.number}</span>
                </Link>
              ),
            }))}
          />
        );
      })}
    </>
  );
}
