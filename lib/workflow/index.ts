// Every state machine of the credential lifecycle, keyed by entity name. Pure: safe to import anywhere.
import { annualReturnMachine } from "./annualReturn";
import { commentMachine } from "./comment";
import { commissionMachine } from "./commission";
import { completionMachine } from "./completion";
import { credentialMachine } from "./credential";
import { deliveryPlanMachine } from "./deliveryPlan";
import { endorsementConditionMachine } from "./endorsementCondition";
import { endorsementReviewMachine } from "./endorsementReview";
import { impactReturnMachine } from "./impactReturn";
import { periodicReviewMachine } from "./periodicReview";
import { priorityMachine } from "./priority";
import { priorityRoundMachine } from "./priorityRound";
import { qualityActionMachine } from "./qualityAction";
import { qualityReviewMachine } from "./qualityReview";
import { reviewerAssignmentMachine } from "./reviewerAssignment";
import { specificationVersionMachine } from "./specificationVersion";

export const machines = {
  PriorityRound: priorityRoundMachine,
  Priority: priorityMachine,
  Commission: commissionMachine,
  Credential: credentialMachine,
  SpecificationVersion: specificationVersionMachine,
  EndorsementReview: endorsementReviewMachine,
  ReviewerAssignment: reviewerAssignmentMachine,
  EndorsementCondition: endorsementConditionMachine,
  DeliveryPlan: deliveryPlanMachine,
  AnnualReturn: annualReturnMachine,
  QualityReview: qualityReviewMachine,
  QualityAction: qualityActionMachine,
  PeriodicReview: periodicReviewMachine,
  ImpactReturn: impactReturnMachine,
  Completion: completionMachine,
  Comment: commentMachine,
} as const;

export type Machines = typeof machines;
export type EntityName = keyof Machines;
export const ENTITY_NAMES = Object.keys(machines) as EntityName[];
export type StateOf<E extends EntityName> = Machines[E]["states"][number];
export type TransitionOf<E extends EntityName> = Machines[E]["transitions"][number]["name"];

/** Plain-English status label for the StatusTag, e.g. ('SpecificationVersion', 'CHANGES_REQUESTED') → "Changes requested". */
export function stateLabel<E extends EntityName>(entity: E, state: StateOf<E>): string {
  const labels: Readonly<Record<string, string>> = machines[entity].labels;
  return labels[state] ?? state;
}

export * from "./types";
export { assignedReviewer, conflictOfInterest } from "./guards";
export * from "./priorityRound";
export * from "./priority";
export * from "./commission";
export * from "./credential";
export * from "./specificationVersion";
export * from "./endorsementReview";
export * from "./reviewerAssignment";
export * from "./endorsementCondition";
export * from "./deliveryPlan";
export * from "./annualReturn";
export * from "./qualityReview";
export * from "./qualityAction";
export * from "./periodicReview";
export * from "./impactReturn";
export * from "./completion";
export * from "./comment";
