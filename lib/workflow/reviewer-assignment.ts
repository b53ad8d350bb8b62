import { allOf, assignedReviewer, nothingMissing, requireReason } from "./guards";
import { type EndorsementDecision } from "./specification-version";
import { defineMachine, STAFF, UNCHANGED, type Guard } from "./types";

// An endorsement reviewer's assignment to a submitted specification version, carrying their assessment.
// Assigning is a creation, checked with `conflictOfInterest` (exported from the index).

export const REVIEWER_ASSIGNMENT_STATES = ["ASSIGNED", "SUBMITTED", "WITHDRAWN"] as const;
export type ReviewerAssignmentStatus = (typeof REVIEWER_ASSIGNMENT_STATES)[number];

export const CRITERION_RATINGS = ["MET", "PARTIALLY_MET", "NOT_MET"] as const;
export type CriterionRating = (typeof CRITERION_RATINGS)[number];
export const CRITERION_RATING_LABELS: Record<CriterionRating, string> = {
  MET: "Met",
  PARTIALLY_MET: "Partially met",
  NOT_MET: "Not met",
};

export interface ReviewerAssignmentContext {
  /** The assigned reviewer's user id. */
  assigneeId: string;
  /** The credential's owning expert group (and any other organisation the specification is about). */
  subjectOrganisationIds: readonly string[];
  /** Numbers of the endorsement criteria not yet rated, e.g. ["4.1", "7"]. */
  unratedCriteria: readonly string[];
  recommendation: EndorsementDecision | null;
  /** Why staff withdraw the reviewer (kept on the assignment and shown to the reviewer). */
  reason?: string | null;
  /** Whether staff have already decided the review the assignment belongs to. */
  reviewDecided?: boolean;
}
type Ctx = ReviewerAssignmentContext;

const isAssignee = assignedReviewer<Ctx>(
  "specification",
  (ctx) => [ctx.assigneeId],
  (ctx) => ctx.subjectOrganisationIds,
);

const everyCriterionRated: Guard<Ctx> = (ctx) =>
  nothingMissing(ctx.unratedCriteria, (list) => `Rate every criterion before submitting; not yet rated: ${list}.`);

const reviewStillOpen: Guard<Ctx> = (ctx) =>
  ctx.reviewDecided ? "The Centre has already decided this review, so assessments on it can no longer be changed." : null;

const recommendationGiven: Guard<Ctx> = (ctx) =>
  ctx.recommendation !== null ? null : "Give your recommendation before submitting the assessment.";

export const reviewerAssignmentMachine = defineMachine<ReviewerAssignmentStatus, Ctx>()({
  entity: "ReviewerAssignment",
  noun: "reviewer assessment",
  states: REVIEWER_ASSIGNMENT_STATES,
  initial: "ASSIGNED",
  labels: { ASSIGNED: "Assigned", SUBMITTED: "Submitted", WITHDRAWN: "Withdrawn" },
  transitions: [
    {
      name: "saveDraft",
      from: ["ASSIGNED"],
      to: UNCHANGED,
      roles: ["REVIEWER"],
      label: "Save as draft",
      verb: "record an assessment",
      participle: "changed",
      guard: allOf(isAssignee, reviewStillOpen),
    },
    {
      name: "submitAssessment",
      from: ["ASSIGNED"],
      to: "SUBMITTED",
      roles: ["REVIEWER"],
      label: "Submit assessment",
      verb: "submit an assessment",
      participle: "submitted",
      guard: allOf(isAssignee, reviewStillOpen, everyCriterionRated, recommendationGiven),
    },
    {
      name: "withdraw",
      from: ["ASSIGNED"],
      to: "WITHDRAWN",
      roles: STAFF,
      label: "Withdraw reviewer",
      verb: "withdraw a reviewer",
      participle: "withdrawn",
      input: requireReason("withdrawing this reviewer"),
    },
  ],
});
