import { credentialMachine, isEndorsedForDelivery, type CredentialStatus } from "./credential";
import { allOf, nothingMissing, ownOrganisation, requireConditions, requireRationale, requireReason } from "./guards";
import { defineMachine, STAFF, UNCHANGED, type Guard, type Permission, type Transition } from "./types";

export const DELIVERY_PLAN_STATES = [
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "APPROVED_WITH_CONDITIONS",
  "REJECTED",
  "SUSPENDED",
  "CLOSED",
] as const;
export type DeliveryPlanStatus = (typeof DELIVERY_PLAN_STATES)[number];

// Which plans count as delivering, for everything that follows approval. Named once here, asked everywhere.
/** Approved to deliver, with or without conditions: annual returns open, quality reviews start, it may be suspended. */
export const DELIVERING_PLAN_STATES: readonly DeliveryPlanStatus[] = ["APPROVED", "APPROVED_WITH_CONDITIONS"];
/** Delivering or finished: completions may be recorded against it. */
export const COMPLETION_PLAN_STATES: readonly DeliveryPlanStatus[] = [...DELIVERING_PLAN_STATES, "CLOSED"];
/** Approved at some time (delivering, suspended or finished): impact may be reported on it. */
export const REPORTING_PLAN_STATES: readonly DeliveryPlanStatus[] = [...DELIVERING_PLAN_STATES, "SUSPENDED", "CLOSED"];
/** With the provider to write or revise: their dashboard counts these and lists them first. */
export const PROVIDER_TO_DO_PLAN_STATES: readonly DeliveryPlanStatus[] = ["DRAFT", "CHANGES_REQUESTED"];

export const isDelivering = (status: DeliveryPlanStatus) => DELIVERING_PLAN_STATES.includes(status);
export const acceptsCompletions = (status: DeliveryPlanStatus) => COMPLETION_PLAN_STATES.includes(status);
export const acceptsImpactReports = (status: DeliveryPlanStatus) => REPORTING_PLAN_STATES.includes(status);

/** The plan's transitions that hang a record off it (and keep its state); pages show them beside the plan's own actions. */
export const PLAN_RECORD_TRANSITIONS = [
  "scheduleQualityReview",
  "openAnnualReturn",
  "recordCompletion",
  "reportImpact",
  "reportChange",
  "placeUnderEnhancedMonitoring",
] as const;
export type PlanRecordTransition = (typeof PLAN_RECORD_TRANSITIONS)[number];
/** Transitions another record's decision makes on the plan (approving a re-mapping); never a button on the plan. */
export const PLAN_FOLLOW_ON_TRANSITIONS = ["adoptVersion"] as const;

export interface DeliveryPlanContext {
  /** The education provider whose plan it is. */
  organisationId: string;
  credentialStatus: CredentialStatus;
  /** Learning outcomes of the endorsed version not yet mapped to a module and assessment. */
  unmappedOutcomes: readonly string[];
  /** Plan details still blank, in words ("the award", "the cohort size", …); all must be filled in to submit. */
  missingDetails: readonly string[];
  /** The plan was approved with conditions (they stay on it while it is suspended). */
  approvedWithConditions?: boolean;
  rationale?: string | null;
  conditions?: readonly string[] | null;
  reason?: string | null;
}
type Ctx = DeliveryPlanContext;

/** Whether a new delivery plan may be started against a credential in this status. */
export function canStartPlan(credentialStatus: CredentialStatus): Permission {
  if (isEndorsedForDelivery(credentialStatus)) return { ok: true };
  const reason =
    credentialStatus === "WITHDRAWN"
      ? "No new delivery plans can start against a withdrawn credential."
      : `Delivery plans can only be made for an endorsed credential; this credential is ${credentialMachine.labels[credentialStatus]}.`;
  return { ok: false, code: "WRONG_STATE", reason };
}

const credentialDeliverable: Guard<Ctx> = (ctx) => {
  const permission = canStartPlan(ctx.credentialStatus);
  return permission.ok ? null : permission.reason;
};

