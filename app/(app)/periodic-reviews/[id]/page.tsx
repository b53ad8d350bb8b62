import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { History } from "@/components/history/History";
import type { QueryParams } from "@/lib/data/paging";
import { ConcludeForm } from "@/components/periodic-review/ConcludeForm";
import { CurrencyChecks } from "@/components/periodic-review/CurrencyChecks";
import { Breadcrumbs, InsetText, PageHeading, StatusTag, SuccessBanner, SummaryList, type SummaryListRow } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { getPeriodicReview, type PeriodicReviewDetail } from "@/lib/data/periodic-reviews";
import { formatDate } from "@/lib/format";
import {
  can,
  check,
  credentialMachine,
  incompleteCurrencyChecks,
  isPeriodicReviewOverdue,
  PERIODIC_OUTCOME_LABELS,
  periodicReviewMachine,
  takesCurrencyChecks,
} from "@/lib/workflow";
import { conclude } from "../actions";
import { orNotFound, routeId } from "@/lib/params";
import { bannerFor } from "@/lib/done";

export const metadata: Metadata = { title: "Periodic review" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<QueryParams & { done?: string }> };

const DONE = {
  opened: { heading: "Periodic review started", body: "Record each currency check, then conclude the review." },
  recordCheck: { heading: "Currency check saved", body: "The currency check was saved." },
  conclude: {
    heading: "Periodic review concluded",
    body: "The periodic review was concluded; its outcome is shown below and on the credential.",
  },
};

function summaryRows(review: PeriodicReviewDetail): SummaryListRow[] {
  const { credential } = review;
  const rows: SummaryListRow[] = [
    {
      key: "Credential",
      value: (
        <Link href={`/credentials/${credential.id}`}>
          {credential.reference} {credential.title}
        </Link>
      ),
    },
    { key: "Credential status", value: <StatusTag status={credential.status} label={credentialMachine.labels[credential.status]} /> },
    { key: "Expert group", value: credential.ownerOrganisation.name },
    {
      key: "Endorsed version",
      value: credential.endorsedVersion
        ? `Version ${credential.endorsedVersion.number}${credential.endorsedAt ? `, endorsed on ${formatDate(credential.endorsedAt)}` : ""}`
        : "None",
    },
    { key: "Review due", value: formatDate(review.dueAt) },
  ];
  if (review.outcome) {
    rows.push(
      { key: "Outcome", value: <StatusTag status={review.outcome} label={PERIODIC_OUTCOME_LABELS[review.outcome]} /> },
      { key: "Rationale", value: <span className="whitespace-pre-line">{review.rationale}</span> },
      { key: "Concluded on", value: review.concludedAt ? formatDate(review.concludedAt) : "" },
    );
  }
  if (credential.withdrawnAt) rows.push({ key: "Withdrawn on", value: formatDate(credential.withdrawnAt) });
  else if (credential.reviewDueAt) rows.push({ key: "Next review due", value: formatDate(credential.reviewDueAt) });
  return rows;
}

export default async function PeriodicReviewPage({ params, searchParams }: Props) {
  const user = await requireRole("CENTRE_STAFF");
  const [{ id: rawId }, query] = await Promise.all([params, searchParams]);
  const id = orNotFound(routeId(rawId));
  const done = typeof query.done === "string" ? query.done : undefined;
  const review = await getPeriodicReview(user, id);
  if (!review) notFound();
  const overdue = isPeriodicReviewOverdue(review.status, review.dueAt, new Date());
  const facts = { incompleteChecks: incompleteCurrencyChecks(review.checks.map((c) => c.kind)), actor: user };
  // Why not, in the state machine's words (its outcome and rationale are asked for by the form, not here).
  const verdict = can(periodicReviewMachine, "conclude", review.status, facts)
    ? null
    : check(periodicReviewMachine, "conclude", review.status, facts);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/credentials", label: "Credentials" },
          { href: `/credentials/${review.credential.id}`, label: `${review.credential.reference} ${review.credential.title}` },
        ]}
      />
      <SuccessBanner banner={bannerFor(DONE, done)} />
      <PageHeading caption={review.credential.reference} title={`Periodic review of ${review.credential.title}`} />
      <p className="mb-6">
        Status: <StatusTag status={review.status} label={periodicReviewMachine.labels[review.status]} />{" "}
        {overdue ? <StatusTag status="OVERDUE" label={`Overdue: due ${formatDate(review.dueAt)}`} /> : null}
      </p>
      <SummaryList rows={summaryRows(review)} />
      <CurrencyChecks review={review} canRecord={takesCurrencyChecks(review.status, user)} />
      {review.status !== "CONCLUDED" ? (
        <section aria-labelledby="conclude-heading" className="mt-10">
          <h2 id="conclude-heading">Conclude the review</h2>
          {verdict && !verdict.ok ? (
            <InsetText>
              <p>{verdict.reason}</p>
            </InsetText>
          ) : (
            <ConcludeForm action={conclude} review={review} />
          )}
        </section>
      ) : null}
      <History entityIds={[review.id, review.credential.id]} basePath={`/periodic-reviews/${id}`} searchParams={query} />
    </>
  );
}
