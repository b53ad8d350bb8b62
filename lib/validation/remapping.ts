import { z } from "zod";
import { id, reasonField, rows, version } from "@/lib/validation/common";
import { outcomeMappingSchema } from "@/lib/validation/delivery-plan";
import { MAX_OUTCOMES } from "@/lib/validation/specification";

// Re-mapping a delivery plan to a new specification version: the provider's mappings of the new and changed
// outcomes (saved or submitted), and staff's decision.

export const remappingSaveSchema = z.object({
  id,
  version,
  intent: z.enum(["save", "submit"], { error: "Choose whether to save or submit" }),
  mappings: rows(outcomeMappingSchema, MAX_OUTCOMES, `A plan can map up to ${MAX_OUTCOMES} learning outcomes`).optional().default([]),
});

export const remappingApproveSchema = z.object({ id, version });

export const remappingReturnSchema = z.object({ id, version, reason: reasonField("returning this re-mapping") });
