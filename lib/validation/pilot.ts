import { z } from "zod";
import { optionalText, requiredChoice, requiredLine } from "@/lib/validation/common";

export const PILOT_PHASES = ["PILOT_PHASE_1", "PILOT_PHASE_2"] as const;

export const pilotCreateSchema = z.object({
  title: requiredLine("a title", 200),
  summary: optionalText(2000),
  organisationId: requiredChoice("the expert group"),
  phase: z.enum(PILOT_PHASES, { error: "Choose the pilot phase" }),
});
