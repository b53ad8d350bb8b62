import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { QualityActionStatus } from "@/components/quality/QualityActionStatus";
import { Button, ButtonLink, PageHeading, Pagination, Select, StatusTag, Table } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { listAnnualReturns, listQualityActions, listQualityReviews, type QualityFilters } from "@/lib/data/quality-lists";
import { formatDate } from "@/lib/format";
import { ANNUAL_RETURN_STATES, annualReturnMachine, isLate, QUALITY_OUTCOME_LABELS, qualityReviewMachine } from "@/lib/workflow";

export const metadata: Metadata = { title: "Quality" };

const LEDES: Record<string, string> = {
  CENTRE_STAFF: "The annual quality review of every approved delivery: annual returns, quality reviews and the actions they raise.",
  PROVIDER:
    "Your organisation's annual quality review: annual returns, quality reviews and the actions you need to respond to. Meeting it keeps you an approved education provider.",
  REVIEWER: "The quality reviews you are assigned to, and the actions their findings have raised.",
};

const planCell = (plan: { programmeTitle: string; organisation: { name: string } }) => `${plan.programmeTitle} (${plan.organisation.name})`;

export default async function QualityReviewsPage({ searchParams }: { searchParams: Promise<QualityFilters> }) {
  const user = await requireRole("CENTRE_STAFF", "PROVIDER", "REVIEWER");
  const filters = await searchParams;
  const now = new Date();
  // Reviewers carry out reviews; annual returns are between the provider and the Centre.
  const showReturns = user.role !== "REVIEWER";
  const [returns, reviews, actions] = await Promise.all([
    showReturns ? listAnnualReturns(user, filters) : null,
    listQualityReviews(user, filters),
    listQualityActions(user, filters, now),
  ]);
  const paging = { basePath: "/quality-reviews", searchParams: filters };
  return (
    <>
      <PageHeading title="Quality" lede={LEDES[user.role]} />
      {user.role === "CENTRE_STAFF" ? (
        <ButtonLink href="/quality-reviews/new" variant="secondary" className="mb-6">
          Schedule a quality review
        </ButtonLink>
      ) : null}
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter quality">
        {filters.assigned === "me" ? <input type="hidden" name="assigned" value="me" /> : null}
        {showReturns && typeof filters.plan === "string" ? <input type="hidden" name="plan" value={filters.plan} /> : null}
        {typeof filters.finding === "string" ? <input type="hidden" name="finding" value={filters.finding} /> : null}
        {showReturns ? (
          <Select
            name="returns"
            label="Annual return status"
            defaultValue={filters.returns ?? ""}
            options={[
              { value: "", label: "Any status" },
              ...ANNUAL_RETURN_STATES.map((s) => ({ value: s, label: annualReturnMachine.labels[s] })),
            ]}
          />
        ) : null}
        <Select
          name="actions"
          label="Quality actions"
          defaultValue={filters.actions ?? ""}
          options={[
            { value: "", label: "All actions" },
            { value: "open", label: "Open (awaiting a response)" },
            { value: "responded", label: "Responded (awaiting review)" },
            { value: "overdue", label: "Overdue" },
          ]}
        />
        <Button variant="secondary">Apply filters</Button>
      </form>

      {returns ? (
        <>
          <Table
            caption={`Annual returns (${returns.total})`}
            columns={[
              { key: "plan", header: "Delivery plan (provider)" },
              { key: "year", header: "Year", align: "right" },
              { key: "due", header: "Due" },
              { key: "status", header: "Status" },
            ]}
            rows={returns.rows.map((r) => ({
              plan: <Link href={`/quality-reviews/annual-returns/${r.id}`}>{planCell(r.plan)}</Link>,
              year: String(r.year),
              due: formatDate(r.dueOn),
              status: (
                <>
                  <StatusTag status={r.status} label={annualReturnMachine.labels[r.status]} />{" "}
                  {isLate(r.status, r.dueOn, now) ? <StatusTag status="OVERDUE" label="Late" /> : null}
                </>
              ),
            }))}
            empty="No annual returns match these filters."
          />
          <Pagination {...paging} param="returnsPage" label="Annual returns pages" page={returns.page} pageCount={returns.pageCount} />
        </>
      ) : null}

      <Table
        caption={`Quality reviews (${reviews.total})`}
        columns={[
          { key: "plan", header: "Delivery plan (provider)" },
          { key: "scheduled", header: "Scheduled" },
          { key: "status", header: "Status" },
          { key: "outcome", header: "Outcome" },
        ]}
        rows={reviews.rows.map((r) => ({
          plan: <Link href={`/quality-reviews/${r.id}`}>{planCell(r.plan)}</Link>,
          scheduled: formatDate(r.scheduledOn),
          status: <StatusTag status={r.status} label={qualityReviewMachine.labels[r.status]} />,
          outcome: r.outcome ? <StatusTag status={r.outcome} label={QUALITY_OUTCOME_LABELS[r.outcome]} /> : "Not reported yet",
        }))}
        empty="No quality reviews."
      />
      <Pagination {...paging} param="reviewsPage" label="Quality reviews pages" page={reviews.page} pageCount={reviews.pageCount} />

      <Table
        caption={`Quality actions (${actions.total})`}
        columns={[
          { key: "description", header: "Action" },
          { key: "provider", header: "Provider" },
          { key: "due", header: "Due" },
          { key: "status", header: "Status" },
        ]}
        rows={actions.rows.map((a) => ({
          description: <Link href={`/quality-reviews/${a.qualityReviewId}/actions/${a.id}`}>{a.description}</Link>,
          provider: a.organisation.name,
          due: formatDate(a.dueOn),
          status: <QualityActionStatus status={a.status} dueOn={a.dueOn} now={now} />,
        }))}
        empty="No quality actions match these filters."
      />
      <Pagination {...paging} param="actionsPage" label="Quality actions pages" page={actions.page} pageCount={actions.pageCount} />
    </>
  );
}
