import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { History } from "@/components/history/History";
import type { QueryParams } from "@/lib/data/paging";
import { AvailableTransitions } from "@/components/workflow/AvailableTransitions";
import { Breadcrumbs, PageHeading, StatusTag, SuccessBanner, SummaryList } from "@/components/ui";
import { bannerFor, transitionBanner } from "@/lib/done";
import { requireRole } from "@/lib/auth/session";
import { getCommission } from "@/lib/data/commissions";
import { formatDate, formatDateTime } from "@/lib/format";
import { commissionMachine } from "@/lib/workflow";
import { acceptCommission, cancelCommission, declineCommission, issueCommission } from "../actions";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Commission" };

const NEXT = {
  issue: "The expert group has been notified and can accept or decline it.",
  accept: "The credential and its first draft specification are ready for the expert group to write.",
  decline: "The Centre has been notified.",
  cancel: "The expert group has been notified.",
};
const CREATED = { created: { heading: "Commission drafted", body: "Check it, then issue it to the expert group." } };

const ACTIONS = {
  issue: { action: issueCommission },
  accept: { action: acceptCommission },
  decline: { action: declineCommission, confirm: true },
  cancel: { action: cancelCommission, confirm: true },
};

export default async function CommissionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<QueryParams>;
}) {
  const user = await requireRole("CENTRE_STAFF", "EXPERT");
  const id = orNotFound(routeId((await params).id));
  const query = await searchParams;
  const c = await getCommission(user, id);
  if (!c) notFound();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/priorities", label: "Priorities" },
          { href: `/priorities/${c.priority.id}`, label: c.priority.title },
        ]}
      />
      <SuccessBanner banner={transitionBanner(commissionMachine, query.done, NEXT) ?? bannerFor(CREATED, query.done)} />
      <PageHeading caption={c.organisation.name} title={c.title} />
      <p className="mb-6">
        Status: <StatusTag status={c.status} label={commissionMachine.labels[c.status]} />
      </p>
      <SummaryList
        rows={[
          { key: "Priority", value: <Link href={`/priorities/${c.priority.id}`}>{c.priority.title}</Link> },
          { key: "Expert group", value: c.organisation.name },
          { key: "Brief", value: c.brief },
          { key: "Deliverables", value: c.deliverables },
          { key: "Start date", value: formatDate(c.startsOn) },
          { key: "Due date", value: formatDate(c.dueOn) },
          ...(c.issuedAt ? [{ key: "Issued", value: formatDateTime(c.issuedAt) }] : []),
          ...(c.respondedAt ? [{ key: "Responded", value: formatDateTime(c.respondedAt) }] : []),
          ...(c.reason ? [{ key: c.status === "CANCELLED" ? "Reason for cancelling" : "Reason for declining", value: c.reason }] : []),
          ...(c.credential
            ? [{ key: "Credential", value: <Link href={`/credentials/${c.credential.id}`}>{c.credential.reference}</Link> }]
            : []),
        ]}
      />
      {c.available.includes("accept") ? (
        <p className="mb-6">Accepting creates the credential and its first draft specification for your expert group to write.</p>
      ) : null}
      <AvailableTransitions
        machine={commissionMachine}
        available={c.available}
        actions={ACTIONS}
        id={c.id}
        version={c.version}
        confirmPath={`/commissions/${c.id}/confirm`}
      />
      <History entityIds={[c.id]} basePath={`/commissions/${id}`} searchParams={query} />
    </>
  );
}
