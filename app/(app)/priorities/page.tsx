import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { RoundActions } from "@/components/priorities/RoundActions";
import { Button, ButtonLink, PageHeading, Pagination, Select, StatusTag, Table } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { listPriorities, listRounds, roundOptions, roundTransitions, type PriorityFilters } from "@/lib/data/priorities";
import { GATEWAY_OUTCOME_LABELS, priorityMachine, priorityRoundMachine } from "@/lib/workflow";

export const metadata: Metadata = { title: "Priorities" };

export default async function PrioritiesPage({ searchParams }: { searchParams: Promise<PriorityFilters> }) {
  const user = await requireUser();
  const filters = await searchParams;
  const staff = user.role === "CENTRE_STAFF";
  const [{ rows: priorities, total, page, pageCount }, rounds, options] = await Promise.all([
    listPriorities(user, filters),
    staff ? listRounds(filters) : null,
    roundOptions(),
  ]);
  return (
    <>
      <PageHeading
        title="Priorities"
        lede="High-priority, at-scale workforce needs that credentials are developed for, by round and rank."
      />
      {rounds ? (
        <section aria-labelledby="rounds-heading" className="mb-10">
          <h2 id="rounds-heading" className="mb-4 text-2xl font-bold">
            Priority rounds
          </h2>
          <ButtonLink href="/priorities/rounds/new" variant="secondary" className="mb-6">
            Create a round
          </ButtonLink>
          <Table
            caption="Priority rounds"
            captionHidden
            rowHeader="name"
            columns={[
              { key: "name", header: "Round" },
              { key: "status", header: "Status" },
              { key: "actions", header: "Actions" },
            ]}
            rows={rounds.rows.map((r) => ({
              name: <Link href={`/priorities/rounds/${r.id}`}>{r.name}</Link>,
              status: <StatusTag status={r.status} label={priorityRoundMachine.labels[r.status]} />,
              actions: <RoundActions round={r} available={roundTransitions(user, r.status)} />,
            }))}
            empty="No priority rounds yet."
          />
          <Pagination
            basePath="/priorities"
            searchParams={filters}
            param="roundsPage"
            label="Rounds pages"
            page={rounds.page}
            pageCount={rounds.pageCount}
          />
        </section>
      ) : null}
      <h2 className="mb-4 text-2xl font-bold">{staff ? "All priorities" : "Published priorities"}</h2>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filter priorities">
        <Select
          name="round"
          label="Round"
          options={[{ value: "", label: "All rounds" }, ...options.map((r) => ({ value: r.id, label: r.name }))]}
          defaultValue={filters.round ?? ""}
        />
        {rounds ? (
          <Select
            name="status"
            label="Status"
            options={[
              { value: "", label: "Any status" },
              { value: "DRAFT", label: "Draft" },
              { value: "PUBLISHED", label: "Published" },
              { value: "CLOSED", label: "Closed" },
            ]}
            defaultValue={filters.status ?? ""}
          />
        ) : null}
        <Select
          name="gateway"
          label="Gateway"
          options={[
            { value: "", label: "Any outcome" },
            { value: "NOT_ASSESSED", label: "Not assessed" },
            { value: "PASSED", label: "Passed" },
            { value: "FAILED", label: "Failed" },
          ]}
          defaultValue={filters.gateway ?? ""}
        />
        <Button variant="secondary">Apply filters</Button>
      </form>
      <Table
        caption={`${total} ${total === 1 ? "priority" : "priorities"}`}
        rowHeader="title"
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
          title: <Link href={`/priorities/${p.id}`}>{p.title}</Link>,
          professions: p.professions.join(", "),
          status: <StatusTag status={p.status} label={priorityMachine.labels[p.status]} />,
          gateway: <StatusTag status={p.gatewayOutcome} label={GATEWAY_OUTCOME_LABELS[p.gatewayOutcome]} />,
        }))}
        empty="No priorities match these filters."
      />
      <Pagination basePath="/priorities" searchParams={filters} page={page} pageCount={pageCount} />
    </>
  );
}
