// Every state machine of the credential lifecycle, keyed by entity name. Pure: safe to import anywhere.
import { annualReturnMachine } from "./annual-return";
import { commentMachine } from "./comment";
import { commissionMachine } from "./commission";
import { completionMachine } from "./completion";
import { credentialMachine } from "./credential";
import { criteriaSetMachine } from "./criteria-set";
import { deliveryPlanMachine } from "./delivery-plan";
import { endorsementConditionMachine } from "./endorsement-condition";
import { endorsementReviewMachine } from "./endorsement-review";
import { gatewayProposalMachine } from "./gateway-proposal";
import { endorsementAppealMachine } from "./endorsement-appeal";
import { panelMeetingMachine } from "./panel-meeting";
import { panelAgendaItemMachine } from "./panel-agenda-item";
import { impactReturnMachine } from "./impact-return";
import { periodicReviewMachine } from "./periodic-review";
import { planChangeMachine } from "./plan-change";
import { priorityMachine } from "./priority";
import { remappingMachine } from "./remapping";
import { enhancedMonitoringMachine, monitoringReportMachine, planRiskMachine } from "./monitoring";
import { priorityRoundMachine } from "./priority-round";
import { qualityActionMachine } from "./quality-action";
import { qualityReviewMachine } from "./quality-review";
import { reviewerAssignmentMachine } from "./reviewer-assignment";
import { specificationVersionMachine } from "./specification-version";

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
  CriteriaSet: criteriaSetMachine,
  GatewayProposal: gatewayProposalMachine,
  PlanChange: planChangeMachine,
  PanelMeeting: panelMeetingMachine,
  PanelAgendaItem: panelAgendaItemMachine,
  EndorsementAppeal: endorsementAppealMachine,
  RemappingTask: remappingMachine,
  PlanRisk: planRiskMachine,
  EnhancedMonitoring: enhancedMonitoringMachine,
  MonitoringReport: monitoringReportMachine,
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
export * from "./priority-round";
export * from "./priority";
export * from "./commission";
export * from "./credential";
export * from "./specification-version";
export * from "./capability-coverage";
export * from "./endorsement-review";
export * from "./reviewer-assignment";
export * from "./reviewer-expertise";
export * from "./criteria-set";
export * from "./endorsement-condition";
export * from "./delivery-plan";
export * from "./annual-return";
export * from "./quality-review";
export * from "./quality-action";
export * from "./periodic-review";
export * from "./impact-return";
export * from "./completion";
export * from "./comment";
export * from "./gateway-proposal";
export * from "./plan-change";
export * from "./panel-meeting";
export * from "./panel-agenda-item";
export * from "./endorsement-appeal";
export * from "./remapping";
export * from "./monitoring";
