import type { FormAction } from "@/components/forms/ActionForm";
import { StatusTag, Table } from "@/components/ui";
import { TransitionButton } from "@/components/workflow/TransitionForms";
import type { EndorsementReviewView } from "@/lib/data/endorsement-reviews";
import { formatDate } from "@/lib/format";
import { describeExpertise, reviewerAssignmentMachine } from "@/lib/workflow";

type Assignment = NonNullable<EndorsementReviewView["review"]>["assignments"][number];

/** The reviewers on a review and where each assessment is; staff may withdraw one not yet submitted. */
export function ReviewerAssignments({ assignments, withdraw }: { assignments: Assignment[]; withdraw?: FormAction }) {
  return (
    <Table
      caption="Reviewers"
      captionHidden
      columns={[
        { key: "reviewer", header: "Reviewer" },
        { key: "organisation", header: "Organisation" },
        { key: "expertise", header: "Expertise" },
        { key: "due", header: "Due" },
        { key: "status", header: "Status" },
        ...(withdraw ? [{ key: "action", header: "Action" }] : []),
      ]}
      rowHeader="reviewer"
      rows={assignments.map((a) => ({
        reviewer: a.reviewer.name,
        organisation: a.reviewer.organisation?.name ?? "None",
        expertise: describeExpertise(a.reviewer.expertise, a.reviewer.clinicalProfessions),
        due: a.dueOn ? formatDate(a.dueOn) : "Not set",
        status: <StatusTag status={a.status} label={reviewerAssignmentMachine.labels[a.status]} />,
        action:
          withdraw && a.status === "ASSIGNED" ? (
            <TransitionButton
              action={withdraw}
              id={a.id}
              version={a.version}
              submitLabel={`Withdraw ${a.reviewer.name}`}
              submitVariant="secondary"
            />
          ) : null,
      }))}
      empty="No reviewers have been assigned yet."
    />
  );
}
