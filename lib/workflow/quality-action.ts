import { assignedReviewer, hasText, ownOrganisation, requireReason } from "./guards";
import { defineMachine, STAFF } from "./types";

// An action raised by a quality-review finding, owned by the provider.

export const QUALITY_ACTION_STATES = ["OPEN", "RESPONDED", "CLOSED"] as const;
export type QualityActionStatus = (typeof QUALITY_ACTION_STATES)[number];

export interface QualityActionContext {
  /** The education provider that owns the action. */
  organisationId: string;
  /** Reviewers assigned to the quality review that raised it. */
  reviewerIds: readonly string[];
  response?: string | null;
  reason?: string | null;
}
type Ctx = QualityActionContext;

const isAssignedReviewer = assignedReviewer<Ctx>(
  "quality review",
  (ctx) => ctx.reviewerIds,
  (ctx) => [ctx.organisationId],
);
const STAFF_OR_REVIEWER = [...STAFF, "REVIEWER"] as const;

export const qualityActionMachine = defineMachine<QualityActionStatus, Ctx>()({
  entity: "QualityAction",
  noun: "quality action",
  states: QUALITY_ACTION_STATES,
  initial: "OPEN",
  labels: { OPEN: "Open", RESPONDED: "Responded", CLOSED: "Closed" },
  transitions: [
    {
      name: "respond",
      from: ["OPEN"],
      to: "RESPONDED",
      roles: ["PROVIDER"],
      label: "Respond",
      verb: "respond to a quality action",
      participle: "responded to",
      guard: ownOrganisation("PROVIDER", "quality action"),
      input: (ctx) => (hasText(ctx.response) ? null : "Write your response to the action."),
    },
    {
      name: "close",
      from: ["RESPONDED"],
      to: "CLOSED",
      roles: STAFF_OR_REVIEWER,
      label: "Close action",
      verb: "close a quality action",
      participle: "closed",
      guard: isAssignedReviewer,
    },
    {
      name: "reopen",
      from: ["RESPONDED"],
      to: "OPEN",
      roles: STAFF_OR_REVIEWER,
      label: "Reopen action",
      verb: "reopen a quality action",
      participle: "reopened",
      guard: isAssignedReviewer,
      input: requireReason("reopening this action"),
    },
  ],
});

/** Overdue when not closed and past its due date (a response awaiting review still counts). */
export function isOverdue(status: QualityActionStatus, dueAt: Date | null, now: Date): boolean {
  return status !== "CLOSED" && dueAt !== null && now.getTime() > dueAt.getTime();
}
