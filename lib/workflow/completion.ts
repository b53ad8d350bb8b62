import { requireReason } from "./guards";
import { defineMachine, STAFF } from "./types";

// A practitioner's completion of a credential, recorded by the provider and recognised by the Centre
// (digital badge and directory annotation).

export const COMPLETION_STATES = ["RECORDED", "RECOGNISED", "REVOKED"] as const;
export type CompletionStatus = (typeof COMPLETION_STATES)[number];

export interface CompletionContext {
  reason?: string | null;
}

export const completionMachine = defineMachine<CompletionStatus, CompletionContext>()({
  entity: "Completion",
  noun: "completion",
  states: COMPLETION_STATES,
  initial: "RECORDED",
  labels: { RECORDED: "Recorded", RECOGNISED: "Recognised", REVOKED: "Revoked" },
  transitions: [
    {
      name: "recognise",
      from: ["RECORDED"],
      to: "RECOGNISED",
      roles: STAFF,
      label: "Recognise completion",
      verb: "recognise a completion",
      participle: "recognised",
    },
    {
      name: "revoke",
      from: ["RECORDED", "RECOGNISED"],
      to: "REVOKED",
      roles: STAFF,
      label: "Revoke",
      verb: "revoke a completion",
      participle: "revoked",
      input: requireReason("revoking this completion"),
    },
  ],
});
