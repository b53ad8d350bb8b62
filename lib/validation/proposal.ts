import { z } from "zod";
import { id, MAX_LIST_ITEMS, optionalText, requiredChoice, requiredLine, requiredText, version } from "@/lib/validation/common";
import { priorityFieldsSchema } from "@/lib/validation/priority";

const proposalFields = {
  title: requiredLine("a title for the area of practice", 200),
  needSummary: requiredText("a summary of the need", 5000),
  // A draft may leave evidence blank; submitting is refused until every criterion has some.
  evidence: z
    .array(z.object({ criterionId: id, text: optionalText(5000) }), { error: "Give evidence against the gateway criteria" })
    .max(MAX_LIST_ITEMS, "Give evidence against the gateway criteria")
    .optional()
    .default([]),
};

export const proposalCreateSchema = z.object(proposalFields);
export const proposalEditSchema = z.object({ id, version, ...proposalFields });

export const PROPOSAL_VERDICTS = ["MET", "NOT_MET", "MORE_EVIDENCE_NEEDED"] as const;

export const proposalAssessmentSchema = z.object({
  id,
  version,
  feedback: optionalText(5000),
  criteria: z
    .array(
      z.object({
        criterionId: id,
        // Left unanswered, a criterion keeps its earlier verdict (or stays unassessed).
        verdict: z.union([z.enum(PROPOSAL_VERDICTS, { error: "Choose met, not met or more evidence needed" }), z.literal("")]).optional(),
        comment: optionalText(5000),
      }),
      { error: "Assess the gateway criteria" },
    )
    .max(MAX_LIST_ITEMS, "Assess the gateway criteria")
    .optional()
    .default([]),
});

/** Accepting makes a draft priority in the chosen open round, from the proposal and what staff add. */
export const proposalAcceptSchema = priorityFieldsSchema.extend({ id, version, roundId: requiredChoice("an open priority round") });
