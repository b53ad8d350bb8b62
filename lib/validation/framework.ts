import { z } from "zod";
import { PILLARS, UNCOVERED_DISPOSITIONS } from "@/lib/workflow";
import { id, MAX_LIST_ITEMS, optionalText, requiredText, version } from "@/lib/validation/common";

/** Checkboxes arrive as one string when one box is ticked, and are missing when none is. */
const tickedIds = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(id).max(MAX_LIST_ITEMS, "Choose capabilities from the list"),
);

/**
 * One outcome's core capabilities, ticked in one group per pillar. The groups are named for the outcome
 * (`capabilities.outcome2.CLINICAL_PRACTICE`) so that every field on a page of one form per outcome has its own id.
 */
export const outcomeCapabilitiesSchema = z.object({
  id,
  version,
  outcomeId: id,
  capabilities: z
    .record(z.string().regex(/^outcome[0-9]{1,3}$/), z.partialRecord(z.enum(PILLARS), tickedIds))
    .optional()
    .default({})
    .transform((outcomes) => [...new Set(Object.values(outcomes).flatMap((groups) => Object.values(groups).flatMap((ids) => ids ?? [])))]),
});

const uncovered = z
  .object({
    capabilityId: id,
    disposition: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(UNCOVERED_DISPOSITIONS, { error: "Choose an answer from the list" }).optional(),
    ),
    provision: optionalText(2000),
  })
  .superRefine((u, ctx) => {
    if (u.disposition === "OTHER_PROVISION" && u.provision === "") {
      ctx.addIssue({ code: "custom", path: ["provision"], message: "Say where practitioners meet this capability" });
    }
  });

/** What the specification says about each capability no outcome covers. */
export const uncoveredCapabilitiesSchema = z.object({
  id,
  version,
  uncovered: z.array(uncovered).max(MAX_LIST_ITEMS).optional().default([]),
});

export const coreCapabilityEditSchema = z.object({
  id,
  version,
  summary: requiredText("a summary of the capability", 1000),
});
