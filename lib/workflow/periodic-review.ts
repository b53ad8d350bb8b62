import { hasText, nothingMissing } from "./guards";
import { can, defineMachine, STAFF, UNCHANGED, type Actor, type Guard } from "./types";

// Periodic review of an endorsed credential's currency, opened by a scheduled job ahead of `reviewDueAt`.

export const PERIODIC_REVIEW_STATES = ["SCHEDULED", "IN_PROGRESS", "CONCLUDED"] as const;
export type PeriodicReviewStatus = (typeof PERIODIC_REVIEW_STATES)[number];

export const PERIODIC_OUTCOMES = ["REAFFIRMED", "REVISION_REQUIRED", "WITHDRAWN"] as const;
export type PeriodicOutcome = (typeof PERIODIC_OUTCOMES)[number];
export const PERIODIC_OUTCOME_LABELS: Record<PeriodicOutcome, string> = {
  REAFFIRMED: "Reaffirmed",
  REVISION_REQUIRED: "Revision required",
  WITHDRAWN: "Withdrawn",
};

export const CURRENCY_CHECKS = [
  { key: "CHANGING_NEEDS", label: "Changing needs" },
  { key: "EVIDENCE_BASE", label: "Evidence base" },
  { key: "TECHNOLOGICAL_ADVANCES", label: "Technological advances" },
  { key: "NEW_MODELS_OF_CARE", label: "New models of care" },
] as const;
export type CurrencyCheck = (typeof CURRENCY_CHECKS)[number]["key"];

/** Labels of the currency checks not yet recorded, ready for `PeriodicReviewContext.incompleteChecks`. */
export function incompleteCurrencyChecks(recorded: readonly CurrencyCheck[]): string[] {
  return CURRENCY_CHECKS.filter((c) => !recorded.includes(c.key)).map((c) => c.label);
}

export interface PeriodicReviewContext {
  incompleteChecks: readonly string[];
  outcome?: PeriodicOutcome | null;
  rationale?: string | null;
}
type Ctx = PeriodicReviewContext;

const checksRecorded: Guard<Ctx> = (ctx) =>
  nothingMissing(ctx.incompleteChecks, (list) => `Record every currency check before concluding; still to do: ${list}.`);

const conclusionGiven: Guard<Ctx> = (ctx) => {
  if (ctx.outcome == null) return "Choose the outcome of the periodic review.";
  return hasText(ctx.rationale) ? null : "Give the rationale for the outcome.";
};

export const periodicReviewMachine = defineMachine<PeriodicReviewStatus, Ctx>()({
  entity: "PeriodicReview",
  noun: "periodic review",
  states: PERIODIC_REVIEW_STATES,
  initial: "SCHEDULED",
  labels: { SCHEDULED: "Scheduled", IN_PROGRESS: "In progress", CONCLUDED: "Concluded" },
  transitions: [
    {
      name: "start",
      from: ["SCHEDULED"],
      to: "IN_PROGRESS",
      roles: STAFF,
      label: "Start review",
      verb: "start a periodic review",
      participle: "started",
    },
    // A check is recorded (or corrected) only while the review is in progress; the first one starts it.
    {
      name: "recordCheck",
      from: ["IN_PROGRESS"],
      to: UNCHANGED,
      roles: STAFF,
      label: "Record currency check",
      verb: "record a currency check",
      participle: "changed",
    },
    {
      name: "conclude",
      from: ["IN_PROGRESS"],
      to: "CONCLUDED",
      roles: STAFF,
      label: "Conclude review",
      verb: "conclude a periodic review",
      participle: "concluded",
      guard: checksRecorded,
      input: conclusionGiven,
    },
  ],
});

/** Whether the actor may record a currency check now: in a review in progress, or a scheduled one its first check starts. */
export function takesCurrencyChecks(status: PeriodicReviewStatus, actor: Actor): boolean {
  const ctx = { incompleteChecks: [], actor };
  return can(periodicReviewMachine, "recordCheck", status, ctx) || can(periodicReviewMachine, "start", status, ctx);
}

export const PERIODIC_REVIEW_LEAD_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The scheduled job opens a review this many days ahead of the credential's review due date. */
export function dueForOpening(reviewDueAt: Date, now: Date, leadDays: number = PERIODIC_REVIEW_LEAD_DAYS): boolean {
  return now.getTime() >= reviewDueAt.getTime() - leadDays * DAY_MS;
}

export function isPeriodicReviewOverdue(status: PeriodicReviewStatus, reviewDueAt: Date, now: Date): boolean {
  return status !== "CONCLUDED" && now.getTime() > reviewDueAt.getTime();
}
