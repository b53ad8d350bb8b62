import "server-only";
import { recordAudits } from "@/lib/audit";
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
import type { QualityOutcome } from "@/lib/generated/prisma/enums";

// Each delivering plan's risk rating: worked out from its latest figures under the rules in effect (by the nightly
// job, and when an annual return is accepted or a quality review closed), kept with the rules version it used, and
// overridden by staff with a reason. The rating sets when the plan's next quality review is due.

type FactsRow = {
  planId: string;
  reviewFrom: Date;
  returnYear: number | null;
  satisfaction: number | null;
  figures: number;
  starts: number | null;
  withdrawals: number | null;
  continuing: number | null;
  lastReviewOutcome: QualityOutcome | null;
  /** Open returns due before today: their year and due date (milliseconds since 1970, UTC). */
  openBefore: { year: number; dueOn: number }[] | null;
};

/**
 * What the rules look at for each plan, every figure aggregated in SQL, in one statement however many plans (the
 * nightly job rates tens of thousands): its latest accepted return's learners (the year's starts and those
 * continuing from the year before, as the plan's trend counts them), withdrawals and satisfaction; its last closed
 * review's outcome; the years of its returns now late; and the date its next review counts from.
 */
export async function riskFactsFor(
  client: Tx,
  planIds: readonly string[],
  now: Date,
): Promise<Map<string, RiskFacts & { reviewFrom: Date }>> {
  if (planIds.length === 0) return new Map();
  const rows = await client.$queryRaw<FactsRow[]>`
    SELECT p.id AS "planId",
           coalesce(q."closedAt", p."decidedAt", p."createdAt") AS "reviewFrom",
           r.year AS "returnYear", r."learnerSatisfaction" AS satisfaction,
           coalesce(f.n, 0)::int AS figures, f.starts, f.withdrawals, b.continuing,
           q.outcome::text AS "lastReviewOutcome", o.open AS "openBefore"
    FROM "DeliveryPlan" p
    LEFT JOIN LATERAL (
      SELECT a.id, a.year, a."learnerSatisfaction" FROM "AnnualReturn" a
      WHERE a."planId" = p.id AND a.status = 'ACCEPTED' ORDER BY a.year DESC LIMIT 1
    ) r ON true
    LEFT JOIN LATERAL (
      SELECT count(*) AS n, sum(x.starts)::int AS starts, sum(x.withdrawals)::int AS withdrawals
      FROM "AnnualReturnFigures" x WHERE x."annualReturnId" = r.id
    ) f ON true
    LEFT JOIN LATERAL (
      SELECT sum(x.continuing)::int AS continuing FROM "AnnualReturnFigures" x
      JOIN "AnnualReturn" a ON a.id = x."annualReturnId"
      WHERE a."planId" = p.id AND a.year = r.year - 1 AND a.status IN ('SUBMITTED', 'QUERIED', 'ACCEPTED')
    ) b ON true
    LEFT JOIN LATERAL (
      SELECT v.outcome, v."closedAt" FROM "QualityReview" v
      WHERE v."planId" = p.id AND v.status = 'CLOSED' AND v.outcome IS NOT NULL
      ORDER BY v."closedAt" DESC NULLS LAST, v.id ASC LIMIT 1
    ) q ON true
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('year', a.year, 'dueOn', extract(epoch FROM a."dueOn") * 1000)) AS open FROM "AnnualReturn" a
      WHERE a."planId" = p.id AND a.status = 'OPEN' AND a."dueOn" < ${startOfDay(now)}
    ) o ON true
    WHERE p.id = ANY(${[...planIds]}::text[])`;
  return new Map(
    rows.map((row) => [
      row.planId,
      {
        latestReturn:
          row.returnYear !== null && (row.figures > 0 || row.satisfaction !== null)
            ? {
                year: row.returnYear,
                learners: (row.starts ?? 0) + (row.continuing ?? 0),
                withdrawals: row.withdrawals ?? 0,
                satisfaction: row.satisfaction,
              }
            : null,
        lastReviewOutcome: row.lastReviewOutcome,
        overdueReturnYears: (row.openBefore ?? []).filter((r) => isLate("OPEN", new Date(r.dueOn), now)).map((r) => r.year),
        reviewFrom: row.reviewFrom,
      },
    ]),
  );
}

