import { z } from "zod";
import { id, lines, MAX_LIST_ITEMS, optionalInt, requiredChoice, requiredLine, requiredText, version } from "@/lib/validation/common";

export const roundCreateSchema = z.object({
  name: requiredLine("the round name", 100).regex(/^[\w /-]+$/, "Use letters, numbers, spaces, / or - in the round name"),
});

export const priorityFieldsSchema = z.object({
  title: requiredLine("a title", 200),
  workforceNeed: requiredText("the workforce need"),
  populationNeed: requiredText("the population or patient need"),
  longTermPlanLink: requiredText("the link to the NHS Long Term Plan"),
  professions: lines.refine((v) => v.length > 0, "Enter at least one profession in scope"),
  estimatedScale: optionalInt("estimated scale"),
});

export const priorityCreateSchema = priorityFieldsSchema.extend({ roundId: requiredChoice("a round") });
export const priorityEditSchema = priorityFieldsSchema.extend({ id, version });

/** A rank move swaps with the neighbour the user saw; its id and version catch a reorder made meanwhile. */
export const moveSchema = z.object({
  id,
  version,
  direction: z.enum(["up", "down"], { error: "Choose up or down" }),
  neighbourId: id,
  neighbourVersion: version,
});

export const GATEWAY_ANSWERS = ["MET", "NOT_MET"] as const;

export const gatewayAssessmentSchema = z.object({
  id,
  version,
  criteria: z
    .array(
      z.object({
        criterionId: id,
        met: z.enum(GATEWAY_ANSWERS, { error: "Choose met or not met" }).transform((v) => v === "MET"),
        rationale: requiredText("the rationale", 5000),
      }),
      { error: "Assess every gateway criterion" },
    )
    .min(1, "Assess every gateway criterion")
    .max(MAX_LIST_ITEMS, "Assess every gateway criterion"),
});
