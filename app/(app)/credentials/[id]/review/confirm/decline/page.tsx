import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DepartureReasonField, PanelRecommendation } from "@/components/endorsement/Decision";
import { ConfirmTransition } from "@/components/workflow/ConfirmTransition";
import { panelRecommendationFor } from "@/lib/data/panel-reads";
import { requireRole } from "@/lib/auth/session";
import { decisionFacts, endorsementReviewFor } from "@/lib/data/endorsement-review-reads";
import { orNotFound, routeId } from "@/lib/params";
import { check, endorsementReviewMachine } from "@/lib/workflow";
import { decideEndorsement } from "../../actions";

export const metadata: Metadata = { title: "Decline a candidate specification" };

export default async function ConfirmDeclinePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("CENTRE_STAFF");
  const id = orNotFound(routeId((await params).id));
  const view = await endorsementReviewFor(user, id);
  if (!view?.version) notFound();
  const { credential, version, review } = view;
  const name = `${credential.reference} ${credential.title}`;
  const reviewHref = `/credentials/${id}/review`;
  const facts = { ...decisionFacts(review), actor: user };
  const panel = await panelRecommendationFor(user, review?.id);
  // The reason is asked for on this page; the review's state and its submitted assessments can stand in the way.
  const verdict = review
    ? check(endorsementReviewMachine, "decide", review.status, { ...facts, rationale: "-" })
    : { ok: false as const, reason: "No reviewers have been assigned yet: a specification is decided only after its review." };
  return (
    <ConfirmTransition
      breadcrumbs={[
        { href: "/credentials", label: "Credentials" },
        { href: `/credentials/${id}`, label: name },
        { href: reviewHref, label: "Endorsement review" },
      ]}
      caption={name}
      title={`Decline version ${version.number} of this specification?`}
      action={decideEndorsement}
      hidden={{ id: version.id, version: version.version, decision: "DECLINE" }}
      reason={{
        name: "rationale",
        label: "Reason for declining",
        hint: "Why it cannot be endorsed, even with changes. The expert group will see it.",
      }}
      confirmLabel="Yes, decline this specification"
      recordHref={reviewHref}
      refusal={verdict.ok ? undefined : verdict.reason}
      extraFields={panel?.recommendation !== "DECLINE" ? <DepartureReasonField panel={panel} /> : null}
    >
      <PanelRecommendation panel={panel} />
      <ul className="list-disc pl-6">
        <li>The endorsement review closes with the decision Decline. It cannot be changed afterwards.</li>
        <li>The credential is not endorsed and does not appear in the catalogue.</li>
        <li>The expert group is told, and sees your reason with the review.</li>
      </ul>
    </ConfirmTransition>
  );
}
