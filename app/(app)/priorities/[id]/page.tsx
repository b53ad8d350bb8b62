import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { History } from "@/components/history/History";
import type { QueryParams } from "@/lib/data/paging";
import { AvailableTransitions } from "@/components/workflow/AvailableTransitions";
import { Breadcrumbs, ButtonLink, InsetText, PageHeading, StatusTag, SuccessBanner, SummaryList, Table } from "@/components/ui";
import { bannerFor, transitionBanner } from "@/lib/done";
import { requireUser } from "@/lib/auth/session";
import { whyNotCommissionable } from "@/lib/data/commissions";
import { getPriority } from "@/lib/data/priorities";
import { commissionMachine, GATEWAY_OUTCOME_LABELS, priorityMachine } from "@/lib/workflow";
import { closePriority, publishPriority } from "../actions";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Priority" };

const NEXT = {
  publish: "Assess it against the gateway criteria before commissioning an expert group.",
  assessGateway: "A priority that passed the gateway can be commissioned.",
  close: "No new commissions can be made for it.",
};
const CREATED = { created: { heading: "Priority added", body: "Publish it when the round's priorities are settled." } };

export default async function PriorityPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<QueryParams>;
}) {
  const user = await requireUser();
  const id = orNotFound(routeId((await params).id));
  const query = await searchParams;
  const p = await getPriority(user, id);
  if (!p) notFound();
  const staff = user.role === "CENTRE_STAFF";
  const notCommissionable = whyNotCommissionable(user, p);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/priorities", label: "Priorities" },
          ...(staff ? [{ href: `/priorities/rounds/${p.round.id}`, label: `Round ${p.round.name}` }] : []),
        ]}
      />
      <SuccessBanner banner={transitionBanner(priorityMachine, query.done, NEXT) ?? bannerFor(CREATED, query.done)} />
      <PageHeading caption={`Round ${p.round.name}, rank ${p.rank}`} title={p.title} />
      <p className="mb-6 flex flex-wrap gap-4">
        <span>
          Status: <StatusTag status={p.status} label={priorityMachine.labels[p.status]} />
        </span>
        <span>
          Gateway: <StatusTag status={p.gatewayOutcome} label={GATEWAY_OUTCOME_LABELS[p.gatewayOutcome]} />
        </span>
      </p>
      {p.available.includes("edit") ? (
        <ButtonLink href={`/priorities/${p.id}/edit`} variant="secondary" className="mb-6">
          Edit priority
        </ButtonLink>
      ) : null}
      <SummaryList
        rows={[
          { key: "Workforce need", value: p.workforceNeed },
          { key: "Population or patient need", value: p.populationNeed },
          { key: "Link to the NHS Long Term Plan", value: p.longTermPlanLink },
          { key: "Professions in scope", value: p.professions.join(", ") },
          {
            key: "Estimated scale",
            value: p.estimatedScale === null ? "Not estimated" : `${p.estimatedScale.toLocaleString("en-GB")} practitioners`,
          },
          ...(p.closedReason ? [{ key: "Reason for closing", value: p.closedReason }] : []),
        ]}
      />
      <AvailableTransitions
        machine={priorityMachine}
        available={p.available}
        id={p.id}
        version={p.version}
        actions={{
          publish: { action: publishPriority },
          close: { action: closePriority, confirm: true, variant: "secondary" },
        }}
        confirmPath={`/priorities/${p.id}/confirm`}
      />

      <h2 className="mb-4 text-2xl font-bold">Gateway</h2>
      <Table
        caption="Gateway criteria"
        captionHidden
        rowHeader="criterion"
        columns={[
          { key: "criterion", header: "Criterion" },
          { key: "met", header: "Assessment" },
          { key: "rationale", header: "Rationale" },
        ]}
        rows={p.gatewayAssessments.map((a) => ({
          criterion: `${a.criterion.number}. ${a.criterion.title}`,
          met: <StatusTag status={a.met ? "MET" : "NOT_MET"} label={a.met ? "Met" : "Not met"} />,
          rationale: a.rationale,
        }))}
        empty="Not assessed against the gateway criteria yet."
      />
      {p.available.includes("assessGateway") ? (
        <ButtonLink href={`/priorities/${p.id}/gateway`} variant="secondary" className="mb-8">
          Assess against gateway criteria
        </ButtonLink>
      ) : null}

      {staff ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Commissions</h2>
          {notCommissionable ? (
            <InsetText>
              <p>{notCommissionable}</p>
            </InsetText>
          ) : (
            <ButtonLink href={`/commissions/new?priority=${p.id}`} className="mb-6">
              Commission an expert group
            </ButtonLink>
          )}
        </>
      ) : null}
      {p.commissions.length > 0 ? (
        <Table
          caption="Commissions for this priority"
          captionHidden
          rowHeader="title"
          columns={[
            { key: "title", header: "Commission" },
            { key: "organisation", header: "Expert group" },
            { key: "status", header: "Status" },
          ]}
          rows={p.commissions.map((c) => ({
            title: <Link href={`/commissions/${c.id}`}>{c.title}</Link>,
            organisation: c.organisation.name,
            status: <StatusTag status={c.status} label={commissionMachine.labels[c.status]} />,
          }))}
        />
      ) : null}
      {p.commissionCount > p.commissions.length ? (
        <p className="mb-8">
          Showing the latest {p.commissions.length} of {p.commissionCount} commissions.{" "}
          <Link href={`/commissions?priority=${p.id}`}>View all {p.commissionCount} commissions for this priority</Link>
        </p>
      ) : null}
      <History entityIds={[p.id]} basePath={`/priorities/${id}`} searchParams={query} />
    </>
  );
}
