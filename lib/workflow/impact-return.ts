import { ownOrganisation, requireReason } from "./guards";
import { defineMachine, STAFF, UNCHANGED } from "./types";

// A provider's impact figures for one delivery and period.

export const IMPACT_RETURN_STATES = ["DRAFT", "SUBMITTED", "QUERIED", "ACCEPTED"] as const;
export type ImpactReturnStatus = (typeof IMPACT_RETURN_STATES)[number];

export interface ImpactReturnContext {
  /** The education provider making the return. */
  organisationId: string;
  reason?: string | null;
}

const ownReturn = ownOrganisation("PROVIDER", "impact return");

export const impactReturnMachine = defineMachine<ImpactReturnStatus, ImpactReturnContext>()({
  entity: "ImpactReturn",
  noun: "impact return",
  states: IMPACT_RETURN_STATES,
  initial: "DRAFT",
  labels: { DRAFT: "Draft", SUBMITTED: "Submitted", QUERIED: "Queried", ACCEPTED: "Accepted" },
  transitions: [
    {
      name: "edit",
      from: ["DRAFT", "QUERIED"],
      to: UNCHANGED,
      roles: ["PROVIDER"],
      label: "Edit return",
      verb: "edit an impact return",
      participle: "edited",
      guard: ownReturn,
    },
    {
      name: "submit",
      from: ["DRAFT", "QUERIED"],
      to: "SUBMITTED",
      roles: ["PROVIDER"],
      label: "Submit return",
      verb: "submit an impact return",
      participle: "submitted",
      guard: ownReturn,
    },
    {
      name: "query",
      from: ["SUBMITTED"],
      to: "QUERIED",
      roles: STAFF,
      label: "Query return",
      verb: "query an impact return",
      participle: "queried",
      input: requireReason("querying this impact return"),
    },
    {
      name: "accept",
      from: ["SUBMITTED"],
      to: "ACCEPTED",
      roles: STAFF,
      label: "Accept return",
      verb: "accept an impact return",
      participle: "accepted",
    },
  ],
});
