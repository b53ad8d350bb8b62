import { z } from "zod";
import { startOfDay } from "@/lib/dates";
import { APPEAL_OUTCOMES, ENDORSEMENT_DECISIONS, quorumProblem } from "@/lib/workflow";
import {
  ID_PATTERN,
  id,
  MAX_LIST_ITEMS,
  reasonField,
  reasonedTransitionSchema,
  requiredChoice,
  requiredDate,
  requiredLine,
  requiredText,
  version,
} from "@/lib/validation/common";

/** A checkbox list arrives as one string when one box is ticked, and is missing when none is. */
const idList = (message: string, required: boolean) =>
  z
    .union([z.string(), z.array(z.string()).max(MAX_LIST_ITEMS, message)], { error: message })
    .optional()
    .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))])
    .refine((v) => (!required || v.length > 0) && v.every((s) => ID_PATTERN.test(s)), message);

export const panelCreateSchema = z
  .object({
    title: requiredLine("a title for the meeting", 200),
    meetsOn: requiredDate("the date of the meeting").refine(
      (d) => d.getTime() >= startOfDay(new Date()).getTime(),
      "The date of the meeting must be today or in the future",
    ),
    memberIds: idList("Choose the panel's members", true),
    chairId: requiredChoice("the chair"),
    quorum: z.coerce.number({ error: "The quorum must be a whole number" }).int("The quorum must be a whole number"),
  })
  .superRefine((v, ctx) => {
    const problem = quorumProblem(v.quorum, v.memberIds.length);
    if (problem) ctx.addIssue({ code: "custom", path: ["quorum"], message: problem });
    if (v.memberIds.length > 0 && !v.memberIds.includes(v.chairId)) {
      ctx.addIssue({ code: "custom", path: ["chairId"], message: "Choose the chair from the panel's members" });
    }
  });

export const agendaAddSchema = z.object({ id, version, reviewId: requiredChoice("a reviewed candidate specification") });
export const agendaWithdrawSchema = reasonedTransitionSchema("taking this specification off the agenda");
export const attendanceSchema = z.object({ id, version, attendedIds: idList("Choose the members who attended", false) });
export const recommendationSchema = z.object({
  id,
  version,
  recommendation: z.enum(ENDORSEMENT_DECISIONS, { error: "Choose the panel's recommendation" }),
  note: requiredText("a note of the panel's reasons", 5000),
});
export const minutesSchema = z.object({ id, version, minutes: requiredText("the minutes of the meeting", 20000) });

export const appealLodgeSchema = z.object({ id, version, grounds: requiredText("the grounds for your appeal", 10000) });
export const appealOutcomeSchema = z.object({
  id,
  version,
  outcome: z.enum(APPEAL_OUTCOMES, { error: "Choose whether the appeal is upheld or dismissed" }),
  reason: reasonField("this outcome"),
});
