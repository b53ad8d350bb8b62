import { hasText } from "./guards";
import { defineMachine, STAFF, UNCHANGED } from "./types";

export const ENDORSEMENT_CONDITION_STATES = ["OPEN", "MET"] as const;
export type EndorsementConditionStatus = (typeof ENDORSEMENT_CONDITION_STATES)[number];

export interface EndorsementConditionContext {
  note?: string | null;
}

export const endorsementConditionMachine = defineMachine<EndorsementConditionStatus, EndorsementConditionContext>()({
  entity: "EndorsementCondition",
  noun: "condition",
  states: ENDORSEMENT_CONDITION_STATES,
  initial: "OPEN",
  labels: { OPEN: "Open", MET: "Met" },
  transitions: [
    {
      // When the condition must be met: none means before the credential is published (see mustBeMetBeforePublication).
      name: "setDueDate",
      from: ["OPEN"],
      to: UNCHANGED,
      roles: STAFF,
      label: "Set when it is due",
      verb: "set when a condition is due",
      participle: "given a due date",
    },
    {
      name: "markMet",
      from: ["OPEN"],
      to: "MET",
      roles: STAFF,
      label: "Mark as met",
      verb: "mark a condition as met",
      participle: "marked as met",
      input: (ctx) => (hasText(ctx.note) ? null : "Add a note saying how the condition was met."),
    },
    {
      name: "reopen",
      from: ["MET"],
      to: "OPEN",
      roles: STAFF,
      label: "Reopen condition",
      verb: "reopen a condition",
      participle: "reopened",
    },
  ],
});
