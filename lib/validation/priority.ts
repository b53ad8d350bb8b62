import { z } from "zod";
import { id, lines, optionalInt, optionalText, requiredText, version } from "@/lib/validation/common";

export const roundCreateSchema = z.object({
  name: requiredText("the round name", 100).regex(/^[\w /-]+$/, "Use letters, numbers, spaces, / or - in the round name"),
});

export const priorityFieldsSchema = z.object({
  title: requiredText("a title", 200),
  workforceNeed: requiredText("the workforce need"),
  populationNeed: requiredText("the population or patient need"),
  longTermPlanLink: requiredText("the link to the NHS Long Term Plan"),
  professions: lines.refine((v) => v.length > 0, "Enter at least one profession in scope"),
  estimatedScale: optionalInt("estimated scale"),
});

export const priorityCreateSchema = priorityFieldsSchema.extend({ roundId: id });
export const priorityEditSchema = priorityFieldsSchema.extend({ id, version });
export const transitionSchema = z.object({ id, version, reason: optionalText(2000) });
export const reasonedTransitionSchema = (purpose: string) =>
  z.object({ id, version, reason: requiredText(`a reason for ${purpose}`, 2000) });
