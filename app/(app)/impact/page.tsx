import type { Metadata } from "next";
import Link from "next/link";
import { Button, PageHeading, Pagination, Select, StatusTag, Table } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { acceptedImpactTotals, listImpactReturns, type ImpactFilters } from "@/lib/data/impact";
import { impactReturnMachine } from "@/lib/workflow";

export const metadata: Metadata = { title: "Impact" };

const number = new Intl.NumberFormat("en-GB");
const percent = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 });

// DRAFT stands for every return still with the provider (see listImpactReturns), so its label says so.
const STATUS_OPTIONS = [
  { value: "", label: "Any status" },
  { value: "DRAFT", label: "Draft or queried" },
  { value: "SUBMITTED", label: "Submitted" },
  { value: "QUERIED", label: "Queried" },
  { value: "ACCEPTED", label: "Accepted" },
];

export default async function ImpactPage({ searchParams }: { searchParams: Promise<ImpactFilters> }) {
  const user = await requireRole("CENTRE_STAFF", "PROVIDER");
  const filters = await searchParams;
  const staff = user.role === "CENTRE_STAFF";
  const [{ rows, total, page, pageCount }, totals] = await Promise.all([
    listImpactReturns(user, filters),
    staff ? acceptedImpactTotals(user) : null,
  ]);
  return (
    <>
      <PageHeading
        title="Impact"
        lede={
          staff
            ? "What credentials achieve: providers' returns on learners enrolled, completing and deployed in advanced-practice roles."
            : "Your organisation's impact returns: learners enrolled, completing and deployed, per delivery and period."
        }
      />
      {totals ? (
        <Table
          caption={`Totals across ${totals.returns} accepted ${totals.returns === 1 ? "return" : "returns"}`}
          columns={[
            { key: "enrolled", header: "Enrolled", align: "right" },
            { key: "completed", header: "Completed", align: "right" },
            { key: "rate", header: "Completion rate", align: "right" },
            { key: "deployed", header: "Deployed", align: "right" },
          ]}
          rows={[{
            enrolled: number.format(totals.enrolled),
            completed: number.format(totals.completed),
            rate: totals.completionRate === null ? "Not applicable" : percent.format(totals.completionRate),
            deployed: number.format(totals.deployed),
          }]}
        />
      ) : null}
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter impact returns">
        <Select name="status" label="Status" options={STATUS_OPTIONS} defaultValue={filters.status ?? ""} />
        <Button variant="secondary">Apply filters</Button>
      </form>
      <Table
        caption={`${total} impact ${total === 1 ? "return" : "returns"}`}
        columns={[
          { key: "credential", header: "Credential" },
          { key: "provider", header: "Provider" },
          { key: "period", header: "Period" },
          { key: "enrolled", header: "Enrolled", align: "right" },
          { key: "completed", header: "Completed", align: "right" },
          { key: "withdrawn", header: "Withdrawn", align: "right" },
          { key: "deployed", header: "Deployed", align: "right" },
          { key: "status", header: "Status" },
        ]}
        rows={rows.map((r) => ({
          credential: (
            <Link href={`/credentials/${r.credential.id}`}>
              {r.credential.reference} {r.credential.title}
            </Link>
          ),
          provider: r.organisation.name,
          period: r.period,
          enrolled: number.format(r.enrolled),
          completed: number.format(r.completed),
          withdrawn: number.format(r.withdrawn),
          deployed: number.format(r.deployed),
          status: <StatusTag status={r.status} label={impactReturnMachine.labels[r.status]} />,
        }))}
        empty="No impact returns match these filters."
      />
      <Pagination basePath="/impact" searchParams={filters} page={page} pageCount={pageCount} />
    </>
  );
}
