import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConfirmTransition } from "@/components/workflow/ConfirmTransition";
import { requireRole } from "@/lib/auth/session";
import { endorsementReviewFor } from "@/lib/data/endorsement-review-reads";
import { orNotFound, routeId } from "@/lib/params";
import { check, reviewerAssignmentMachine } from "@/lib/workflow";
import { withdrawReviewer } from "../../../actions";

export const metadata: Metadata = { title: "Withdraw a reviewer" };

type Props = { params: Promise<{ id: string; assignmentId: string }> };

export default async function ConfirmWithdrawReviewerPage({ params }: Props) {
  const user = await requireRole("CENTRE_STAFF");
  const raw = await params;
  const id = orNotFound(routeId(raw.id));
  const assignmentId = orNotFound(routeId(raw.assignmentId));
  const view = await endorsementReviewFor(user, id);
  const assignment = view?.review?.assignments.find((a) => a.id === assignmentId);
  if (!view || !assignment) notFound();
  const name = `${view.credential.reference} ${view.credential.title}`;
  const reviewHref = `/credentials/${id}/review`;
  // The reason is asked for on this page, so only the assignment's state and the role can stand in the way.
  const verdict = check(reviewerAssignmentMachine, "withdraw", assignment.status, {
    assigneeId: assignment.reviewer.id,
    subjectOrganisationIds: [],
    unratedCriteria: [],
    recommendation: assignment.recommendation,
    reason: "-",
    actor: user,
  });
  return (
    <ConfirmTransition
      breadcrumbs={[
        { href: "/credentials", label: "Credentials" },
        { href: `/credentials/${id}`, label: name },
        { href: reviewHref, label: "Endorsement review" },
      ]}
      caption={name}
      title={`Withdraw ${assignment.reviewer.name} from this review?`}
      action={withdrawReviewer}
      hidden={{ id: assignment.id, version: assignment.version }}
      reason={{
        label: "Reason for withdrawing the reviewer",
        hint: "For example, a conflict of interest they declared. They will see it.",
      }}
      confirmLabel="Yes, withdraw this reviewer"
      recordHref={reviewHref}
      refusal={verdict.ok ? undefined : verdict.reason}
    >
      <ul className="list-disc pl-6">
        <li>They can no longer see the specification, its review or their draft assessment.</li>
        <li>They are told, with your reason; the reason also shows against their name on the review.</li>
        <li>To have them review again, assign them afresh.</li>
      </ul>
    </ConfirmTransition>
  );
}
