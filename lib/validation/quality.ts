import { z } from "zod";
import { FINDING_RATINGS, QUALITY_OUTCOMES, STANDARD_AREAS } from "@/lib/workflow";
import { figuresSchema, learnerSatisfactionSchema } from "@/lib/validation/annual-return-figures";
import { id, lines, optionalText, requiredDate, requiredText, version } from "@/lib/validation/common";

// Annual returns, quality reviews, findings and quality actions.

export const annualReturnSubmitSchema = z.object({
  id,
  version,
  cohorts: requiredText("the cohorts (enrolled, completed, withdrawn, continuing)"),
  changesToDelivery: requiredText("the changes to delivery, or 'None'"),
  staffing: requiredText("the staffing and supervision this year"),
  concerns: requiredText("any concerns, or 'None'"),
  figures: figuresSchema,
  learnerSatisfaction: learnerSatisfactionSchema,
});

export const qualityReviewScheduleSchema = z.object({
  planId: id,
  scheduledOn: requiredDate("the review date"),
  reviewerIds: lines.refine((v) => v.length > 0, "Choose at least one reviewer"),
});

export const findingSchema = z.object({
  id,
  area: z.enum(STANDARD_AREAS, { error: "Choose the standard area" }),
  rating: z.enum(FINDING_RATINGS, { error: "Choose a rating" }),
  evidence: requiredText("the evidence for this finding"),
});

export const qualityActionRaiseSchema = z.object({
  findingId: id,
  description: requiredText("what the provider must do", 2000),
  dueOn: requiredDate("the due date"),
});

export const qualityActionRespondSchema = z.object({ id, version, response: requiredText("your response", 5000) });

export const qualityReviewCloseSchema = z.object({
  id,
  version,
  outcome: z.enum(QUALITY_OUTCOMES, { error: "Choose the outcome of the review" }),
  summary: optionalText(5000),
});
