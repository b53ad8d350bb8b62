import { z } from "zod";
import { capitalise, id, optionalInt, reasonField, requiredDate, requiredText, version } from "@/lib/validation/common";
import { RISK_LEVELS, RISK_MONTHS_MAX, ruleSetProblems } from "@/lib/workflow/monitoring";

// Risk rules, a plan's risk rating, enhanced monitoring and its reports.

const requiredInt = (what: string, min: number, max: number) =>
  optionalInt(what, min, max).transform((v, ctx) => {
    if (v !== undefined) return v;
    ctx.addIssue({ code: "custom", message: `Enter ${what}` });
    return z.NEVER;
  });
const percent = (what: string) => requiredInt(what, 0, 100);
const months = (what: string) => requiredInt(what, 1, RISK_MONTHS_MAX);
const level = (what: string) => z.enum(RISK_LEVELS, { error: `Choose ${what}` });

/** A new version of the risk rules, published over the latest one the admin saw (`basedOn`, 0 when there was none). */
export const riskRuleSetSchema = z
  .object({
    basedOn: requiredInt("the version the form was based on", 0, 1_000_000),
    effectiveFrom: requiredDate("the date the rules take effect"),
    source: requiredText("where these figures come from", 2000),
    withdrawalMediumPercent: percent("the withdrawal rate for medium risk"),
    withdrawalHighPercent: percent("the withdrawal rate for high risk"),
    satisfactionBelowPercent: percent("the learner satisfaction below which a plan is medium risk"),
    requiresImprovementLevel: level("the rating after a review that requires improvement"),
    doesNotMeetLevel: level("the rating after a review that does not meet standards"),
    overdueReturnLevel: level("the rating while an annual return is overdue"),
    reviewMonthsLow: months("the months to the next review of a low-risk plan"),
    reviewMonthsMedium: months("the months to the next review of a medium-risk plan"),
    reviewMonthsHigh: months("the months to the next review of a high-risk plan"),
  })
  .superRefine((rules, ctx) => {
    // Zod runs this even when a field failed its own check: compare only figures that are each in range.
    const percents = [rules.withdrawalMediumPercent, rules.withdrawalHighPercent];
    const intervals = [rules.reviewMonthsLow, rules.reviewMonthsMedium, rules.reviewMonthsHigh];
    const valid =
      percents.every((v) => Number.isInteger(v) && v >= 0 && v <= 100) &&
      intervals.every((v) => Number.isInteger(v) && v >= 1 && v <= RISK_MONTHS_MAX);
    if (!valid) return;
    for (const [field, message] of Object.entries(ruleSetProblems(rules))) {
      ctx.addIssue({ code: "custom", path: [field], message: capitalise(message) });
    }
  });

/** Staff asking for a plan's rating to be worked out now, under the rules in effect. */
export const planRateSchema = z.object({ planId: id });

export const riskOverrideSchema = z.object({
  id,
  version,
  level: level("the rating that applies instead"),
  reason: reasonField("overriding the rating"),
});

export const enhancedMonitoringPlaceSchema = z.object({
  planId: id,
  reason: reasonField("placing this plan under enhanced monitoring"),
});

export const monitoringReportSubmitSchema = z.object({
  id,
  version,
  narrative: requiredText("the report", 10_000),
});
