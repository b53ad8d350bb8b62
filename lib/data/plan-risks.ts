import "server-only";
import { recordAudit } from "@/lib/audit";
import { addDays, startOfDay } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { RULE_SET_SELECT, ruleSetInEffect, type RuleSet } from "@/lib/data/risk-rules";
import { deliveryPlanScope, planRiskScope } from "@/lib/data/scope";
import { AppError } from "@/lib/errors";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { transitionSchema } from "@/lib/validation/common";
import { planRateSchema, riskOverrideSchema } from "@/lib/validation/monitoring";
import {
  DELIVERING_PLAN_STATES,
  effectiveLevel,
  isLate,
  nextReviewDue,
  planRiskMachine,
  rateRisk,
  RISK_LEVEL_LABELS,
  type Actor,
  type RiskFacts,
  type RiskLevel,
} from "@/lib/workflow";

// Each delivering plan's risk rating: worked out from its latest figures under the rules in effect (by the nightly
// job, and when an annual return is accepted or a quality review closed), kept with the rules version it used, and
// overridden by staff with a reason. The rating sets when the plan's next quality review is due.

/** What the rules look at for one plan, each figure aggregated in SQL; and the date its next review counts from. */
export async function riskFacts(client: Tx, planId: string, now: Date): Promise<RiskFacts & { reviewFrom: Date }> {
  const [plan, latest, lastReview, open] = await Promise.all([
    client.deliveryPlan.findUniqueOrThrow({ where: { id: planId }, select: { decidedAt: true, createdAt: true } }),
    client.annualReturn.findFirst({
      where: { planId, status: "ACCEPTED" },
      orderBy: { year: "desc" },
      select: { id: true, year: true, learnerSatisfaction: true },
    }),
    client.qualityReview.findFirst({
      where: { planId, status: "CLOSED", outcome: { not: null } },
      orderBy: [{ closedAt: "desc" }, { id: "asc" }],
      select: { outcome: true, closedAt: true },
    }),
    client.annualReturn.findMany({
      where: { planId, status: "OPEN", dueOn: { lt: startOfDay(now) } },
      select: { year: true, status: true, dueOn: true },
    }),
  ]);
  let latestReturn: RiskFacts["latestReturn"] = null;
  if (latest) {
    // The year's learners are its starts and those continuing from the year before, as the plan's trend counts them.
    const [year, before] = await Promise.all([
      client.annualReturnFigures.aggregate({
        where: { annualReturnId: latest.id },
        _sum: { starts: true, withdrawals: true },
        _count: true,
      }),
      client.annualReturnFigures.aggregate({
        where: { annualReturn: { planId, year: latest.year - 1, status: { in: ["SUBMITTED", "QUERIED", "ACCEPTED"] } } },
        _sum: { continuing: true },
      }),
    ]);
    if (year._count > 0 || latest.learnerSatisfaction !== null) {
      latestReturn = {
        year: latest.year,
        learners: (year._sum.starts ?? 0) + (before._sum.continuing ?? 0),
        withdrawals: year._sum.withdrawals ?? 0,
        satisfaction: latest.learnerSatisfaction,
      };
    }
  }
  return {
    latestReturn,
    lastReviewOutcome: lastReview?.outcome ?? null,
    overdueReturnYears: open.filter((r) => isLate(r.status, r.dueOn, now)).map((r) => r.year),
    reviewFrom: lastReview?.closedAt ?? plan.decidedAt ?? plan.createdAt,
  };
}

const summary = (level: RiskLevel, reasons: readonly string[], ruleSet: { number: number }) =>
  `${RISK_LEVEL_LABELS[level]} under risk rules version ${ruleSet.number}${reasons.length > 0 ? `: ${reasons.join("; ")}` : ""}`;

/**
 * Works out one plan's rating under `rules` and keeps it: a first rating is created, a changed one is the rating's
 * `rate` transition (an override stays in place, and its review date follows the override). Returns whether anything
 * changed, so the nightly job rewrites nothing that is the same.
 */
