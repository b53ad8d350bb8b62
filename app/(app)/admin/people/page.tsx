import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { Button, ButtonLink, BackLink, PageHeading, Pagination, Select, StatusTag, Table } from "@/components/ui";
import { requireAdmin } from "@/lib/auth/session";
import { oneOf } from "@/lib/data/paging";
import { listPeople } from "@/lib/data/people";
import { ROLE_LABELS } from "@/lib/workflow";
import { ACCOUNT_STATUSES, ACCOUNT_STATUS_LABELS } from "@/lib/workflow/account";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const user = await requireAdmin();
  const query = await searchParams;
  const status = oneOf(ACCOUNT_STATUSES, query.status);
  const { rows, total, page, pageCount } = await listPeople(user, query);
  return (
    <>
      <BackLink href="/admin">Admin</BackLink>
      <PageHeading title="People" lede="Everyone who can sign in, or has been invited to." />
      <ButtonLink href="/admin/people/new" className="mb-6">
        Invite a person
      </ButtonLink>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter people">
        <Select
          name="status"
          label="Status"
          options={[{ value: "", label: "Any status" }, ...ACCOUNT_STATUSES.map((s) => ({ value: s, label: ACCOUNT_STATUS_LABELS[s] }))]}
          defaultValue={status ?? ""}
        />
        <Button variant="secondary">Apply filter</Button>
      </form>
      <Table
        caption={`${total} ${total === 1 ? "person" : "people"}`}
        rowHeader="name"
        columns={[
          { key: "name", header: "Name" },
          { key: "email", header: "Email" },
          { key: "role", header: "Role" },
          { key: "organisation", header: "Organisation" },
          { key: "status", header: "Status" },
        ]}
        rows={rows.map((p) => ({
          name: <Link href={`/admin/people/${p.id}`}>{p.name}</Link>,
          email: p.email,
          role: `${ROLE_LABELS[p.role]}${p.isAdmin ? " (admin)" : ""}`,
          organisation: p.organisation?.name ?? "",
          status: <StatusTag status={p.status} label={ACCOUNT_STATUS_LABELS[p.status]} />,
        }))}
        empty="Nobody matches this filter."
      />
      <Pagination basePath="/admin/people" searchParams={{ status, page: query.page }} page={page} pageCount={pageCount} />
    </>
  );
}
