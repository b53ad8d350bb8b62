import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { Breadcrumbs, Button, PageHeading, Pagination, Select, StatusTag, Table } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { listPlanChanges, PLAN_CHANGES_LIST, planChangeLink, type PlanChangeFilters } from "@/lib/data/plan-changes";
import { PLAN_CHANGE_CATEGORIES, PLAN_CHANGE_KIND_LABELS, PLAN_CHANGE_STATES, planChangeMachine } from "@/lib/workflow";

export const metadata: Metadata = { title: "Changes to delivery plans" };

const STATUS_OPTIONS = [
  { value: "OPEN", label: "Open: reported or awaiting information" },
  { value: "ANY", label: "Any status" },
  ...PLAN_CHANGE_STATES.map((s) => ({ value: s, label: planChangeMachine.labels[s] })),
];

export default async function PlanChangesPage({ searchParams }: { searchParams: Promise<PlanChangeFilters> }) {
  const user = await requireRole("CENTRE_STAFF", "PROVIDER");
  const filters = await searchParams;
  const { rows, total, page, pageCount, status, planId } = await listPlanChanges(user, filters);
  return (
    <>
      <Breadcrumbs items={[{ href: "/delivery-plans", label: "Delivery plans" }]} />
      <PageHeading
        title="Changes to delivery plans"
        lede={
          user.role === "PROVIDER"
            ? "Changes your organisation has reported to its approved plans. Report a change from the plan's page."
            : "Changes providers have reported to approved plans, oldest first: note minor ones, approve or reject major ones, or send the plan back to review."
        }
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter changes">
        {planId ? <input type="hidden" name="plan" value={planId} /> : null}
        <Select name="status" label="Status" options={STATUS_OPTIONS} defaultValue={status} />
        <Button variant="secondary">Apply filters</Button>
      </form>
      {planId ? (
        <p className="mb-4">
          Showing one plan&apos;s changes. <Link href={PLAN_CHANGES_LIST}>Show every plan&apos;s</Link>
        </p>
      ) : null}
      <Table
        caption={`${total} ${total === 1 ? "change" : "changes"}`}
        rowHeader="change"
        columns={[
          { key: "change", header: "Change" },
          { key: "plan", header: "Delivery plan" },
          { key: "provider", header: "Provider" },
          { key: "reported", header: "Reported" },
          { key: "status", header: "Status" },
        ]}
        rows={rows.map((r) => ({
          change: (
            <Link href={planChangeLink(r.id)}>
              {PLAN_CHANGE_KIND_LABELS[r.kind]}: {PLAN_CHANGE_CATEGORIES[r.category].label.toLowerCase()}
            </Link>
          ),
          plan: <Link href={`/delivery-plans/${r.plan.id}`}>{r.plan.programmeTitle}</Link>,
          provider: r.organisation.name,
          reported: formatDate(r.createdAt),
          status: <StatusTag status={r.status} label={planChangeMachine.labels[r.status]} />,
        }))}
        empty="No changes match these filters."
      />
      <Pagination basePath={PLAN_CHANGES_LIST} searchParams={filters} page={page} pageCount={pageCount} />
    </>
  );
}
