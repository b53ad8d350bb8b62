import { allOf, requireReason } from "./guards";
import { defineMachine, listInWords, STAFF, STAFF_OR_SYSTEM, type Guard } from "./types";

export const CREDENTIAL_STATES = ["IN_DEVELOPMENT", "ENDORSED", "UNDER_PERIODIC_REVIEW", "REVISION_REQUIRED", "WITHDRAWN"] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATES)[number];

export const CREDENTIAL_ORIGINS = ["COMMISSIONED", "PILOT_PHASE_1", "PILOT_PHASE_2"] as const;
export type CredentialOrigin = (typeof CREDENTIAL_ORIGINS)[number];
export const CREDENTIAL_ORIGIN_LABELS: Record<CredentialOrigin, string> = {
  COMMISSIONED: "Commissioned",
  PILOT_PHASE_1: "Pilot phase 1 (completed resource)",
  PILOT_PHASE_2: "Pilot phase 2 (resource in development)",
};

export interface CredentialContext {
  publishedAt: Date | null;
  /** For publishing: the endorsement's conditions not yet met, with when each is due (none: before publication). */
  openConditions?: readonly { text: string; dueOn: Date | null }[];
  /** For publishing: the moment it would be published. */
  now?: Date;
  reason?: string | null;
}

const notYetPublished: Guard<CredentialContext> = (ctx) =>
  ctx.publishedAt === null ? null : "This credential has already been published in the catalogue.";

/**
 * Whether an open condition of endorsement stands in the way of publication. The catalogue tells providers a
 * credential is ready to deliver, so a condition is met first unless the Centre gave it a due date after launch
 * (say, a report on the first cohort); then it is published open, with its due date shown.
 */
export const mustBeMetBeforePublication = (condition: { dueOn: Date | null }, now: Date) =>
  condition.dueOn === null || condition.dueOn.getTime() <= now.getTime();

const conditionsMetForPublication: Guard<CredentialContext> = ({ openConditions, now }) => {
  // Fails closed: a caller that did not load the conditions cannot publish past them.
  if (!openConditions || !now) return "The credential's conditions of endorsement have not been checked.";
  const due = openConditions.filter((c) => mustBeMetBeforePublication(c, now));
  if (due.length === 0) return null;
  const which = due.length === 1 ? "its open condition" : `its ${due.length} open conditions`;
  return `Mark ${which} of endorsement as met before publishing it: ${listInWords(due.map((c) => `“${c.text}”`))}.`;
};

export const credentialMachine = defineMachine<CredentialStatus, CredentialContext>()({
  entity: "Credential",
  noun: "credential",
  states: CREDENTIAL_STATES,
  initial: "IN_DEVELOPMENT",
  labels: {
    IN_DEVELOPMENT: "In development",
    ENDORSED: "Endorsed",
    UNDER_PERIODIC_REVIEW: "Under periodic review",
    REVISION_REQUIRED: "Revision required",
    WITHDRAWN: "Withdrawn",
  },
  transitions: [
    {
      name: "endorse",
      from: ["IN_DEVELOPMENT", "REVISION_REQUIRED"],
      to: "ENDORSED",
      roles: STAFF,
      label: "Endorse credential",
      verb: "endorse a credential",
      participle: "endorsed",
    },
    {
      name: "publish",
      from: ["ENDORSED"],
      to: "ENDORSED",
      roles: STAFF,
      label: "Publish in catalogue",
      verb: "publish a credential",
      participle: "published",
      guard: allOf(notYetPublished, conditionsMetForPublication),
    },
    {
      name: "startPeriodicReview",
      from: ["ENDORSED"],
      to: "UNDER_PERIODIC_REVIEW",
      roles: STAFF_OR_SYSTEM,
      label: "Start periodic review",
      verb: "start the periodic review of a credential",
      participle: "put under periodic review",
    },
    {
      name: "reaffirm",
      from: ["UNDER_PERIODIC_REVIEW"],
      to: "ENDORSED",
      roles: STAFF,
      label: "Reaffirm endorsement",
      verb: "reaffirm a credential",
      participle: "reaffirmed",
    },
    {
      name: "requireRevision",
      from: ["UNDER_PERIODIC_REVIEW"],
      to: "REVISION_REQUIRED",
      roles: STAFF,
      label: "Require revision",
      verb: "require revision of a credential",
      participle: "sent for revision",
    },
    {
      name: "withdraw",
      from: ["ENDORSED", "UNDER_PERIODIC_REVIEW", "REVISION_REQUIRED"],
      to: "WITHDRAWN",
      roles: STAFF,
      label: "Withdraw credential",
      verb: "withdraw a credential",
      participle: "withdrawn",
      input: requireReason("withdrawing this credential"),
    },
  ],
});

/** A credential stays endorsed, and deliverable, while it is under periodic review or its revision is drafted. */
export function isEndorsedForDelivery(status: CredentialStatus): boolean {
  return status === "ENDORSED" || status === "UNDER_PERIODIC_REVIEW" || status === "REVISION_REQUIRED";
}

export const DEFAULT_REVIEW_INTERVAL_YEARS = 3;

/** When the next periodic review is due after an endorsement or reaffirmation. */
export function reviewDueFrom(endorsedAt: Date, years: number = DEFAULT_REVIEW_INTERVAL_YEARS): Date {
  const due = new Date(endorsedAt.getTime());
  due.setUTCFullYear(due.getUTCFullYear() + years);
  return due;
}
