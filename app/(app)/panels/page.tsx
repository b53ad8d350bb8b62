import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { Button, ButtonLink, PageHeading, Pagination, Select, StatusTag, Table } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { listMeetings, type PanelFilters } from "@/lib/data/panel-reads";
import { formatDate } from "@/lib/format";
import { PANEL_MEETING_STATES, panelMeetingMachine } from "@/lib/workflow";

export const metadata: Metadata = { title: "Endorsement panels" };

export default async function PanelsPage({ searchParams }: { searchParams: Promise<PanelFilters> }) {
  const user = await requireRole("CENTRE_STAFF");
  const filters = await searchParams;
  const { rows, total, page, pageCount } = await listMeetings(user, filters);
  return (
    <>
      <PageHeading
        title="Endorsement panels"
        lede="Panel meetings consider reviewed candidate specifications and recommend a decision to the Centre."
      />
      <ButtonLink href="/panels/new" className="mb-6">
        Schedule a panel meeting
      </ButtonLink>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter panel meetings">
        <Select
          name="status"
          label="Status"
          options={[
            { value: "", label: "Any status" },
            ...PANEL_MEETING_STATES.map((s) => ({ value: s, label: panelMeetingMachine.labels[s] })),
          ]}
          defaultValue={filters.status ?? ""}
        />
        <Button variant="secondary">Apply filters</Button>
      </form>
      <Table
        caption={`${total} ${total === 1 ? "panel meeting" : "panel meetings"}`}
        rowHeader="title"
        columns={[
          { key: "title", header: "Meeting" },
          { key: "date", header: "Date" },
          { key: "items", header: "Agenda items" },
          { key: "status", header: "Status" },
        ]}
        rows={rows.map((m) => ({
          title: <Link href={`/panels/${m.id}`}>{m.title}</Link>,
          date: formatDate(m.meetsOn),
          items: String(m._count.items),
          status: <StatusTag status={m.status} label={panelMeetingMachine.labels[m.status]} />,
        }))}
        empty="No panel meetings match these filters."
      />
      <Pagination basePath="/panels" searchParams={filters} page={page} pageCount={pageCount} />
    </>
  );
}
