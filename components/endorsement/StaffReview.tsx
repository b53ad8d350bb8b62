import type { FormAction } from "@/components/forms/ActionForm";
import { InsetText } from "@/components/ui";
import { endorsementCriteria, reviewerCandidates, type EndorsementReviewView } from "@/lib/data/endorsement-reviews";
import { MIN_REVIEWERS } from "@/lib/workflow";
import { AssessmentComparison } from "./AssessmentComparison";
import { AssignReviewersForm } from "./AssignReviewersForm";
import { DecisionForm, DecisionSummary } from "./Decision";
import { ReviewerAssignments } from "./ReviewerAssignments";

type Actions = { assignReviewers: FormAction; withdrawReviewer: FormAction; decideEndorsement: FormAction };

/** Staff: reviewers (assign, withdraw), the submitted assessments side by side, and the decision. */
export async function StaffReview({ view, actions }: { view: EndorsementReviewView; actions: Actions }) {
  const { credential, review } = view;
  const version = view.version!;
  const open = review?.status !== "DECIDED";
  const assignments = review?.assignments ?? [];
  const submitted = assignments.filter((a) => a.status === "SUBMITTED");
  const canAssign = open && (version.status === "SUBMITTED" || version.status === "IN_REVIEW");
  const [criteria, candidates] = await Promise.all([endorsementCriteria(), canAssign ? reviewerCandidates(credential) : []]);
  const unassigned = candidates.filter((c) => !assignments.some((a) => a.reviewer.id === c.id));
  return (
    <>
      <h2>Reviewers</h2>
      <ReviewerAssignments assignments={assignments} withdraw={open ? actions.withdrawReviewer : undefined} />
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
      {review && !open ? <DecisionSummary review={review} /> : null}
      {open && version.status === "IN_REVIEW" && submitted.length >= MIN_REVIEWERS ? (
        <DecisionForm action={actions.decideEndorsement} version={version} />
      ) : null}
      {open && submitted.length < MIN_REVIEWERS ? (
        <InsetText>
          <p>
            A decision needs at least {MIN_REVIEWERS} submitted assessments; {submitted.length === 1 ? "1 has" : `${submitted.length} have`}{" "}
            been submitted.
          </p>
        </InsetText>
      ) : null}
    </>
  );
}