const everyOutcomeMapped: Guard<Ctx> = (ctx) =>
  nothingMissing(
    ctx.unmappedOutcomes,
    (list) => `Map every learning outcome to the module and assessment that deliver it; not yet mapped: ${list}.`,
  );

const detailsComplete: Guard<Ctx> = (ctx) =>
  nothingMissing(ctx.missingDetails, (list) => `Complete the plan before submitting it; still missing: ${list}.`);

const ownPlan = ownOrganisation("PROVIDER", "delivery plan");

// A suspended plan is reinstated to the approval it was suspended from, so its conditions still apply.
const approvedWithout: Guard<Ctx> = (ctx) => (ctx.approvedWithConditions ? "This plan was approved with conditions." : null);
const approvedWith: Guard<Ctx> = (ctx) => (ctx.approvedWithConditions ? null : "This plan was approved without conditions.");

type DecisionName = "requestChanges" | "approve" | "approveWithConditions" | "reject";

function decision(
  name: DecisionName,
  to: DeliveryPlanStatus,
  label: string,
  verb: string,
  participle: string,
  extra: { guard?: Guard<Ctx>; input?: Guard<Ctx> } = {},
): Transition<DeliveryPlanStatus, Ctx, DecisionName> {
  return {
    name,
    from: ["IN_REVIEW"],
    to,
    roles: STAFF,
    label,
    verb,
    participle,
    ...extra,
    input: extra.input ?? requireRationale(),
  };
}

