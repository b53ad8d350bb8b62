import { ownOrganisation, requireReason } from "./guards";
import { defineMachine, STAFF } from "./types";

// A provider's yearly return on its delivery against the endorsed specification.

export const ANNUAL_RETURN_STATES = ["OPEN", "SUBMITTED", "QUERIED", "ACCEPTED"] as const;
export type AnnualReturnStatus = (typeof ANNUAL_RETURN_STATES)[number];

export interface AnnualReturnContext {
  /** The education provider making the return. */
  organisationId: string;
  reason?: string | null;
}

export const annualReturnMachine = defineMachine<AnnualReturnStatus, AnnualReturnContext>()({
  entity: "AnnualReturn",
  noun: "annual return",
  states: ANNUAL_RETURN_STATES,
  initial: "OPEN",
  labels: { OPEN: "Open", SUBMITTED: "Submitted", QUERIED: "Queried", ACCEPTED: "Accepted" },
  transitions: [
    {
      name: "submit",
      from: ["OPEN", "QUERIED"],
      to: "SUBMITTED",
      roles: ["PROVIDER"],
      label: "Submit return",
      verb: "submit an annual return",
      participle: "submitted",
      guard: ownOrganisation("PROVIDER", "annual return"),
    },
    {
      name: "query",
      from: ["SUBMITTED"],
      to: "QUERIED",
      roles: STAFF,
      label: "Query return",
      verb: "query an annual return",
      participle: "queried",
      input: requireReason("querying this annual return"),
    },
    {
      name: "accept",
      from: ["SUBMITTED"],
      to: "ACCEPTED",
      roles: STAFF,
      label: "Accept return",
      verb: "accept an annual return",
      participle: "accepted",
    },
  ],
});

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Late when still not submitted once its due day is over: `dueOn` is the due day (midnight UTC, as stored), and a
 * return submitted at any time on that day is on time. A queried return is not late: it was submitted, and the
 * query has its own conversation. The pages and the reminder job both ask this, so they agree.
 */
export function isLate(status: AnnualReturnStatus, dueOn: Date | null, now: Date): boolean {
  return status === "OPEN" && dueOn !== null && now.getTime() >= dueOn.getTime() + DAY_MS;
}
