import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmTransition } from "@/components/workflow/ConfirmTransition";
import { requireRole } from "@/lib/auth/session";
import { getQualityReview } from "@/lib/data/quality";
import { qualityReviewLink } from "@/lib/data/quality-reviews";
import { orNotFound, routeId } from "@/lib/params";
import { check, deliveryPlanMachine } from "@/lib/workflow";
import { suspendPlanAfterReview } from "../../../actions";

export const metadata: Metadata = { title: "Suspend the delivery plan" };

export default async function ConfirmSuspendAfterReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("CENTRE_STAFF");
  const id = orNotFound(routeId((await params).id));
  const review = await getQualityReview(user, id, undefined);
  if (!review) notFound();
  const { plan } = review;
  const verdict =
    review.outcome === "DOES_NOT_MEET"
      ? // Suspending asks only the plan's state and the reason, given on this page.
        check(deliveryPlanMachine, "suspend", plan.status, {
          organisationId: plan.organisationId,
          credentialStatus: "ENDORSED",
          unmappedOutcomes: [],
          missingDetails: [],
          reason: "-",
          actor: user,
        })
      : {
          ok: false as const,
          reason: "A delivery plan can be suspended here only after a review whose outcome is Does not meet standards.",
        };
  return (
    <ConfirmTransition
      breadcrumbs={[
        { href: "/quality-reviews", label: "Quality" },
        { href: qualityReviewLink(review.id), label: `Quality review: ${plan.programmeTitle}` },
      ]}
      caption={`${plan.credential.reference} ${plan.credential.title}`}
      title="Suspend this delivery plan?"
      action={suspendPlanAfterReview}
      hidden={{ id: review.id, version: plan.version }}
      reason={{ label: "Reason for suspending the plan", hint: "What the provider must put right; they will see it on the plan." }}
      confirmLabel="Yes, suspend this plan"
      recordHref={qualityReviewLink(review.id)}
      refusal={verdict.ok ? undefined : verdict.reason}
    >
      <ul className="list-disc pl-6">
        <li>No new cohorts should start on {plan.programmeTitle} while it is suspended.</li>
        <li>The provider is told, and sees your reason on the plan.</li>
        <li>Centre staff can reinstate the plan once the provider has put things right.</li>
      </ul>
    </ConfirmTransition>
  );
}
