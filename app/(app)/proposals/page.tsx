import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { Button, ButtonLink, PageHeading, Pagination, Select, StatusTag, Table } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { listProposals, type ProposalFilters } from "@/lib/data/proposals";
import { GATEWAY_PROPOSAL_STATES, gatewayProposalMachine, PROPOSERS } from "@/lib/workflow";

export const metadata: Metadata = { title: "Gateway proposals" };

export default async function ProposalsPage({ searchParams }: { searchParams: Promise<ProposalFilters> }) {
  const user = await requireUser();
  const filters = await searchParams;
  const { rows, total, page, pageCount } = await listProposals(user, filters);
  const proposer = PROPOSERS.includes(user.role);
  return (
    <>
      <PageHeading
        title="Gateway proposals"
        lede={
          proposer
            ? "Propose an area of practice for a credential, with your evidence against each of the Centre's gateway criteria."
            : "Areas of practice proposed from the field, to assess against the gateway criteria."
        }
      />
      {proposer ? (
        <ButtonLink href="/proposals/new" className="mb-6">
          Propose an area of practice
        </ButtonLink>
      ) : null}
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter proposals">
        <Select
          name="status"
          label="Status"
          options={[
            { value: "", label: "Any status" },
            ...GATEWAY_PROPOSAL_STATES.map((s) => ({ value: s, label: gatewayProposalMachine.labels[s] })),
          ]}
          defaultValue={filters.status ?? ""}
        />
        <Button variant="secondary">Apply filters</Button>
      </form>
      <Table
        caption={`${total} ${total === 1 ? "proposal" : "proposals"}`}
        rowHeader="title"
        columns={[
          { key: "title", header: "Area of practice" },
          { key: "organisation", header: "Proposed by" },
          { key: "status", header: "Status" },
          { key: "updated", header: "Last changed" },
        ]}
        rows={rows.map((p) => ({
          title: <Link href={`/proposals/${p.id}`}>{p.title}</Link>,
          organisation: p.organisation.name,
          status: <StatusTag status={p.status} label={gatewayProposalMachine.labels[p.status]} />,
          updated: formatDate(p.updatedAt),
        }))}
        empty="No proposals match these filters."
      />
      <Pagination basePath="/proposals" searchParams={filters} page={page} pageCount={pageCount} />
    </>
  );
}
