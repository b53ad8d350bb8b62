import { hasText, requireReason, thereAre } from "./guards";
import { defineMachine, STAFF, UNCHANGED, type ActorRole, type Guard } from "./types";

// A proposal for a credential's area of practice, made from the field against the gateway criteria. Which
// organisation's proposals a person may touch is decided by the data layer's scoped reads (another organisation's
// proposal is not found), so the machine only says who does what, when.

export const GATEWAY_PROPOSAL_STATES = [
  "DRAFT",
  "SUBMITTED",
  "UNDER_ASSESSMENT",
  "MORE_INFORMATION_REQUESTED",
  "ACCEPTED",
  "DECLINED",
] as const;
export type GatewayProposalStatus = (typeof GATEWAY_PROPOSAL_STATES)[number];

/** Expert groups and education providers propose; Centre staff assess. */
export const PROPOSERS: readonly ActorRole[] = ["EXPERT", "PROVIDER"];

export interface GatewayProposalContext {
  /** Gateway criteria (or parts) with no evidence yet. */
  unanswered: number;
  /** Gateway criteria (or parts) staff have not yet judged met, not met or more evidence needed. */
  unassessed: number;
  reason?: string | null;
}

/** Proposals the proposer may still change. */
export const PROPOSAL_EDITABLE: readonly GatewayProposalStatus[] = ["DRAFT", "MORE_INFORMATION_REQUESTED"];

const everyCriterionAnswered: Guard<GatewayProposalContext> = (ctx) =>
  ctx.unanswered === 0
    ? null
    : `Give evidence against every gateway criterion before submitting: ${thereAre(ctx.unanswered)} without evidence.`;

const everyCriterionAssessed: Guard<GatewayProposalContext> = (ctx) =>
  ctx.unassessed === 0 ? null : `Assess every gateway criterion before deciding: ${thereAre(ctx.unassessed)} not yet assessed.`;

const requireFeedback: Guard<GatewayProposalContext> = (ctx) =>
  hasText(ctx.reason) ? null : "Say what more information the proposer should give.";

export const gatewayProposalMachine = defineMachine<GatewayProposalStatus, GatewayProposalContext>()({
  entity: "GatewayProposal",
  noun: "gateway proposal",
  states: GATEWAY_PROPOSAL_STATES,
  initial: "DRAFT",
  labels: {
    DRAFT: "Draft",
    SUBMITTED: "Submitted",
    UNDER_ASSESSMENT: "Under assessment",
    MORE_INFORMATION_REQUESTED: "More information requested",
    ACCEPTED: "Accepted",
    DECLINED: "Declined",
  },
  transitions: [
    {
      name: "edit",
      from: PROPOSAL_EDITABLE,
      to: UNCHANGED,
      roles: PROPOSERS,
      label: "Save proposal",
      verb: "change a gateway proposal",
      participle: "changed",
    },
    {
      name: "submit",
      from: PROPOSAL_EDITABLE,
      to: "SUBMITTED",
      roles: PROPOSERS,
      label: "Submit proposal",
      verb: "submit a gateway proposal",
      participle: "submitted",
      guard: everyCriterionAnswered,
    },
    // Recording criterion verdicts and feedback; the first one takes the proposal into assessment.
    {
      name: "assess",
      from: ["SUBMITTED", "UNDER_ASSESSMENT"],
      to: "UNDER_ASSESSMENT",
      roles: STAFF,
      label: "Save assessment",
      verb: "assess a gateway proposal",
      participle: "assessed",
    },
    {
      name: "requestMoreInformation",
      from: ["UNDER_ASSESSMENT"],
      to: "MORE_INFORMATION_REQUESTED",
      roles: STAFF,
      label: "Ask for more information",
      verb: "ask for more information on a gateway proposal",
      participle: "sent back for more information",
      input: requireFeedback,
    },
    {
      name: "accept",
      from: ["UNDER_ASSESSMENT"],
      to: "ACCEPTED",
      roles: STAFF,
      label: "Accept into a priority round",
      verb: "accept a gateway proposal",
      participle: "accepted",
      guard: everyCriterionAssessed,
    },
    {
      name: "decline",
      from: ["UNDER_ASSESSMENT"],
      to: "DECLINED",
      roles: STAFF,
      label: "Decline proposal",
      verb: "decline a gateway proposal",
      participle: "declined",
      guard: everyCriterionAssessed,
      input: requireReason("declining this proposal"),
    },
  ],
});
