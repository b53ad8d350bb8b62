import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { Button, PageHeading, Pagination, Select, StatusTag, Table } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { listPeriodicReviews, type PeriodicReviewFilters } from "@/lib/data/periodic-reviews";
import { formatDate } from "@/lib/format";
import { isPeriodicReviewOverdue, PERIODIC_OUTCOME_LABELS, PERIODIC_REVIEW_STATES, periodicReviewMachine } from "@/lib/workflow";

export const metadata: Metadata = { title: "Periodic reviews" };

export default async function PeriodicReviewsPage({ searchParams }: { searchParams: Promise<PeriodicReviewFilters> }) {
  const user = await requireRole("CENTRE_STAFF");
  const filters = await searchParams;
  const now = new Date();
  const { rows, total, page, pageCount } = await listPeriodicReviews(user, filters);
  return (
    <>
      <PageHeading
        title="Periodic reviews"
        lede="Reviews of whether endorsed credentials are still current: changing needs, evidence, technology and models of care."
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter periodic reviews">
        <Select
          name="status"
          label="Status"
          defaultValue={filters.status ?? ""}
          options={[
            { value: "", label: "Any status" },
            ...PERIODIC_REVIEW_STATES.map((s) => ({ value: s, label: periodicReviewMachine.labels[s] })),
          ]}
        />
        <Button variant="secondary">Apply filters</Button>
      </form>
      <Table
        caption={`${total} ${total === 1 ? "periodic review" : "periodic reviews"}`}
        columns={[
          { key: "credential", header: "Credential" },
          { key: "due", header: "Due" },
          { key: "status", header: "Status" },
          { key: "outcome", header: "Outcome" },
        ]}
        rowHeader="credential"
        rows={rows.map((r) => ({
          credential: (
            <Link href={`/periodic-reviews/${r.id}`}>
              {r.credential.reference} {r.credential.title}
            </Link>
          ),
          due: formatDate(r.dueAt),
          status: (
            <>
              <StatusTag status={r.status} label={periodicReviewMachine.labels[r.status]} />{" "}
              {isPeriodicReviewOverdue(r.status, r.dueAt, now) ? <StatusTag status="OVERDUE" label="Overdue" /> : null}
            </>
          ),
          outcome: r.outcome ? <StatusTag status={r.outcome} label={PERIODIC_OUTCOME_LABELS[r.outcome]} /> : "Not concluded yet",
        }))}
        empty="No periodic reviews match these filters."
      />
      <Pagination basePath="/periodic-reviews" searchParams={filters} page={page} pageCount={pageCount} />
    </>
  );
}
