import Link from "@/components/ui/Link";
import { StatusTag, Table } from "@/components/ui";
import type { EndorsementReviewView } from "@/lib/data/endorsement-review-reads";
import { formatDate } from "@/lib/format";
import { describeExpertise, reviewerAssignmentMachine } from "@/lib/workflow";

type Assignment = NonNullable<EndorsementReviewView["review"]>["assignments"][number];

/**
 * The reviewers on a review and where each assessment is; staff may withdraw one not yet submitted, through a
 * confirmation page (`withdrawHref`) that asks why.
 */
export function ReviewerAssignments({
  assignments,
  withdrawHref,
}: {
  assignments: Assignment[];
  withdrawHref?: (assignmentId: string) => string;
}) {
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
        ...(withdrawHref ? [{ key: "action", header: "Action" }] : []),
      ]}
      rowHeader="reviewer"
      rows={assignments.map((a) => ({
        reviewer: a.reviewer.name,
        organisation: a.reviewer.organisation?.name ?? "None",
        expertise: describeExpertise(a.reviewer.expertise, a.reviewer.clinicalProfessions),
        due: a.dueOn ? formatDate(a.dueOn) : "Not set",
        status: (
          <>
            <StatusTag status={a.status} label={reviewerAssignmentMachine.labels[a.status]} />
            {a.withdrawnReason ? <p className="mt-1 mb-0">Reason: {a.withdrawnReason}</p> : null}
          </>
        ),
        action: withdrawHref && a.status === "ASSIGNED" ? <Link href={withdrawHref(a.id)}>Withdraw {a.reviewer.name}</Link> : null,
      }))}
      empty="No reviewers have been assigned yet."
    />
  );
}
