import { z } from "zod";
import { capitalise, id, optionalInt, optionalText, reasonField, requiredText, version, onePerLine } from "@/lib/validation/common";

// Delivery plans. A draft is saved leniently (blanks allowed, types checked); completeness is checked on submission.

/** A blank date is allowed in a draft and clears the stored one. */
const optionalDate = (what: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || !Number.isNaN(Date.parse(v)), `${capitalise(what)} must be a real date`)
    .transform((v) => (v ? new Date(v) : null));

export const planStartSchema = z.object({
  credentialId: z.string({ error: "Choose the credential" }).min(1, "Choose the credential"),
  programmeTitle: requiredText("the programme or module title", 200),
});

export const outcomeMappingSchema = z.object({
  learningOutcomeId: id,
  module: optionalText(300),
  assessment: optionalText(1000),
});

export const planEditSchema = z.object({
  id,
  version,
  programmeTitle: requiredText("the programme or module title", 200),
  award: optionalText(300),
  deliveryMode: optionalText(1000),
  startsOn: optionalDate("the start date"),
  cohortSize: optionalInt("cohort size", 1, 10_000),
  staffingAndSupervision: optionalText(5000),
  qualityAssurance: optionalText(5000),
  mappings: z.array(outcomeMappingSchema).optional().default([]),
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

export const planCommentSchema = z.object({ id, comment: requiredText("a comment", 5000) });