/** One plan's facts (see `riskFactsFor`). */
export async function riskFacts(client: Tx, planId: string, now: Date): Promise<RiskFacts & { reviewFrom: Date }> {
  const facts = (await riskFactsFor(client, [planId], now)).get(planId);
  if (!facts) throw new AppError("NOT_FOUND", "Delivery plan not found.");
  return facts;
}

const summary = (level: RiskLevel, reasons: readonly string[], ruleSet: { number: number }) =>
  `${RISK_LEVEL_LABELS[level]} under risk rules version ${ruleSet.number}${reasons.length > 0 ? `: ${reasons.join("; ")}` : ""}`;

const CURRENT_SELECT = {
  id: true,
  planId: true,
  status: true,
  version: true,
  computed: true,
  overrideLevel: true,
  reasons: true,
  ruleSetId: true,
  nextReviewDueOn: true,
} as const;

/**
 * Works out each plan's rating under `rules` and keeps it: a first rating is created, a changed one is the rating's
 * `rate` transition (an override stays in place, and its review date follows the override). Returns how many
 * changed, so the nightly job rewrites nothing that is the same. The facts, the current ratings and the first
 * ratings take a statement each whatever the number of plans; each changed rating is its own transition.
 */
export async function ratePlans(tx: Tx, planIds: readonly string[], rules: RuleSet, actor: Actor, now: Date): Promise<number> {
  const [facts, currents] = await Promise.all([
    riskFactsFor(tx, planIds, now),
    tx.planRisk.findMany({ where: { planId: { in: [...planIds] } }, select: CURRENT_SELECT }),
  ]);
  const currentOf = new Map(currents.map((c) => [c.planId, c]));
  const firsts: { planId: string; level: RiskLevel; reasons: string[]; dueOn: Date }[] = [];
  let changed = 0;
  for (const [planId, { reviewFrom, ...planFacts }] of facts) {
    const { level, reasons } = rateRisk(planFacts, rules);
    const current = currentOf.get(planId);
    const dueOn = nextReviewDue(reviewFrom, rules, current ? effectiveLevel({ ...current, computed: level }) : level);
    if (!current) {
      firsts.push({ planId, level, reasons, dueOn });
      continue;
    }
    const same =
      current.computed === level &&
      current.ruleSetId === rules.id &&
      current.nextReviewDueOn.getTime() === dueOn.getTime() &&
      current.reasons.join("\n") === reasons.join("\n");
    if (same) continue;
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
    changed++;
  }
  if (firsts.length === 0) return changed;
  // A plan rated by someone else meanwhile keeps that rating (skipDuplicates on the unique plan), and is not counted.
  const created = await tx.planRisk.createManyAndReturn({
    data: firsts.map((f) => ({
      planId: f.planId,
      ruleSetId: rules.id,
      computed: f.level,
      reasons: f.reasons,
      nextReviewDueOn: f.dueOn,
      ratedAt: now,
    })),
    skipDuplicates: true,
    select: { id: true, planId: true },
  });
  const firstOf = new Map(firsts.map((f) => [f.planId, f]));
  await recordAudits(
    tx,
    created.map(({ id, planId }) => {
      const { level, reasons } = firstOf.get(planId)!;
      return {
        entityType: planRiskMachine.entity,
        entityId: id,
        action: "rate",
        to: "RATED",
        actor,
        reason: summary(level, reasons, rules),
        data: { planId, ruleSet: rules.number, level },
      };
    }),
  );
  return changed + created.length;
}

/** One plan's rating (see `ratePlans`); whether it changed. */
export async function ratePlan(tx: Tx, planId: string, rules: RuleSet, actor: Actor, now: Date): Promise<boolean> {
  return (await ratePlans(tx, [planId], rules, actor, now)) > 0;
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
