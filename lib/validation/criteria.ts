import { z } from "zod";
import { CRITERIA_SET_KINDS, REVIEWER_EXPERTISE } from "@/lib/workflow";
import { seenAt } from "@/lib/validation/account";
import { id, MAX_LIST_ITEMS, optionalId, optionalText, requiredDate, requiredLine, requiredText, version } from "@/lib/validation/common";

// Criteria sets (admins) and reviewer expertise (staff, on a person's page).

export const draftCriteriaSetSchema = z.object({ kind: z.enum(CRITERIA_SET_KINDS, { error: "Choose gateway or endorsement criteria" }) });

export const criteriaSetDetailsSchema = z.object({
  id,
  version,
  name: requiredLine("the name of the set", 200),
  source: requiredText("where the criteria are published", 1000),
});

/** "4", "4.1", "4.1(a)": the numbering the Centre's pages use. */
const CRITERION_NUMBER = /^\d{1,3}(\.\d{1,3})*(\([a-z]\))?$/;

const criterionFields = {
  id,
  version,
  number: requiredLine("the criterion number", 20).regex(CRITERION_NUMBER, "Enter the number like 4, 4.1 or 4.1(a)"),
  title: requiredLine("the title", 200),
  description: requiredText("what the criterion asks", 2000),
  guidance: optionalText(5000),
  sortOrder: z.coerce
    .number({ error: "The position must be a number" })
    .int("The position must be a whole number")
    .min(1, "The position must be 1 or more")
    .max(1000, "The position must be 1000 or less"),
};

export const addCriterionSchema = z.object({ ...criterionFields, parentId: optionalId("Choose the criterion this is a part of") });
export const changeCriterionSchema = z.object({ ...criterionFields, criterionId: id });
export const removeCriterionSchema = z.object({ id, version, criterionId: id });
export const publishCriteriaSetSchema = z.object({ id, version, effectiveFrom: requiredDate("the date the set takes effect") });

/** A checkbox list arrives as one string when one box is ticked, and is missing when none is. */
const expertiseChoices = z
  .union([z.string(), z.array(z.string()).max(REVIEWER_EXPERTISE.length)], { error: "Choose from the list" })
  .optional()
  .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])])
  .pipe(z.array(z.enum(REVIEWER_EXPERTISE, { error: "Choose from the list" })));

export const reviewerExpertiseSchema = z
  .object({
    id,
    seenAt,
    expertise: expertiseChoices,
    clinicalProfessions: optionalText(1000).transform((v) => [
      ...new Set(
        v
          .split(/[\n,]/)
          .map((p) => p.trim())
          .filter(Boolean),
      ),
    ]),
  })
  .superRefine((v, ctx) => {
    // Zod runs this even when a field failed its own check: a field that failed is not a list here.
    if (!Array.isArray(v.clinicalProfessions) || !Array.isArray(v.expertise)) return;
    if (v.clinicalProfessions.length > MAX_LIST_ITEMS) {
      ctx.addIssue({ code: "custom", path: ["clinicalProfessions"], message: `List at most ${MAX_LIST_ITEMS} professions` });
    }
    if (v.clinicalProfessions.some((p) => p.length > 100)) {
      ctx.addIssue({ code: "custom", path: ["clinicalProfessions"], message: "Each profession must be 100 characters or fewer" });
    }
    if (v.expertise.includes("CLINICAL") && v.clinicalProfessions.length === 0) {
      ctx.addIssue({ code: "custom", path: ["clinicalProfessions"], message: "Enter the professions of their clinical expertise" });
    }
    if (!v.expertise.includes("CLINICAL") && v.clinicalProfessions.length > 0) {
      ctx.addIssue({ code: "custom", path: ["clinicalProfessions"], message: "Tick clinical expertise, or clear the professions" });
    }
  });
