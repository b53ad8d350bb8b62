// Each machine's states are the database's enum for that entity: a state added to one and not the other would be
// refused by PostgreSQL at the first write, or never reachable from the workflow.
import { describe, expect, it } from "vitest";
import * as db from "@/lib/generated/prisma/enums";
import * as wf from "@/lib/workflow";

const PAIRS: [string, readonly string[], Record<string, string>][] = [
  ["priority round", wf.PRIORITY_ROUND_STATES, db.RoundStatus],
  ["priority", wf.PRIORITY_STATES, db.PriorityStatus],
  ["commission", wf.COMMISSION_STATES, db.CommissionStatus],
  ["credential", wf.CREDENTIAL_STATES, db.CredentialStatus],
  ["specification version", wf.SPECIFICATION_STATES, db.SpecificationStatus],
  ["endorsement review", wf.ENDORSEMENT_REVIEW_STATES, db.EndorsementReviewStatus],
  ["reviewer assignment", wf.REVIEWER_ASSIGNMENT_STATES, db.ReviewerAssignmentStatus],
  ["endorsement condition", wf.ENDORSEMENT_CONDITION_STATES, db.ConditionStatus],
  ["delivery plan", wf.DELIVERY_PLAN_STATES, db.DeliveryPlanStatus],
  ["annual return", wf.ANNUAL_RETURN_STATES, db.AnnualReturnStatus],
  ["quality review", wf.QUALITY_REVIEW_STATES, db.QualityReviewStatus],
  ["quality action", wf.QUALITY_ACTION_STATES, db.QualityActionStatus],
  ["periodic review", wf.PERIODIC_REVIEW_STATES, db.PeriodicReviewStatus],
  ["impact return", wf.IMPACT_RETURN_STATES, db.ImpactReturnStatus],
  ["completion", wf.COMPLETION_STATES, db.CompletionStatus],
  ["comment", wf.COMMENT_STATES, db.CommentStatus],
  ["gateway proposal", wf.GATEWAY_PROPOSAL_STATES, db.GatewayProposalStatus],
  ["plan change", wf.PLAN_CHANGE_STATES, db.PlanChangeStatus],
  ["panel meeting", wf.PANEL_MEETING_STATES, db.PanelMeetingStatus],
  ["panel agenda item", wf.PANEL_AGENDA_ITEM_STATES, db.PanelAgendaItemStatus],
  ["endorsement appeal", wf.ENDORSEMENT_APPEAL_STATES, db.EndorsementAppealStatus],
];

describe("workflow states and database enums", () => {
  it("every machine has exactly its database enum's states", () => {
    const machines = Object.fromEntries(PAIRS.map(([name, states]) => [name, [...states].sort()]));
    const enums = Object.fromEntries(PAIRS.map(([name, , dbEnum]) => [name, Object.values(dbEnum).sort()]));
    expect(machines).toEqual(enums);
  });
});
