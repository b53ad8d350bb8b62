import { allOf, requireReason } from "./guards";
import { priorityRoundMachine, type PriorityRoundStatus } from "./priority-round";
import { defineMachine, STAFF, UNCHANGED, type Guard } from "./types";

export const PRIORITY_STATES = ["DRAFT", "PUBLISHED", "CLOSED"] as const;
export type PriorityStatus = (typeof PRIORITY_STATES)[number];

export interface PriorityContext {
  roundStatus: PriorityRoundStatus;
  /** Title, workforce need, population/patient need, Long Term Plan link, professions in scope, scale and rank. */
  hasRequiredFields: boolean;
  reason?: string | null;
}

const roundIsOpen: Guard<PriorityContext> = (ctx) =>
  ctx.roundStatus === "OPEN"
    ? null
    : `Priorities can only be published while their round is open; this round is ${priorityRoundMachine.labels[ctx.roundStatus]}.`;

const roundNotClosed: Guard<PriorityContext> = (ctx) =>
  ctx.roundStatus === "CLOSED" ? "This priority round is Closed, so its priorities cannot be reordered." : null;

const requiredFieldsPresent: Guard<PriorityContext> = (ctx) =>
  ctx.hasRequiredFields ? null : "Complete every required field of the priority before publishing it.";

export const priorityMachine = defineMachine<PriorityStatus, PriorityContext>()({
  entity: "Priority",
  noun: "priority",
  states: PRIORITY_STATES,
  initial: "DRAFT",
  labels: { DRAFT: "Draft", PUBLISHED: "Published", CLOSED: "Closed" },
  transitions: [
    {
      name: "edit",
      from: ["DRAFT", "PUBLISHED"],
      to: UNCHANGED,
      roles: STAFF,
      label: "Edit priority",
      verb: "edit a priority",
      participle: "edited",
    },
    // Moving a priority up or down its round: swaps ranks with its neighbour (closed priorities keep their place).
    {
      name: "rank",
      from: ["DRAFT", "PUBLISHED"],
      to: UNCHANGED,
      roles: STAFF,
      label: "Move",
      verb: "reorder priorities",
      participle: "reordered",
      guard: roundNotClosed,
    },
    {
      name: "publish",
      from: ["DRAFT"],
      to: "PUBLISHED",
      roles: STAFF,
      label: "Publish priority",
      verb: "publish a priority",
      participle: "published",
      guard: allOf(roundIsOpen, requiredFieldsPresent),
    },
    {
      name: "assessGateway",
      from: ["PUBLISHED"],
      to: "PUBLISHED",
      roles: STAFF,
      label: "Assess against gateway criteria",
      verb: "assess a priority against the gateway criteria",
      participle: "assessed against the gateway criteria",
    },
    {
      name: "close",
      from: ["PUBLISHED"],
      to: "CLOSED",
      roles: STAFF,
      label: "Close priority",
      verb: "close a priority",
      participle: "closed",
      input: requireReason("closing this priority"),
    },
  ],
});

export const GATEWAY_OUTCOMES = ["NOT_ASSESSED", "PASSED", "FAILED"] as const;
export type GatewayOutcome = (typeof GATEWAY_OUTCOMES)[number];
export const GATEWAY_OUTCOME_LABELS: Record<GatewayOutcome, string> = {
  NOT_ASSESSED: "Not assessed",
  PASSED: "Passed",
  FAILED: "Failed",
};

/** PASSED only when every criterion is assessed and met; FAILED when all are assessed and any is not met. */
export function gatewayOutcome(assessments: readonly { criterion: string; met: boolean }[], criteriaCount: number): GatewayOutcome {
  // A criterion assessed twice counts once, with its latest assessment.
  const latest = new Map(assessments.map((a) => [a.criterion, a.met]));
  if (criteriaCount <= 0 || latest.size < criteriaCount) return "NOT_ASSESSED";
  return [...latest.values()].every(Boolean) ? "PASSED" : "FAILED";
}
