import { z } from "zod";
import { optionalId, optionalInt, requiredText } from "@/lib/validation/common";

/** The lifecycle stages process feedback can be about, in lifecycle order. */
export const FEEDBACK_STAGES = [
  "PRIORITY_SETTING",
  "GATEWAY",
  "COMMISSIONING",
  "SPECIFICATION_DRAFTING",
  "ENDORSEMENT_REVIEW",
  "PUBLICATION",
  "DELIVERY_PLAN_APPROVAL",
  "QUALITY_REVIEW",
  "PERIODIC_REVIEW",
  "IMPACT_EVALUATION",
] as const;

export type FeedbackStage = (typeof FEEDBACK_STAGES)[number];

export const FEEDBACK_STAGE_LABELS: Record<FeedbackStage, string> = {
  PRIORITY_SETTING: "Priority setting",
  GATEWAY: "Gateway",
  COMMISSIONING: "Commissioning",
  SPECIFICATION_DRAFTING: "Specification drafting",
  ENDORSEMENT_REVIEW: "Endorsement review",
  PUBLICATION: "Publication",
  DELIVERY_PLAN_APPROVAL: "Delivery-plan approval",
  QUALITY_REVIEW: "Quality review",
  PERIODIC_REVIEW: "Periodic review",
  IMPACT_EVALUATION: "Impact evaluation",
};

export const processFeedbackSchema = z.object({
  stage: z.enum(FEEDBACK_STAGES, { error: "Choose the stage your feedback is about" }),
  credentialId: optionalId("Choose a credential from the list"),
  rating: optionalInt("the rating", 1, 5),
  comment: requiredText("your feedback", 5000),
});
