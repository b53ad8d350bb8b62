import { requireReason } from "./guards";
import { defineMachine, STAFF, UNCHANGED } from "./types";

export const PRIORITY_ROUND_STATES = ["DRAFT", "OPEN", "CLOSED"] as const;
export type PriorityRoundStatus = (typeof PRIORITY_ROUND_STATES)[number];
/** The reason given when closing the round. */
export type PriorityRoundContext = { reason?: string | null };

export const priorityRoundMachine = defineMachine<PriorityRoundStatus, PriorityRoundContext>()({
  entity: "PriorityRound",
  noun: "priority round",
  states: PRIORITY_ROUND_STATES,
  initial: "DRAFT",
  labels: { DRAFT: "Draft", OPEN: "Open", CLOSED: "Closed" },
  transitions: [
    { name: "open", from: ["DRAFT"], to: "OPEN", roles: STAFF, label: "Open round", verb: "open a priority round", participle: "opened" },
    {
      name: "addPriority",
      from: ["DRAFT", "OPEN"],
      to: UNCHANGED,
      roles: STAFF,
      label: "Add a priority",
      verb: "add a priority",
      participle: "given new priorities",
    },
    {
      name: "close",
      from: ["OPEN"],
      to: "CLOSED",
      roles: STAFF,
      label: "Close round",
      verb: "close a priority round",
      participle: "closed",
      // No priority can be added once a round is closed, and it cannot be reopened.
      input: requireReason("closing this priority round"),
    },
  ],
});