export const deliveryPlanMachine = defineMachine<DeliveryPlanStatus, Ctx>()({
  entity: "DeliveryPlan",
  noun: "delivery plan",
  states: DELIVERY_PLAN_STATES,
  initial: "DRAFT",
  labels: {
    DRAFT: "Draft",
    SUBMITTED: "Submitted",
    IN_REVIEW: "In review",
    CHANGES_REQUESTED: "Changes requested",
    APPROVED: "Approved",
    APPROVED_WITH_CONDITIONS: "Approved with conditions",
    REJECTED: "Rejected",
    SUSPENDED: "Suspended",
    CLOSED: "Closed",
  },
  transitions: [
    {
      name: "edit",
      from: ["DRAFT", "CHANGES_REQUESTED"],
      to: UNCHANGED,
      roles: ["PROVIDER"],
      label: "Edit plan",
      verb: "edit a delivery plan",
      participle: "edited",
      guard: ownPlan,
    },
    {
      name: "submit",
      from: ["DRAFT", "CHANGES_REQUESTED"],
      to: "SUBMITTED",
      roles: ["PROVIDER"],
      label: "Submit for approval",
      verb: "submit a delivery plan",
      participle: "submitted",
      guard: allOf(ownPlan, credentialDeliverable, everyOutcomeMapped, detailsComplete),
    },
    {
      name: "startReview",
      from: ["SUBMITTED"],
      to: "IN_REVIEW",
      roles: STAFF,
      label: "Start review",
      verb: "start the review of a delivery plan",
      participle: "put into review",
    },
    decision("requestChanges", "CHANGES_REQUESTED", "Request changes", "request changes to a delivery plan", "sent back for changes"),
    // Approval and reinstatement re-check the credential: it may have been withdrawn since submission.
    decision("approve", "APPROVED", "Approve", "approve a delivery plan", "approved", { guard: credentialDeliverable }),
    decision(
      "approveWithConditions",
      "APPROVED_WITH_CONDITIONS",
      "Approve with conditions",
      "approve a delivery plan with conditions",
      "approved with conditions",
      {
        guard: credentialDeliverable,
        input: allOf<Ctx>(requireRationale(), requireConditions("approve with conditions")),
      },
    ),
    decision("reject", "REJECTED", "Reject", "reject a delivery plan", "rejected"),
    {
      name: "suspend",
      from: DELIVERING_PLAN_STATES,
      to: "SUSPENDED",
      roles: STAFF,
      label: "Suspend plan",
      verb: "suspend a delivery plan",
      participle: "suspended",
      input: requireReason("suspending this delivery plan"),
    },
    {
      name: "reinstate",
      from: ["SUSPENDED"],
      to: "APPROVED",
      roles: STAFF,
      label: "Reinstate plan",
      verb: "reinstate a delivery plan",
      participle: "reinstated",
      guard: allOf(credentialDeliverable, approvedWithout),
    },
    {
      name: "reinstateWithConditions",
      from: ["SUSPENDED"],
      to: "APPROVED_WITH_CONDITIONS",
      roles: STAFF,
      label: "Reinstate plan",
      verb: "reinstate a delivery plan",
      participle: "reinstated with its conditions",
      guard: allOf(credentialDeliverable, approvedWith),
    },
    // What a plan's status permits of the records that hang off it: each keeps the plan's state, and locks it while
    // the record is made, so the plan cannot be suspended or closed between the check and the new record.
    {
      name: "scheduleQualityReview",
      from: DELIVERING_PLAN_STATES,
      to: UNCHANGED,
      roles: STAFF,
      label: "Schedule a quality review",
      verb: "schedule a quality review",
      participle: "given a quality review",
    },
    {
      name: "openAnnualReturn",
      from: DELIVERING_PLAN_STATES,
      to: UNCHANGED,
      roles: STAFF,
      label: "Open this year's annual return",
      verb: "open an annual return",
      participle: "given an annual return",
    },
    {
      name: "recordCompletion",
      from: COMPLETION_PLAN_STATES,
      to: UNCHANGED,
      roles: ["PROVIDER"],
      label: "Record a completion",
      verb: "record a completion",
      participle: "given completions",
      guard: ownPlan,
    },
    {
      name: "reportImpact",
      from: REPORTING_PLAN_STATES,
      to: UNCHANGED,
      roles: ["PROVIDER"],
      label: "Start an impact return",
      verb: "start an impact return",
      participle: "reported on for impact yet",
      guard: ownPlan,
    },
    {
      name: "reportChange",
      from: DELIVERING_PLAN_STATES,
      to: UNCHANGED,
      roles: ["PROVIDER"],
      label: "Report a change",
      verb: "report a change to a delivery plan",
      participle: "reported as changed",
      guard: ownPlan,
    },
    // Enhanced monitoring hangs off a delivering plan; placing it locks the plan, so two staff cannot place it twice.
    {
      name: "placeUnderEnhancedMonitoring",
      from: DELIVERING_PLAN_STATES,
      to: UNCHANGED,
      roles: STAFF,
      label: "Place under enhanced monitoring",
      verb: "place a plan under enhanced monitoring",
      participle: "placed under enhanced monitoring",
      input: requireReason("placing this plan under enhanced monitoring"),
    },
    // An approved re-mapping moves the plan to the credential's new specification version; the plan stays approved.
    {
      name: "adoptVersion",
      from: DELIVERING_PLAN_STATES,
      to: UNCHANGED,
      roles: STAFF,
      label: "Move to the new specification version",
      verb: "move a delivery plan to a new specification version",
      participle: "moved to a new specification version",
    },
    // A reported change can send an approved plan back to review, where staff decide it again as they did at first.
    {
      name: "reviewChange",
      from: DELIVERING_PLAN_STATES,
      to: "IN_REVIEW",
      roles: STAFF,
      label: "Review the plan again",
      verb: "send a delivery plan back to review",
      participle: "sent back to review",
      input: requireReason("sending this plan back to review"),
    },
    {
      name: "close",
      from: [...DELIVERING_PLAN_STATES, "SUSPENDED"],
      to: "CLOSED",
      roles: ["CENTRE_STAFF", "PROVIDER"],
      label: "Close plan",
      verb: "close a delivery plan",
      participle: "closed",
      guard: ownPlan,
      // Closing ends delivery for good: the provider and the Centre see why on the plan.
      input: requireReason("closing this delivery plan"),
    },
  ],
});
