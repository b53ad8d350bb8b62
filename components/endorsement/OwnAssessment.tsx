import { ButtonLink, InsetText, SummaryList, StatusTag } from "@/components/ui";
import { endorsementCriteria, type EndorsementReviewView } from "@/lib/data/endorsement-review-reads";
import { formatDate } from "@/lib/format";
import { reviewerAssignmentMachine } from "@/lib/workflow";
import { AssessmentComparison } from "./AssessmentComparison";

/** A reviewer sees only their own assignment: what is due, and their assessment once submitted. */
export async function OwnAssessment({ view }: { view: EndorsementReviewView }) {
  const mine = view.review?.assignments[0];
  if (!mine)
    return (
      <InsetText>
        <p>You are not assigned to review this version.</p>
      </InsetText>
    );
  return (
    <>
      <h2>Your assessment</h2>
      <SummaryList
        rows={[
          { key: "Status", value: <StatusTag status={mine.status} label={reviewerAssignmentMachine.labels[mine.status]} /> },
          { key: "Due", value: mine.dueOn ? formatDate(mine.dueOn) : "Not set" },
          ...(mine.submittedAt ? [{ key: "Submitted", value: formatDate(mine.submittedAt) }] : []),
        ]}
      />
      {mine.status === "ASSIGNED" ? (
        <ButtonLink href={`/credentials/${view.credential.id}/review/assessment`}>Record your assessment</ButtonLink>
      ) : null}
      {mine.status === "SUBMITTED" ? (
        <AssessmentComparison criteria={await endorsementCriteria(view.review)} assessments={[mine]} caption="Your submitted assessment" />
      ) : null}
    </>
  );
}
