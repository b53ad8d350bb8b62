import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openNextReport } from "@/lib/data/enhanced-monitoring";
import { ratePlans } from "@/lib/data/plan-risks";
import { ruleSetInEffect } from "@/lib/data/risk-rules";
import { DELIVERING_PLAN_STATES, UNFINISHED_REPORT_STATES } from "@/lib/workflow";
import { eachInTransaction, inBatches, SYSTEM_ACTOR } from "./system";

/** Plans rated per transaction: their facts are one statement, and most nights few ratings change. */
const RATING_BATCH_SIZE = 500;

// The monitoring jobs: rate every delivering plan under the risk rules in effect, and open the next report of every
// plan under enhanced monitoring that owes none. Idempotent like every job: an unchanged rating is not rewritten, and
// a report opens only when none is unfinished.

/** Rates each delivering plan under the rules in effect on `now`'s day; returns how many ratings changed. */
export async function ratePlanRisks(db: PrismaClient, now: Date): Promise<number> {
  const rules = await ruleSetInEffect(db, now);
  if (!rules) return 0;
  const plans = await db.deliveryPlan.findMany({ where: { status: { in: [...DELIVERING_PLAN_STATES] } }, select: { id: true } });
  // A few statements per batch of plans, plus a transition for each rating that changed.
  return inBatches(
    db,
    plans,
    (tx, batch) =>
      ratePlans(
        tx,
        batch.map((p) => p.id),
        rules,
        SYSTEM_ACTOR,
        now,
      ),
    RATING_BATCH_SIZE,
  );
}

/** Opens the next report for each active enhanced monitoring with none unfinished; returns how many opened. */
export async function openMonitoringReports(db: PrismaClient): Promise<number> {
  const spells = await db.enhancedMonitoring.findMany({
    where: { status: "ACTIVE", reports: { none: { status: { in: [...UNFINISHED_REPORT_STATES] } } } },
    select: {
      id: true,
      status: true,
      version: true,
      placedAt: true,
      plan: { select: { id: true, organisationId: true, programmeTitle: true } },
    },
  });
  return eachInTransaction(db, spells, async (tx, spell) => Boolean(await openNextReport(tx, spell, SYSTEM_ACTOR)));
}
