import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openNextReport } from "@/lib/data/enhanced-monitoring";
import { keysetBatches } from "@/lib/data/keyset";
import { ratePlans } from "@/lib/data/plan-risks";
import { ruleSetInEffect } from "@/lib/data/risk-rules";
import { DELIVERING_PLAN_STATES, UNFINISHED_REPORT_STATES } from "@/lib/workflow";
import { eachInTransaction, inBatches, SYSTEM_ACTOR } from "./system";

/**
 * Plans rated per transaction: their facts are one statement, and most nights few ratings change. Kept small because
 * Prisma keeps its last hundred statements (with their arguments) for its error reports: at 500 plans a batch those
 * held 60 MB of the worker's heap while every plan was rated, at 100 a fifth of that, in the same time.
 */
const RATING_BATCH_SIZE = 100;

// The monitoring jobs: rate every delivering plan under the risk rules in effect, and open the next report of every
// plan under enhanced monitoring that owes none. Idempotent like every job: an unchanged rating is not rewritten, and
// a report opens only when none is unfinished.

/**
 * Rates each delivering plan under the rules in effect on `now`'s day, `batchSize` plans per transaction; returns how
 * many ratings changed.
 */
export async function ratePlanRisks(db: PrismaClient, now: Date, batchSize = RATING_BATCH_SIZE): Promise<number> {
  const rules = await ruleSetInEffect(db, now);
  if (!rules) return 0;
  // Delivering plans a batch at a time in id order, each batch read as its turn comes; a few statements per batch,
  // plus a transition for each rating that changed.
  const plans = keysetBatches<{ id: string }>(
    (last, take) =>
      db.deliveryPlan.findMany({
        where: { status: { in: [...DELIVERING_PLAN_STATES] }, ...(last ? { id: { gt: last.id } } : {}) },
        select: { id: true },
        orderBy: { id: "asc" },
        take,
      }),
    batchSize,
  );
  return inBatches(db, plans, (tx, batch) =>
    ratePlans(
      tx,
      batch.map((p) => p.id),
      rules,
      SYSTEM_ACTOR,
      now,
    ),
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
