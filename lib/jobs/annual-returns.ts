import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { annualReturnLink } from "@/lib/data/annual-returns";
import { notifyPlanProviders } from "@/lib/data/delivery-plans";
import { formatDate } from "@/lib/format";
import { notifyStaff } from "@/lib/notify";
import { DELIVERING_PLAN_STATES, isLate } from "@/lib/workflow";
import { addDays, startOfDay } from "@/lib/dates";
import { openAnnualReturnsFor } from "@/lib/data/openings";
import { eachInTransaction, inBatches, SYSTEM_ACTOR } from "./system";

// The annual-return jobs: open each approved delivery's return for the year, remind the provider
// as it falls due, and flag it when late. Idempotent like every job (see lib/jobs/system.ts).

export const ANNUAL_RETURN_REMINDER_DAYS = 14;

/**
 * Opens the annual return for `now`'s year for every approved delivery plan that has none: unique
 * on (plan, year) and inserted with ON CONFLICT DO NOTHING, so a rerun opens nothing twice.
 */
export async function openAnnualReturns(db: PrismaClient, now: Date): Promise<number> {
  const year = now.getUTCFullYear();
  const plans = await db.deliveryPlan.findMany({
    where: { status: { in: [...DELIVERING_PLAN_STATES] }, annualReturns: { none: { year } } },
    select: { id: true, organisationId: true, programmeTitle: true },
  });
  return inBatches(db, plans, async (tx, batch) => (await openAnnualReturnsFor(tx, batch, now, SYSTEM_ACTOR)).length);
}

/**
 * Reminds providers of open returns due within ANNUAL_RETURN_REMINDER_DAYS (once per return), and
 * flags returns still open after their due date as late (once, audited as `flagLate`), telling the
 * provider and Centre staff. Returns how many returns were reminded or flagged.
 */
export async function remindAnnualReturns(db: PrismaClient, now: Date): Promise<number> {
  const today = startOfDay(now);
  const select = {
    id: true,
    status: true,
    year: true,
    dueOn: true,
    plan: { select: { organisationId: true, programmeTitle: true } },
  } as const;
  const dueSoon = await db.annualReturn.findMany({
    where: { status: "OPEN", remindedAt: null, dueOn: { gte: today, lte: addDays(today, ANNUAL_RETURN_REMINDER_DAYS) } },
    select,
  });
  const reminded = await eachInTransaction(db, dueSoon, async (tx, ret) => {
    const { count } = await tx.annualReturn.updateMany({
      where: { id: ret.id, status: "OPEN", remindedAt: null },
      data: { remindedAt: now },
    });
    if (count === 1) {
      await notifyPlanProviders(tx, ret.plan.organisationId, {
        kind: "REMINDERS",
        title: `Reminder: annual return ${ret.year} due ${formatDate(ret.dueOn)}: ${ret.plan.programmeTitle}`,
        body: "Your annual return on this delivery has not been submitted yet.",
        link: annualReturnLink(ret.id),
      });
    }
    return count === 1;
  });
  const open = await db.annualReturn.findMany({ where: { status: "OPEN", lateFlaggedAt: null, dueOn: { lt: today } }, select });
  const late = open.filter((r) => isLate(r.status, r.dueOn, now));
  const flagged = await eachInTransaction(db, late, async (tx, ret) => {
    const { count } = await tx.annualReturn.updateMany({
      where: { id: ret.id, status: "OPEN", lateFlaggedAt: null },
      data: { lateFlaggedAt: now },
    });
    if (count !== 1) return false;
    await recordAudit(tx, {
      entityType: "AnnualReturn",
      entityId: ret.id,
      action: "flagLate",
      from: "OPEN",
      to: "OPEN",
      actor: SYSTEM_ACTOR,
    });
    const message = {
      kind: "REMINDERS" as const,
      title: `Annual return ${ret.year} late: ${ret.plan.programmeTitle}`,
      body: `It was due on ${formatDate(ret.dueOn)} and has not been submitted.`,
      link: annualReturnLink(ret.id),
    };
    await notifyPlanProviders(tx, ret.plan.organisationId, message);
    await notifyStaff(tx, message);
    return true;
  });
  return reminded + flagged;
}
