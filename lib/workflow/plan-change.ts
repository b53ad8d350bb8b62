import { hasText, ownOrganisation, requireReason } from "./guards";
import { defineMachine, STAFF, type Guard } from "./types";

// A change a provider reports to a plan the Centre has approved. The category it chooses from a fixed list decides
// whether the change is minor or major; a minor change is noted, a major one needs the Centre's explicit approval or
// rejection, and either may send the plan back to review. Which organisation's changes a person may touch is decided
// by the data layer's scoped reads (another provider's change is not found); the machine also checks it for providers.

export const PLAN_CHANGE_STATES = [
  "REPORTED",
  "MORE_INFORMATION_REQUESTED",
  "NOTED",
  "APPROVED",
  "REJECTED",
  "PLAN_REVIEW_REQUIRED",
] as const;
export type PlanChangeStatus = (typeof PLAN_CHANGE_STATES)[number];

/** Still being triaged: with the Centre (reported) or with the provider (more information requested). */
export const OPEN_PLAN_CHANGE_STATES: readonly PlanChangeStatus[] = ["REPORTED", "MORE_INFORMATION_REQUESTED"];
export const isOpenPlanChange = (status: PlanChangeStatus) => OPEN_PLAN_CHANGE_STATES.includes(status);

export type PlanChangeKind = "MINOR" | "MAJOR";

/** The categories a provider chooses from; each fixes the kind, so no one has to judge it afresh. */
export const PLAN_CHANGE_CATEGORIES = {
  STAFFING: { label: "Staffing or supervision", kind: "MINOR", hint: "For example a new programme lead or supervisor." },
  DATES: { label: "Dates", kind: "MINOR", hint: "For example a later start date or a moved assessment window." },
  DELIVERY_MODE: { label: "Delivery mode", kind: "MINOR", hint: "For example blended learning instead of face to face." },
  ASSESSMENT: { label: "Assessment", kind: "MAJOR", hint: "How a learning outcome is assessed." },
  LEARNING_OUTCOMES: { label: "Learning outcomes or their mapping", kind: "MAJOR", hint: "Which module delivers an outcome." },
  PARTNER: { label: "Delivery partner", kind: "MAJOR", hint: "A partner organisation joins, leaves or changes its part." },
} as const satisfies Record<string, { label: string; kind: PlanChangeKind; hint: string }>;
export type PlanChangeCategory = keyof typeof PLAN_CHANGE_CATEGORIES;
export const PLAN_CHANGE_CATEGORY_NAMES = Object.keys(PLAN_CHANGE_CATEGORIES) as PlanChangeCategory[];

export const kindOf = (category: PlanChangeCategory): PlanChangeKind => PLAN_CHANGE_CATEGORIES[category].kind;
export const PLAN_CHANGE_KIND_LABELS: Record<PlanChangeKind, string> = { MINOR: "Minor", MAJOR: "Major" };

export interface PlanChangeContext {
  /** The education provider whose plan it is. */
  organisationId: string;
  kind: PlanChangeKind;
  /** The question, answer or reason given with the action. */
  reason?: string | null;
}
type Ctx = PlanChangeContext;

const ownChange = ownOrganisation("PROVIDER", "change");

const minorOnly: Guard<Ctx> = (ctx) =>
  ctx.kind === "MINOR" ? null : "A major change needs the Centre's approval: approve or reject it with a reason.";
const majorOnly: Guard<Ctx> = (ctx) =>
  ctx.kind === "MAJOR" ? null : "A minor change is noted, not approved or rejected; send the plan back to review if it needs one.";

const requireQuestion: Guard<Ctx> = (ctx) => (hasText(ctx.reason) ? null : "Say what more information the provider should give.");
const requireAnswer: Guard<Ctx> = (ctx) => (hasText(ctx.reason) ? null : "Give the information the Centre asked for.");

export const TRIAGE_TRANSITIONS = ["note", "requestInformation", "approve", "reject", "requireReview"] as const;
export type TriageTransition = (typeof TRIAGE_TRANSITIONS)[number];
/** Outcomes that cannot simply be undone: each is confirmed on its own page with a reason, not chosen in the triage form. */
export const CONFIRMED_TRIAGE_TRANSITIONS = ["reject", "requireReview"] as const satisfies readonly TriageTransition[];
export type ConfirmedTriage = (typeof CONFIRMED_TRIAGE_TRANSITIONS)[number];

export const planChangeMachine = defineMachine<PlanChangeStatus, Ctx>()({
  entity: "PlanChange",
  noun: "change",
  states: PLAN_CHANGE_STATES,
  initial: "REPORTED",
  labels: {
    REPORTED: "Reported",
    MORE_INFORMATION_REQUESTED: "More information requested",
    NOTED: "Noted",
    APPROVED: "Approved",
    REJECTED: "Rejected",
    PLAN_REVIEW_REQUIRED: "Plan review required",
  },
  transitions: [
    {
      name: "note",
      from: ["REPORTED"],
      to: "NOTED",
      roles: STAFF,
      label: "Note the change",
      verb: "note a change to a delivery plan",
      participle: "noted",
      guard: minorOnly,
    },
    {
      name: "requestInformation",
      from: ["REPORTED"],
      to: "MORE_INFORMATION_REQUESTED",
      roles: STAFF,
      label: "Ask for more information",
      verb: "ask for more information on a change",
      participle: "sent back for more information",
      input: requireQuestion,
    },
    {
      name: "answer",
      from: ["MORE_INFORMATION_REQUESTED"],
      to: "REPORTED",
      roles: ["PROVIDER"],
      label: "Send your answer",
      verb: "answer the Centre's question on a change",
      participle: "answered",
      guard: ownChange,
      input: requireAnswer,
    },
    {
      name: "approve",
      from: ["REPORTED"],
      to: "APPROVED",
      roles: STAFF,
      label: "Approve the change",
      verb: "approve a change to a delivery plan",
      participle: "approved",
      guard: majorOnly,
      input: requireReason("approving this change"),
    },
    {
      name: "reject",
      from: ["REPORTED"],
      to: "REJECTED",
      roles: STAFF,
      label: "Reject the change",
      verb: "reject a change to a delivery plan",
      participle: "rejected",
      guard: majorOnly,
      input: requireReason("rejecting this change"),
    },
    // The plan itself goes back to review (its own machine's `reviewChange`), in the same transaction.
    {
      name: "requireReview",
      from: ["REPORTED"],
      to: "PLAN_REVIEW_REQUIRED",
      roles: STAFF,
      label: "Require a review of the plan",
      verb: "require a review of a delivery plan",
      participle: "sent for a review of the plan",
      input: requireReason("requiring a review of the plan"),
    },
  ],
});
