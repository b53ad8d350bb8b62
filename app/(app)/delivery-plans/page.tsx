import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { Button, ButtonLink, PageHeading, Pagination, Select, StatusTag, Table } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { listDeliveryPlans, type DeliveryPlanFilters } from "@/lib/data/delivery-plans";
import { deliveryPlanMachine, type DeliveryPlanStatus } from "@/lib/workflow";

export const metadata: Metadata = { title: "Delivery plans" };

// SUBMITTED and DRAFT stand for groups of states (see listDeliveryPlans), so their labels say so.
const STATUS_OPTIONS: { value: "" | DeliveryPlanStatus; label: string }[] = [
  { value: "", label: "Any status" },
  { value: "DRAFT", label: "Draft or changes requested" },
  { value: "SUBMITTED", label: "Submitted or in review" },
  { value: "IN_REVIEW", label: "In review" },
  { value: "CHANGES_REQUESTED", label: "Changes requested" },
  { value: "APPROVED", label: "Approved" },
  { value: "APPROVED_WITH_CONDITIONS", label: "Approved with conditions" },
  { value: "REJECTED", label: "Rejected" },
  { value: "SUSPENDED", label: "Suspended" },
  { value: "CLOSED", label: "Closed" },
];

export default async function DeliveryPlansPage({ searchParams }: { searchParams: Promise<DeliveryPlanFilters> }) {
  const user = await requireRole("CENTRE_STAFF", "PROVIDER");
  const filters = await searchParams;
  const { rows, total, page, pageCount } = await listDeliveryPlans(user, filters);
  return (
    <>
      <PageHeading
        title="Delivery plans"
        lede={
          user.role === "PROVIDER"
            ? "Your organisation's plans for delivering endorsed credentials."
            : "Education providers' plans for delivering endorsed credentials, for approval and oversight."
        }
      />
      {user.role === "PROVIDER" ? (
        <p className="mb-6">
          <ButtonLink href="/delivery-plans/new">Start a delivery plan</ButtonLink>
        </p>
      ) : null}
      <p className="mb-6">
        <Link href="/delivery-plans/changes">Changes reported to approved plans</Link>
      </p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter delivery plans">
        <Select name="status" label="Status" options={STATUS_OPTIONS} defaultValue={filters.status ?? ""} />
        <Button variant="secondary">Apply filters</Button>
      </form>
      <Table
        caption={`${total} ${total === 1 ? "delivery plan" : "delivery plans"}`}
        columns={[
          { key: "programme", header: "Programme" },
          { key: "provider", header: "Provider" },
          { key: "credential", header: "Credential" },
          { key: "status", header: "Status" },
          { key: "flag", header: "Flag" },
          { key: "monitoring", header: "Monitoring" },
        ]}
        rowHeader="programme"
        rows={rows.map((p) => ({
          programme: <Link href={`/delivery-plans/${p.id}`}>{p.programmeTitle}</Link>,
          provider: p.organisation.name,
          credential: (
            <Link href={`/credentials/${p.credential.id}`}>
              {p.credential.reference} {p.credential.title}
            </Link>
          ),
          status: <StatusTag status={p.status} label={deliveryPlanMachine.labels[p.status]} />,
          flag: p.flaggedAt ? (
            <>
              <StatusTag status="WITHDRAWN" label="Flagged" />
              <p className="mt-1 text-nhs-secondary">{p.flagReason ?? "Its credential has been withdrawn."}</p>
            </>
          ) : null,
          monitoring: (
            <>
              {p.newPlan ? <StatusTag status="OPEN" label="New: until first cohort completes" /> : null}
              {p.enhanced ? <StatusTag status="QUERIED" label="Enhanced monitoring" /> : null}
            </>
          ),
        }))}
        empty="No delivery plans match these filters."
      />
      <Pagination basePath="/delivery-plans" searchParams={filters} page={page} pageCount={pageCount} />
    </>
  );
}
