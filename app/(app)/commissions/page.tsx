import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { Button, PageHeading, Pagination, Select, StatusTag, Table } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { listCommissions, type CommissionFilters } from "@/lib/data/commissions";
import { formatDate } from "@/lib/format";
import { COMMISSION_STATES, commissionMachine } from "@/lib/workflow";

export const metadata: Metadata = { title: "Commissions" };

const STATUS_OPTIONS = [
  { value: "", label: "Any status" },
  ...COMMISSION_STATES.map((s) => ({ value: s, label: commissionMachine.labels[s] })),
];

export default async function CommissionsPage({ searchParams }: { searchParams: Promise<CommissionFilters> }) {
  const user = await requireRole("CENTRE_STAFF", "EXPERT");
  const filters = await searchParams;
  const { rows: commissions, total, page, pageCount } = await listCommissions(user, filters);
  return (
    <>
      <PageHeading
        title="Commissions"
        lede={
          user.role === "EXPERT"
            ? "Commissions issued to your expert group."
            : "Expert groups commissioned to develop credential specifications. To commission one, open a priority that has passed the gateway."
        }
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter commissions">
        {typeof filters.priority === "string" ? <input type="hidden" name="priority" value={filters.priority} /> : null}
        <Select
          name="status"
          label="Status"
          options={STATUS_OPTIONS}
          defaultValue={typeof filters.status === "string" ? filters.status : ""}
        />
        <Button variant="secondary">Apply filters</Button>
      </form>
      <Table
        caption={`${total} ${total === 1 ? "commission" : "commissions"}`}
        columns={[
          { key: "title", header: "Commission" },
          { key: "priority", header: "Priority" },
          { key: "organisation", header: "Expert group" },
          { key: "due", header: "Due" },
          { key: "status", header: "Status" },
        ]}
        rowHeader="title"
        rows={commissions.map((c) => ({
          title: <Link href={`/commissions/${c.id}`}>{c.title}</Link>,
          priority: c.priority.title,
          organisation: c.organisation.name,
          due: formatDate(c.dueOn),
          status: <StatusTag status={c.status} />,
        }))}
        empty="No commissions."
      />
      <Pagination basePath="/commissions" searchParams={filters} page={page} pageCount={pageCount} />
    </>
  );
}
