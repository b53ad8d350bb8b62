import type { Metadata } from "next";
import { Button, PageHeading, Select, StatusTag, Table } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { listPriorities, listRounds, type PriorityFilters } from "@/lib/data/priorities";

export const metadata: Metadata = { title: "Priorities" };

export default async function PrioritiesPage({ searchParams }: { searchParams: Promise<PriorityFilters> }) {
  const user = await requireUser();
  const filters = await searchParams;
  const [priorities, rounds] = await Promise.all([listPriorities(user, filters), listRounds()]);
  const staff = user.role === "CENTRE_STAFF";
  return (
    <>
      <PageHeading title="Priorities" lede="High-priority, at-scale workforce needs that credentials are developed for, by round and rank." />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter priorities">
        <Select name="round" label="Round" options={[{ value: "", label: "All rounds" }, ...rounds.map((r) => ({ value: r.id, label: r.name }))]} defaultValue={filters.round ?? ""} />
        {staff ? (
          <Select name="status" label="Status" options={[{ value: "", label: "Any status" }, { value: "DRAFT", label: "Draft" }, { value: "PUBLISHED", label: "Published" }, { value: "CLOSED", label: "Closed" }]} defaultValue={filters.status ?? ""} />
        ) : null}
        <Select name="gateway" label="Gateway" options={[{ value: "", label: "Any outcome" }, { value: "NOT_ASSESSED", label: "Not assessed" }, { value: "PASSED", label: "Passed" }, { value: "FAILED", label: "Failed" }]} defaultValue={filters.gateway ?? ""} />
        <Button variant="secondary">Apply filters</Button>
      </form>
      <Table
        caption={`${priorities.length} ${priorities.length === 1 ? "priority" : "priorities"}`}
        columns={[
          { key: "round", header: "Round" },
          { key: "rank", header: "Rank", align: "right" },
          { key: "title", header: "Priority" },
          { key: "professions", header: "Professions in scope" },
          { key: "status", header: "Status" },
          { key: "gateway", header: "Gateway" },
        ]}
        rows={priorities.map((p) => ({
          round: p.round.name,
          rank: String(p.rank),
          title: p.title,
          professions: p.professions.join(", "),
          status: <StatusTag status={p.status} />,
          gateway: <StatusTag status={p.gatewayOutcome} />,
        }))}
        empty="No priorities match these filters."
      />
    </>
  );
}
