import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { History } from "@/components/history/History";
import { MoveButton } from "@/components/priorities/MoveButton";
import { RoundActions } from "@/components/priorities/RoundActions";
import { Breadcrumbs, PageHeading, Pagination, StatusTag, SuccessBanner, SummaryList, Table } from "@/components/ui";
import { bannerFor, transitionBanner } from "@/lib/done";
import { requireRole } from "@/lib/auth/session";
import { getRound, listPriorities } from "@/lib/data/priorities";
import { can, GATEWAY_OUTCOME_LABELS, priorityMachine, priorityRoundMachine } from "@/lib/workflow";
import { movePriority } from "../../actions";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Priority round" };

const NEXT = {
  open: "Its published priorities can now go through the gateway and be commissioned.",
  close: "No more priorities can be added to it; its priorities keep their status.",
};
const CREATED = { created: { heading: "Priority round created", body: "Add its priorities, then open the round." } };

export default async function RoundPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ page?: string; historyAfter?: string; historyBefore?: string; done?: string }>;
}) {
  const user = await requireRole("CENTRE_STAFF");
  const id = orNotFound(routeId((await params).id));
  const query = await searchParams;
  const round = await getRound(user, id);
  if (!round) notFound();
  // A page of the round in rank order; moving a priority swaps it with its neighbour on the same page.
  const { rows: priorities, total, page, pageCount } = await listPriorities(user, { round: round.id, page: query.page });
  // Closed priorities keep their place; the others are ranked among themselves.
  // Ranking asks only the round's status and the actor; the priority's own fields are not a fact of it.
  const rankable = priorities.filter((p) =>
    can(priorityMachine, "rank", p.status, { roundStatus: round.status, hasRequiredFields: true, actor: user }),
  );
  const move = (p: (typeof priorities)[number]) => {
    const i = rankable.findIndex((r) => r.id === p.id);
    if (i === -1) return null;
    const [above, below] = [rankable[i - 1], rankable[i + 1]];
    return (
      <>
        {above ? <MoveButton key={`${p.id}-up`} action={movePriority} priority={p} direction="up" neighbour={above} /> : null}
        {below ? <MoveButton key={`${p.id}-down`} action={movePriority} priority={p} direction="down" neighbour={below} /> : null}
      </>
    );
  };
  return (
    <>
      <Breadcrumbs items={[{ href: "/priorities", label: "Priorities" }]} />
      <SuccessBanner banner={transitionBanner(priorityRoundMachine, query.done, NEXT) ?? bannerFor(CREATED, query.done)} />
      <PageHeading caption="Priority round" title={round.name} />
      <p className="mb-6">
        Status: <StatusTag status={round.status} label={priorityRoundMachine.labels[round.status]} />
      </p>
      {round.closedReason ? <SummaryList rows={[{ key: "Reason for closing", value: round.closedReason }]} /> : null}
      <RoundActions round={round} available={round.available} />
      <Table
        caption={`${total} ${total === 1 ? "priority" : "priorities"} in rank order`}
        rowHeader="title"
        columns={[
          { key: "rank", header: "Rank", align: "right" },
          { key: "title", header: "Priority" },
          { key: "status", header: "Status" },
          { key: "gateway", header: "Gateway" },
          ...(rankable.length > 1 ? [{ key: "move", header: "Change rank" }] : []),
        ]}
        rows={priorities.map((p) => ({
          rank: String(p.rank),
          title: <Link href={`/priorities/${p.id}`}>{p.title}</Link>,
          status: <StatusTag status={p.status} label={priorityMachine.labels[p.status]} />,
          gateway: <StatusTag status={p.gatewayOutcome} label={GATEWAY_OUTCOME_LABELS[p.gatewayOutcome]} />,
          move: move(p),
        }))}
        empty="This round has no priorities yet."
      />
      <Pagination basePath={`/priorities/rounds/${round.id}`} searchParams={query} page={page} pageCount={pageCount} />
      <History entityIds={[round.id]} basePath={`/priorities/rounds/${round.id}`} searchParams={query} />
    </>
  );
}
