import { z } from "zod";
import { id, requiredText, version } from "@/lib/validation/common";
import { PLAN_CHANGE_CATEGORY_NAMES, TRIAGE_TRANSITIONS } from "@/lib/workflow/plan-change";

/** Long enough for a paragraph or two; a change needing more is a new plan, not a change notification. */
export const PLAN_CHANGE_TEXT_MAX = 2000;

export const planChangeReportSchema = z.object({
  planId: id,
  category: z.enum(PLAN_CHANGE_CATEGORY_NAMES, { error: "Choose what the change is about" }),
  whatChanged: requiredText("what has changed", PLAN_CHANGE_TEXT_MAX),
  why: requiredText("why it has changed", PLAN_CHANGE_TEXT_MAX),
});

/** Staff's triage: one outcome, and what they say to the provider (a question, a note or the reason for a decision). */
export const planChangeTriageSchema = z.object({
  id,
  version,
  outcome: z.enum(TRIAGE_TRANSITIONS, { error: "Choose what to do with the change" }),
  reason: requiredText("what you want to tell the provider", PLAN_CHANGE_TEXT_MAX),
});

export const planChangeAnswerSchema = z.object({
  id,
  version,
  answer: requiredText("your answer", PLAN_CHANGE_TEXT_MAX),
});
