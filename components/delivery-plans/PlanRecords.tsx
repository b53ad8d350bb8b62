import Link from "@/components/ui/Link";
import { StatusTag } from "@/components/ui";
import { formatDate } from "@/lib/format";
import type { PlanRecordsData } from "@/lib/data/delivery-plans";
import { completionMachine, impactReturnMachine, qualityReviewMachine } from "@/lib/workflow";

type Records = PlanRecordsData;
type Item = { id: string; href: string; label: string; status: string; statusLabel: string };

function RecordList({
  id,
  heading,
  items,
  total,
  allHref,
}: {
  id: string;
  heading: string;
  items: Item[];
  total: number;
  allHref: string;
}) {
  if (total === 0) return null;
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="mb-4 text-2xl font-bold">
        {heading}
      </h2>
      <ul className="mb-4 space-y-2" role="list">
        {items.map((item) => (
          <li key={item.id}>
            <Link href={item.href}>{item.label}</Link> <StatusTag status={item.status} label={item.statusLabel} />
          </li>
        ))}
      </ul>
      {total > items.length ? (
        <p className="mb-4">
          The latest {items.length} of {total}. <Link href={allHref}>See them all</Link>
        </p>
      ) : null}
    </section>
  );
}

/** The plan's quality reviews, impact returns and completions, each linking to its own page (which links back here). */
export function PlanRecords({ records }: { records: Records }) {
  const { qualityReviews, impactReturns, completions } = records;
  return (
    <>
      <RecordList
        id="quality-reviews-heading"
        heading="Quality reviews"
        total={qualityReviews.total}
        allHref="/quality-reviews"
        items={qualityReviews.rows.map((r) => ({
          id: r.id,
          href: `/quality-reviews/${r.id}`,
          label: `Quality review scheduled ${formatDate(r.scheduledOn)}`,
          status: r.status,
          statusLabel: qualityReviewMachine.labels[r.status],
        }))}
      />
      <RecordList
        id="impact-returns-heading"
        heading="Impact returns"
        total={impactReturns.total}
        allHref="/impact"
        items={impactReturns.rows.map((r) => ({
          id: r.id,
          href: `/impact/${r.id}`,
          label: `Impact return ${r.period}`,
          status: r.status,
          statusLabel: impactReturnMachine.labels[r.status],
        }))}
      />
      <RecordList
        id="completion-records-heading"
        heading="Recorded completions"
        total={completions.total}
        allHref="/completions"
        items={completions.rows.map((c) => ({
          id: c.id,
          href: `/completions/${c.id}`,
          label: c.practitionerName,
          status: c.status,
          statusLabel: completionMachine.labels[c.status],
        }))}
      />
    </>
  );
}
