import { defineMachine, type ActorRole, type NoFacts } from "./types";

// Comments on a specification version. Who can see the version is decided by the data layer's scoped reads.

export const COMMENT_STATES = ["OPEN", "RESOLVED"] as const;
export type CommentStatus = (typeof COMMENT_STATES)[number];
export type CommentContext = NoFacts;

const VERSION_READERS: readonly ActorRole[] = ["CENTRE_STAFF", "REVIEWER", "EXPERT"];

export const commentMachine = defineMachine<CommentStatus, CommentContext>()({
  entity: "Comment",
  noun: "comment",
  states: COMMENT_STATES,
  initial: "OPEN",
  labels: { OPEN: "Open", RESOLVED: "Resolved" },
  transitions: [
    {
      name: "resolve",
      from: ["OPEN"],
      to: "RESOLVED",
      roles: VERSION_READERS,
      label: "Resolve",
      verb: "resolve a comment",
      participle: "resolved",
    },
    {
      name: "reopen",
      from: ["RESOLVED"],
      to: "OPEN",
      roles: VERSION_READERS,
      label: "Reopen",
      verb: "reopen a comment",
      participle: "reopened",
    },
  ],
});
