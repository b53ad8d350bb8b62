import { z } from "zod";
import {
  id,
  onePerLine,
  optionalDate,
  optionalInt,
  optionalText,
  reasonField,
  requiredChoice,
  requiredLine,
  requiredText,
  rows,
  version,
} from "@/lib/validation/common";
import { MAX_OUTCOMES } from "@/lib/validation/specification";

// Delivery plans. A draft is saved leniently (blanks allowed, types checked); completeness is checked on submission.

export const planStartSchema = z.object({
  credentialId: requiredChoice("the credential"),
  programmeTitle: requiredLine("the programme or module title", 200),
});

export const outcomeMappingSchema = z.object({
  learningOutcomeId: id,
  module: optionalText(300),
  assessment: optionalText(1000),
});

export const planEditSchema = z.object({
  id,
  version,
  programmeTitle: requiredLine("the programme or module title", 200),
  award: optionalText(300),
  deliveryMode: optionalText(1000),
  startsOn: optionalDate("the start date"),
  cohortSize: optionalInt("cohort size", 1, 10_000),
  staffingAndSupervision: optionalText(5000),
  qualityAssurance: optionalText(5000),
  mappings: rows(outcomeMappingSchema, MAX_OUTCOMES, `A plan can map up to ${MAX_OUTCOMES} learning outcomes`).optional().default([]),
});
export type PlanEditInput = z.output<typeof planEditSchema>;

export const planTransitionSchema = z.object({ id, version });

export const PLAN_DECISIONS = ["approve", "approveWithConditions", "requestChanges", "reject"] as const;
export type PlanDecision = (typeof PLAN_DECISIONS)[number];

export const planDecisionSchema = z
  .object({
    id,
    version,
    decision: z.enum(PLAN_DECISIONS, { error: "Choose a decision" }),
    rationale: requiredText("the rationale for this decision", 10000),
    conditions: onePerLine,
  })
  .refine((d) => d.decision !== "approveWithConditions" || d.conditions.length > 0, {
    path: ["conditions"],
    message: "Enter at least one condition, one per line",
  });

export const planSuspendSchema = z.object({ id, version, reason: reasonField("suspending this delivery plan") });
export const planCloseSchema = z.object({ id, version, reason: reasonField("closing this delivery plan") });

export const planCommentSchema = z.object({ id, comment: requiredText("a comment", 5000) });