export async function ratePlan(tx: Tx, planId: string, rules: RuleSet, actor: Actor, now: Date): Promise<boolean> {
  const { reviewFrom, ...facts } = await riskFacts(tx, planId, now);
  const { level, reasons } = rateRisk(facts, rules);
  const current = await tx.planRisk.findUnique({
    where: { planId },
    select: {
      id: true,
      status: true,
      version: true,
      computed: true,
      overrideLevel: true,
      reasons: true,
      ruleSetId: true,
      nextReviewDueOn: true,
    },
  });
  const dueOn = nextReviewDue(reviewFrom, rules, current ? effectiveLevel({ ...current, computed: level }) : level);
  if (!current) {
    const created = await tx.planRisk.create({
      data: { planId, ruleSetId: rules.id, computed: level, reasons, nextReviewDueOn: dueOn, ratedAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      entityType: planRiskMachine.entity,
      entityId: created.id,
      action: "rate",
      to: "RATED",
      actor,
      reason: summary(level, reasons, rules),
      data: { planId, ruleSet: rules.number, level },
    });
    return true;
  }
  const same =
    current.computed === level &&
    current.ruleSetId === rules.id &&
    current.nextReviewDueOn.getTime() === dueOn.getTime() &&
    current.reasons.join("\n") === reasons.join("\n");
  if (same) return false;
  await applyTransition(tx, {
    machine: planRiskMachine,
    transition: "rate",
    row: current,
    actor,
    context: {},
    table: tx.planRisk,
    data: { ruleSetId: rules.id, computed: level, reasons, nextReviewDueOn: dueOn, ratedAt: now },
    reason: summary(level, reasons, rules),
    audit: { planId, ruleSet: rules.number, level },
  });
  return true;
}

/** Rates a plan under the rules in effect, if it is delivering and a rule set is in effect (after a return or review). */
export async function rateDeliveringPlan(tx: Tx, planId: string, actor: Actor, now = new Date()) {
  const [rules, plan] = await Promise.all([
    ruleSetInEffect(tx, now),
    tx.deliveryPlan.findFirst({ where: { id: planId, status: { in: [...DELIVERING_PLAN_STATES] } }, select: { id: true } }),
  ]);
  if (!rules || !plan) return false;
  return ratePlan(tx, planId, rules, actor, now);
}

/** Staff work a delivering plan's rating out now (a first rating, or after new rules take effect). */
export const ratePlanNow = defineCommand(planRateSchema, async (tx, input, actor) => {
  if (actor.role !== "CENTRE_STAFF") throw new AppError("NOT_ALLOWED", "Only Centre staff can work out a plan's risk rating.");
  const plan = await loadOrThrow(
    "Delivery plan",
    tx.deliveryPlan.findFirst({ where: { AND: [{ id: input.planId }, deliveryPlanScope(actor)] }, select: { id: true, status: true } }),
  );
  if (!DELIVERING_PLAN_STATES.includes(plan.status))
    throw new AppError("WRONG_STATE", "Only an approved plan that is delivering is rated.");
  const now = new Date();
  const rules = await ruleSetInEffect(tx, now);
  if (!rules) throw new AppError("WRONG_STATE", "No risk rules are in effect yet; a Centre admin publishes them under Admin, Risk rules.");
  await ratePlan(tx, plan.id, rules, actor, now);
  return { id: plan.id, planId: plan.id, transition: "rate" };
});

const RISK_SELECT = {
  id: true,
  planId: true,
  status: true,
  version: true,
  computed: true,
  reasons: true,
  overrideLevel: true,
  overrideReason: true,
  nextReviewDueOn: true,
  ratedAt: true,
  ruleSet: { select: RULE_SET_SELECT },
} as const;

/** A plan's rating for its page (staff only; null for anyone else, or before the plan is first rated). */
export async function planRiskOf(actor: Actor, planId: string) {
  const risk = await db().planRisk.findFirst({ where: { AND: [{ planId }, planRiskScope(actor)] }, select: RISK_SELECT });
  return risk ? { ...risk, level: effectiveLevel(risk) } : null;
}
export type PlanRiskView = NonNullable<Awaited<ReturnType<typeof planRiskOf>>>;

const loadRisk = (tx: Tx, actor: Actor, id: string) =>
  loadOrThrow("Risk rating", tx.planRisk.findFirst({ where: { AND: [{ id }, planRiskScope(actor)] }, select: RISK_SELECT }));

export const overridePlanRisk = defineCommand(riskOverrideSchema, async (tx, input, actor) => {
  const risk = await loadRisk(tx, actor, input.id);
  const { reviewFrom } = await riskFacts(tx, risk.planId, new Date());
  const result = await applyTransition(tx, {
    machine: planRiskMachine,
    transition: "override",
    row: risk,
    expectedVersion: input.version,
    actor,
    context: { overrideLevel: input.level, reason: input.reason },
    table: tx.planRisk,
    data: {
      overrideLevel: input.level,
      overrideReason: input.reason,
      nextReviewDueOn: nextReviewDue(reviewFrom, risk.ruleSet, input.level),
    },
    reason: input.reason,
    audit: { planId: risk.planId, from: risk.computed, level: input.level },
  });
  return { ...result, planId: risk.planId, transition: "override" };
});

export const clearPlanRiskOverride = defineCommand(transitionSchema, async (tx, input, actor) => {
  const risk = await loadRisk(tx, actor, input.id);
  const { reviewFrom } = await riskFacts(tx, risk.planId, new Date());
  const result = await applyTransition(tx, {
    machine: planRiskMachine,
    transition: "clearOverride",
    row: risk,
    expectedVersion: input.version,
    actor,
    context: {},
    table: tx.planRisk,
    data: { overrideLevel: null, overrideReason: null, nextReviewDueOn: nextReviewDue(reviewFrom, risk.ruleSet, risk.computed) },
    reason: input.reason || null,
    audit: { planId: risk.planId, level: risk.computed },
  });
  return { ...result, planId: risk.planId, transition: "clearOverride" };
});

/** How far ahead staff's to-do list shows quality reviews falling due. */
export const REVIEW_DUE_AHEAD_DAYS = 60;

/** Staff's to-do: delivering plans whose next quality review falls due soon and that have none planned or under way. */
export function qualityReviewsFallingDue(client: Tx, now: Date, take: number) {
  return client.planRisk.findMany({
    where: {
      nextReviewDueOn: { lte: addDays(startOfDay(now), REVIEW_DUE_AHEAD_DAYS) },
      plan: { status: { in: [...DELIVERING_PLAN_STATES] }, qualityReviews: { none: { status: { in: ["PLANNED", "IN_PROGRESS"] } } } },
    },
    orderBy: [{ nextReviewDueOn: "asc" }, { id: "asc" }],
    take,
    select: { id: true, nextReviewDueOn: true, plan: { select: { id: true, programmeTitle: true } } },
  });
}
