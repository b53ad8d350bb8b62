import { deliveryPlanMachine, isDelivering, type DeliveryPlanStatus } from "./delivery-plan";
import { allOf, assignedReviewer } from "./guards";
import { defineMachine, STAFF, UNCHANGED, type Guard } from "./types";

// A fuller quality review of an approved delivery, scheduled by staff and carried out by assigned reviewers.

export const QUALITY_REVIEW_STATES = ["PLANNED", "IN_PROGRESS", "REPORTED", "CLOSED"] as const;
export type QualityReviewStatus = (typeof QUALITY_REVIEW_STATES)[number];

export const QUALITY_OUTCOMES = ["MEETS_STANDARDS", "REQUIRES_IMPROVEMENT", "DOES_NOT_MEET"] as const;
export type QualityOutcome = (typeof QUALITY_OUTCOMES)[number];
export const QUALITY_OUTCOME_LABELS: Record<QualityOutcome, string> = {
  MEETS_STANDARDS: "Meets standards",
  REQUIRES_IMPROVEMENT: "Requires improvement",
  DOES_NOT_MEET: "Does not meet standards",
};

export const STANDARD_AREAS = [
  "CURRICULUM_AND_ASSESSMENT",
  "SUPERVISION",
  "LEARNING_ENVIRONMENT",
  "LEARNER_SUPPORT",
  "GOVERNANCE",
] as const;
export type StandardArea = (typeof STANDARD_AREAS)[number];
export const STANDARD_AREA_LABELS: Record<StandardArea, string> = {
  CURRICULUM_AND_ASSESSMENT: "Curriculum and assessment",
  SUPERVISION: "Supervision",
  LEARNING_ENVIRONMENT: "Learning environment",
  LEARNER_SUPPORT: "Learner support",
  GOVERNANCE: "Governance",
};

export const FINDING_RATINGS = ["GOOD", "SATISFACTORY", "REQUIRES_IMPROVEMENT", "INADEQUATE"] as const;
export type FindingRating = (typeof FINDING_RATINGS)[number];
export const FINDING_RATING_LABELS: Record<FindingRating, string> = {
  GOOD: "Good",
  SATISFACTORY: "Satisfactory",
  REQUIRES_IMPROVEMENT: "Requires improvement",
  INADEQUATE: "Inadequate",
};

export interface QualityReviewContext {
  /** The education provider under review. */
  providerOrganisationId: string;
  reviewerIds: readonly string[];
  findingCount: number;
  outcome?: QualityOutcome | null;
  /** The reviewed delivery plan's status: a failed review may suspend it while it is delivering. */
  planStatus: DeliveryPlanStatus;
}
type Ctx = QualityReviewContext;

const isAssignedReviewer = assignedReviewer<Ctx>(
  "quality review",
  (ctx) => ctx.reviewerIds,
  (ctx) => [ctx.providerOrganisationId],
);

const hasFindings: Guard<Ctx> = (ctx) => (ctx.findingCount > 0 ? null : "Record at least one finding before reporting the review.");

const outcomeGiven: Guard<Ctx> = (ctx) => (ctx.outcome != null ? null : "Choose the outcome of the review before closing it.");

const failedWhileDelivering: Guard<Ctx> = (ctx) => {
  if (ctx.outcome !== "DOES_NOT_MEET") {
    return "A delivery plan can be suspended here only after a closed review whose outcome is Does not meet standards.";
  }
  return isDelivering(ctx.planStatus)
    ? null
    : `This delivery plan is ${deliveryPlanMachine.labels[ctx.planStatus]}, so it cannot be suspended.`;
};

export const qualityReviewMachine = defineMachine<QualityReviewStatus, Ctx>()({
  entity: "QualityReview",
  noun: "quality review",
  states: QUALITY_REVIEW_STATES,
  initial: "PLANNED",
  labels: { PLANNED: "Planned", IN_PROGRESS: "In progress", REPORTED: "Reported", CLOSED: "Closed" },
  transitions: [
    {
      name: "start",
      from: ["PLANNED"],
      to: "IN_PROGRESS",
      roles: ["CENTRE_STAFF", "REVIEWER"],
      label: "Start review",
      verb: "start a quality review",
      participle: "started",
      guard: isAssignedReviewer,
    },
    // Findings and actions are added while the review is in progress, by staff or the assigned, unconflicted reviewers.
    {
      name: "recordFinding",
      from: ["IN_PROGRESS"],
      to: UNCHANGED,
      roles: ["CENTRE_STAFF", "REVIEWER"],
      label: "Record finding",
      verb: "record findings",
      participle: "given new findings",
      guard: isAssignedReviewer,
    },
    {
      name: "raiseAction",
      from: ["IN_PROGRESS"],
      to: UNCHANGED,
      roles: ["CENTRE_STAFF", "REVIEWER"],
      label: "Raise action",
      verb: "raise actions",
      participle: "given new actions",
      guard: isAssignedReviewer,
    },
    {
      name: "report",
      from: ["IN_PROGRESS"],
      to: "REPORTED",
      roles: ["REVIEWER"],
      label: "Submit report",
      verb: "report a quality review",
      participle: "reported",
      guard: allOf(isAssignedReviewer, hasFindings),
    },
    {
      name: "close",
      from: ["REPORTED"],
      to: "CLOSED",
      roles: STAFF,
      label: "Close review",
      verb: "close a quality review",
      participle: "closed",
      input: outcomeGiven,
    },
    // A closed review that found the delivery does not meet the standards lets staff suspend the plan from it.
    {
      name: "suspendPlan",
      from: ["CLOSED"],
      to: UNCHANGED,
      roles: STAFF,
      label: "Suspend the delivery plan",
      verb: "suspend a delivery plan",
      participle: "used to suspend its delivery plan",
      guard: failedWhileDelivering,
    },
  ],
});
