import type { FormAction } from "@/components/forms/ActionForm";
import { InsetText } from "@/components/ui";
import { decisionFacts, endorsementCriteria, reviewerCandidates, type EndorsementReviewView } from "@/lib/data/endorsement-review-reads";
import { panelRecommendationFor } from "@/lib/data/panel-reads";
import { can, check, endorsementReviewMachine, expertiseShortfall, specificationVersionMachine, type Actor } from "@/lib/workflow";
import { AssessmentComparison } from "./AssessmentComparison";
import { AssignReviewersForm } from "./AssignReviewersForm";
import { DecisionForm, DecisionSummary } from "./Decision";
import { ReviewerAssignments } from "./ReviewerAssignments";

type Actions = { assignReviewers: FormAction; decideEndorsement: FormAction };

/** Staff: reviewers (assign, withdraw), the submitted assessments side by side, and the decision. */
export async function StaffReview({ view, user, actions }: { view: EndorsementReviewView; user: Actor; actions: Actions }) {
  const { credential, review } = view;
  const version = view.version!;
  const open = review?.status !== "DECIDED";
  const assignments = review?.assignments ?? [];
  const submitted = assignments.filter((a) => a.status === "SUBMITTED");
  const reviewFacts = { ...decisionFacts(review), actor: user };
  const shortfall = review && open ? expertiseShortfall(reviewFacts.reviewerExpertise) : null;
  // Before the first reviewers are assigned there is no review yet: assigning them starts the version's review.
  const canAssign = review
    ? can(endorsementReviewMachine, "assignReviewers", review.status, reviewFacts)
    : can(specificationVersionMachine, "startReview", version.status, {
        organisationId: credential.ownerOrganisationId,
        credentialOrigin: credential.origin,
        missingSections: [],
        reviewerCount: 0,
        submittedAssessmentCount: 0,
        reviewerExpertise: [],
        actor: user,
      });
  // A review not opened yet will open in the machine's initial state; the decision is judged as it will be then.
  const reviewState = review?.status ?? endorsementReviewMachine.initial;
  const canDecide = review !== null && can(endorsementReviewMachine, "decide", review.status, reviewFacts);
  const decisionRefusal = canDecide ? null : check(endorsementReviewMachine, "decide", reviewState, reviewFacts);
  const [criteria, candidates, panel] = await Promise.all([
    endorsementCriteria(review),
    canAssign ? reviewerCandidates(user, credential) : [],
    panelRecommendationFor(user, review?.id),
  ]);
  const unassigned = candidates.filter((c) => !assignments.some((a) => a.reviewer.id === c.id));
  return (
    <>
      <h2>Reviewers</h2>
      <ReviewerAssignments
        assignments={assignments}
        withdrawHref={open ? (assignmentId) => `/credentials/${credential.id}/review/confirm/withdraw/${assignmentId}` : undefined}
      />
      {shortfall ? (
        <InsetText>
          <p>{shortfall}</p>
        </InsetText>
      ) : null}
      {canAssign ? (
        <AssignReviewersForm
          action={actions.assignReviewers}
          version={version}
          candidates={unassigned}
          starting={version.status === "SUBMITTED"}
        />
      ) : null}

      <h2>Assessments</h2>
      {submitted.length > 0 ? (
        <AssessmentComparison criteria={criteria} assessments={submitted} />
      ) : (
        <p>No assessments have been submitted yet.</p>
      )}

      <h2>Decision</h2>
      {review && !open ? <DecisionSummary review={review} panel={panel} /> : null}
      {canDecide ? (
        <DecisionForm
          action={actions.decideEndorsement}
          version={version}
          declineHref={`/credentials/${credential.id}/review/confirm/decline`}
          panel={panel}
        />
      ) : null}
      {open && decisionRefusal && !decisionRefusal.ok && decisionRefusal.code === "GUARD_FAILED" ? (
        <InsetText>
          <p>{decisionRefusal.reason}</p>
        </InsetText>
      ) : null}
    </>
  );
}
