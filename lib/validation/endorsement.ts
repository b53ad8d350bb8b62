import { z } from "zod";
import { startOfDay } from "@/lib/dates";
import { CRITERION_RATINGS, ENDORSEMENT_DECISIONS } from "@/lib/workflow";
import {
  ID_PATTERN,
  id,
  MAX_LIST_ITEMS,
  onePerLine,
  optionalDate,
  optionalText,
  reasonField,
  reasonedTransitionSchema,
  requiredDate,
  requiredText,
  rows,
  version,
} from "@/lib/validation/common";

/** A checkbox list arrives as one string when one box is ticked, and is missing when none is. */
const choices = (message: string) =>
  z
    .union([z.string(), z.array(z.string()).max(MAX_LIST_ITEMS, message)], { error: message })
    .transform((v) => [...new Set((Array.isArray(v) ? v : [v]).filter(Boolean))])
    .refine((v) => v.length > 0 && v.every((s) => ID_PATTERN.test(s)), message);

/** An unanswered radio group is missing, or an empty string after a kept-value re-render. */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values, { error: message }).optional());

export const assignReviewersSchema = z.object({
  id,
  version,
  reviewerIds: choices("Choose at least one reviewer"),
  dueOn: requiredDate("the due date").refine((d) => d.getTime() > Date.now(), "The due date must be in the future"),
});

export const withdrawReviewerSchema = reasonedTransitionSchema("withdrawing this reviewer");

export const assessmentSchema = z.object({
  id,
  version,
  ratings: rows(
    z.object({
      criterionId: id,
      rating: optionalChoice(CRITERION_RATINGS, "Choose met, partially met or not met"),
      comment: optionalText(5000),
    }),
    MAX_LIST_ITEMS,
  )
    .optional()
    .default([]),
  overallComment: optionalText(10000),
  recommendation: optionalChoice(ENDORSEMENT_DECISIONS, "Choose a recommendation"),
});
export type AssessmentInput = z.output<typeof assessmentSchema>;

export const decisionSchema = z
  .object({
    id,
    version,
    decision: z.enum(ENDORSEMENT_DECISIONS, { error: "Choose a decision" }),
    rationale: requiredText("the rationale for this decision", 10000),
    conditions: onePerLine,
    // Required only when the decision differs from the panel's recommendation, which the command knows.
    departureReason: optionalText(2000),
  })
  .refine((d) => d.decision !== "ENDORSE_WITH_CONDITIONS" || d.conditions.length > 0, {
    path: ["conditions"],
    message: "Enter at least one condition, one per line",
  });

export const conditionMetSchema = z.object({ id, version, note: requiredText("a note saying how the condition was met", 2000) });
/** A due date after launch lets the credential be published first; blank means it must be met before publication. */
export const conditionDueSchema = z.object({
  id,
  version,
  dueOn: optionalDate("the due date").refine((d) => d === null || d.getTime() >= startOfDay(new Date()).getTime(), {
    message: "The due date must be today or in the future",
  }),
});
export const conditionReopenSchema = z.object({ id, version, reason: reasonField("reopening this condition") });
export const publishSchema = z.object({ id, version });
