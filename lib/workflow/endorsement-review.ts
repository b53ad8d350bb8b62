import { allOf, requireRationale } from "./guards";
import { expertiseMix, type ReviewerExpertiseContext } from "./reviewer-expertise";
import { enoughAssessments } from "./specification-version";
import { appealRefusal, type AppealFacts } from "./endorsement-appeal";
import { defineMachine, STAFF, UNCHANGED, type Guard } from "./types";

// The endorsement review of one submitted specification version. It opens with the first reviewers assigned (the
// version's `startReview`) and is decided once, together with the version's decision.

export const ENDORSEMENT_REVIEW_STATES = ["OPEN", "DECIDED"] as const;
export type EndorsementReviewStatus = (typeof ENDORSEMENT_REVIEW_STATES)[number];

export interface EndorsementReviewContext extends ReviewerExpertiseContext {
  /** Assessments submitted by reviewers who are still assigned. */
  submittedAssessmentCount: number;
  rationale?: string | null;
  /** What an appeal against the decision is judged on; only appealing asks. */
  appeal?: AppealFacts;
}

const mayAppeal: Guard<EndorsementReviewContext> = (ctx) =>
  ctx.appeal ? appealRefusal(ctx.actor, ctx.appeal) : "This decision cannot be appealed.";

export const endorsementReviewMachine = defineMachine<EndorsementReviewStatus, EndorsementReviewContext>()({
  entity: "EndorsementReview",
  noun: "endorsement review",
  states: ENDORSEMENT_REVIEW_STATES,
  initial: "OPEN",
  labels: { OPEN: "Open", DECIDED: "Decided" },
  transitions: [
    {
      name: "assignReviewers",
      from: ["OPEN"],
      to: UNCHANGED,
      roles: STAFF,
      label: "Assign reviewers",
      verb: "assign reviewers",
      participle: "given more reviewers",
    },
    {
      name: "decide",
      from: ["OPEN"],
      to: "DECIDED",
      roles: STAFF,
      label: "Record decision",
      verb: "decide on an endorsement review",
      participle: "decided again",
      guard: allOf<EndorsementReviewContext>(enoughAssessments, expertiseMix),
      input: requireRationale(),
    },
    {
      // Appealing keeps the review decided; its lock makes two appeals lodged at once one appeal.
      name: "appeal",
      from: ["DECIDED"],
      to: UNCHANGED,
      roles: ["EXPERT"],
      label: "Appeal the decision",
      verb: "appeal an endorsement decision",
      participle: "appealed",
      guard: mayAppeal,
    },
    {
      // An upheld appeal sends a declined specification back for a new decision.
      name: "reopen",
      from: ["DECIDED"],
      to: "OPEN",
      roles: STAFF,
      label: "Reopen the review",
      verb: "reopen an endorsement review",
      participle: "reopened",
    },
  ],
});
