import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { History } from "@/components/history/History";
import type { QueryParams } from "@/lib/data/paging";
import { Findings } from "@/components/quality/Findings";
import { ReviewDecision } from "@/components/quality/ReviewDecision";
import { Breadcrumbs, PageHeading, StatusTag, SuccessBanner, SummaryList } from "@/components/ui";
import { bannerFor, transitionBanner } from "@/lib/done";
import { requireRole } from "@/lib/auth/session";
import { getQualityReview } from "@/lib/data/quality";
import { formatDate } from "@/lib/format";
import { deliveryPlanMachine, QUALITY_OUTCOME_LABELS, qualityReviewMachine } from "@/lib/workflow";
import { orNotFound, routeId } from "@/lib/params";

export const metadata: Metadata = { title: "Quality review" };

const NEXT = {
  start: "Reviewers can now record findings and raise actions for the provider.",
  report: "Centre staff can now record the outcome and close the review.",
  close: "The provider has been notified of the outcome.",
};
const DONE = {
  created: { heading: "Quality review scheduled", body: "The reviewers and the provider have been notified." },
  recordFinding: "Finding recorded",
  raiseAction: { heading: "Action raised", body: "The provider has been notified and can respond to it." },
  suspendPlan: { heading: "Delivery plan suspended", body: "The provider has been notified; the reason is shown on the plan." },
};

export default async function QualityReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<QueryParams>;
}) {
  const user = await requireRole("CENTRE_STAFF", "PROVIDER", "REVIEWER");
  const id = orNotFound(routeId((await params).id));
  const query = await searchParams;
  const review = await getQualityReview(user, id, query.findings);
  if (!review) notFound();
  const now = new Date();
  const { plan } = review;
  const entityIds = [review.id, ...review.findings.flatMap((f) => [f.id, ...f.actions.map((a) => a.id)])];
  return (
    <>
      <Breadcrumbs
        items={[
          // Reviewers reach plans only through their reviews; they have no list of plans.
          user.role === "REVIEWER" ? { href: "/quality-reviews", label: "Quality" } : { href: "/delivery-plans", label: "Delivery plans" },
          { href: `/delivery-plans/${plan.id}`, label: plan.programmeTitle },
        ]}
      />
      {/* A finding or an action is recorded through the review's own transitions; its banner names the record instead. */}
      <SuccessBanner banner={bannerFor(DONE, query.done) ?? transitionBanner(qualityReviewMachine, query.done, NEXT)} />
      <PageHeading caption={`${plan.credential.reference} ${plan.credential.title}`} title={`Quality review: ${plan.programmeTitle}`} />
      <p className="mb-6 flex flex-wrap gap-2">
        <StatusTag status={review.status} label={qualityReviewMachine.labels[review.status]} />
        {review.outcome ? <StatusTag status={review.outcome} label={QUALITY_OUTCOME_LABELS[review.outcome]} /> : null}
      </p>
      <SummaryList
        rows={[
          { key: "Provider", value: plan.organisation.name },
          {
            key: "Delivery plan",
            value: (
              <>
                <Link href={`/delivery-plans/${plan.id}`}>{plan.programmeTitle}</Link>{" "}
                <StatusTag status={plan.status} label={`Plan ${deliveryPlanMachine.labels[plan.status].toLowerCase()}`} />
              </>
            ),
          },
          { key: "Scheduled", value: formatDate(review.scheduledOn) },
          {
            key: "Reviewers",
            value: review.reviewers
              .map((r) => `${r.reviewer.name}${r.reviewer.organisation ? ` (${r.reviewer.organisation.name})` : ""}`)
              .join(", "),
          },
          ...(review.reportedAt ? [{ key: "Reported", value: formatDate(review.reportedAt) }] : []),
          ...(review.summary ? [{ key: "Summary", value: review.summary }] : []),
        ]}
      />
      <ReviewDecision
        review={{ id: review.id, version: review.version, outcome: review.outcome, can: review.can, findingCount: review.findingCount }}
      />
      <Findings
        reviewId={review.id}
        findings={review.findings}
        total={review.findingCount}
        can={review.can}
        now={now}
        paging={{ basePath: `/quality-reviews/${id}`, searchParams: query, page: review.findingsPage, pageCount: review.findingsPageCount }}
      />
      <History entityIds={entityIds} basePath={`/quality-reviews/${id}`} searchParams={query} />
    </>
  );
}
