import { allOf, ownOrganisation, requireReason } from "./guards";
import { GATEWAY_OUTCOME_LABELS, priorityMachine, type GatewayOutcome, type PriorityStatus } from "./priority";
import { defineMachine, STAFF, STAFF_OR_SYSTEM, type Guard } from "./types";

export const COMMISSION_STATES = ["DRAFT", "ISSUED", "ACCEPTED", "DECLINED", "COMPLETED", "CANCELLED"] as const;
export type CommissionStatus = (typeof COMMISSION_STATES)[number];

export interface CommissionContext {
  /** The commissioned expert group. */
  organisationId: string;
  priorityStatus: PriorityStatus;
  gatewayOutcome: GatewayOutcome;
  reason?: string | null;
}

const priorityPublished: Guard<CommissionContext> = (ctx) =>
  ctx.priorityStatus === "PUBLISHED"
    ? null
    : `A commission can only be issued for a published priority; this priority is ${priorityMachine.labels[ctx.priorityStatus]}.`;

const gatewayPassed: Guard<CommissionContext> = (ctx) =>
  ctx.gatewayOutcome === "PASSED"
    ? null
    : `Only a priority that has passed the gateway can be commissioned; its gateway outcome is ${GATEWAY_OUTCOME_LABELS[ctx.gatewayOutcome]}.`;

const commissionedExpert = ownOrganisation("EXPERT", "commission");

export const commissionMachine = defineMachine<CommissionStatus, CommissionContext>()({
  entity: "Commission",
  noun: "commission",
  states: COMMISSION_STATES,
  initial: "DRAFT",
  labels: {
    DRAFT: "Draft",
    ISSUED: "Issued",
    ACCEPTED: "Accepted",
    DECLINED: "Declined",
    COMPLETED: "Completed",
    CANCELLED: "Cancelled",
  },
  transitions: [
    { name: "edit", from: ["DRAFT"], to: "DRAFT", roles: STAFF, label: "Edit commission", verb: "edit a commission", participle: "edited" },
    {
      name: "issue",
      from: ["DRAFT"],
      to: "ISSUED",
      roles: STAFF,
      label: "Issue commission",
      verb: "issue a commission",
      participle: "issued",
      guard: allOf(priorityPublished, gatewayPassed),
    },
    {
      name: "accept",
      from: ["ISSUED"],
      to: "ACCEPTED",
      roles: ["EXPERT"],
      label: "Accept commission",
      verb: "accept a commission",
      participle: "accepted",
      guard: commissionedExpert,
    },
    {
      name: "decline",
      from: ["ISSUED"],
      to: "DECLINED",
      roles: ["EXPERT"],
      label: "Decline commission",
      verb: "decline a commission",
      participle: "declined",
      guard: commissionedExpert,
      input: requireReason("declining this commission"),
    },
    {
      name: "complete",
      from: ["ACCEPTED"],
      to: "COMPLETED",
      roles: STAFF_OR_SYSTEM,
      label: "Mark as completed",
      verb: "complete a commission",
      participle: "completed",
    },
    {
      name: "cancel",
      from: ["DRAFT", "ISSUED", "ACCEPTED"],
      to: "CANCELLED",
      roles: STAFF,
      label: "Cancel commission",
      verb: "cancel a commission",
      participle: "cancelled",
      input: requireReason("cancelling this commission"),
    },
  ],
});
