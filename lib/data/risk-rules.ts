import "server-only";
import { recordAudit } from "@/lib/audit";
import { startOfDay } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { assertAdmin, fieldError } from "@/lib/data/admin-guard";
import { defineCommand } from "@/lib/data/command";
import { AppError, stale } from "@/lib/errors";
import { riskRuleSetSchema } from "@/lib/validation/monitoring";
import type { Actor } from "@/lib/workflow";

// Versioned risk rules. A published version never changes: admins publish a new one, which takes effect on its date;
// each plan's rating records the version it was worked out with, so a past rating keeps reading as it was made.

export const RULE_SET_SELECT = {
  id: true,
  number: true,
  effectiveFrom: true,
  source: true,
  withdrawalMediumPercent: true,
  withdrawalHighPercent: true,
  satisfactionBelowPercent: true,
  requiresImprovementLevel: true,
  doesNotMeetLevel: true,
  overdueReturnLevel: true,
  reviewMonthsLow: true,
  reviewMonthsMedium: true,
  reviewMonthsHigh: true,
  createdAt: true,
} as const;

/** The version in effect on `now`'s day: the latest to have taken effect; null when none has. */
export function ruleSetInEffect(client: Tx, now = new Date()) {
  return client.riskRuleSet.findFirst({
    where: { effectiveFrom: { lte: startOfDay(now) } },
    orderBy: [{ effectiveFrom: "desc" }, { number: "desc" }],
    select: RULE_SET_SELECT,
  });
}
export type RuleSet = NonNullable<Awaited<ReturnType<typeof ruleSetInEffect>>>;

export const RULE_SETS_SHOWN = 20;

const mayRead = (actor: Actor) => {
  if (actor.role !== "CENTRE_STAFF") throw new AppError("NOT_ALLOWED", "Only Centre staff can read the risk rules.");
};

/** Every version, newest first (staff read them; admins publish), with the one in effect today. */
export async function riskRuleSets(actor: Actor, now = new Date()) {
  mayRead(actor);
  const [sets, inEffect] = await Promise.all([
    db().riskRuleSet.findMany({ orderBy: { number: "desc" }, take: RULE_SETS_SHOWN, select: RULE_SET_SELECT }),
    ruleSetInEffect(db(), now),
  ]);
  return { sets, inEffectId: inEffect?.id ?? null };
}

/**
 * Publishes the next version. The form says which version it was based on: if another admin published one since,
 * this one is refused as stale, and the unique version number stops two publishing the same number at once.
 */
export const publishRiskRuleSet = defineCommand(riskRuleSetSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const latest = await tx.riskRuleSet.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  if ((latest?.number ?? 0) !== input.basedOn) throw stale();
  // Ratings already made keep their version: a set cannot take effect before today and change what was in effect.
  if (input.effectiveFrom.getTime() < startOfDay(new Date()).getTime()) {
    throw fieldError("effectiveFrom", "The date the rules take effect must be today or in the future");
  }
  const { basedOn, ...rules } = input;
  const set = await tx.riskRuleSet.create({ data: { ...rules, number: basedOn + 1 }, select: { id: true, number: true } });
  await recordAudit(tx, {
    entityType: "RiskRuleSet",
    entityId: set.id,
    action: "publish",
    to: "PUBLISHED",
    actor,
    data: { number: set.number, effectiveFrom: input.effectiveFrom.toISOString().slice(0, 10) },
  });
  return { id: set.id, number: set.number, transition: "publish" };
});
