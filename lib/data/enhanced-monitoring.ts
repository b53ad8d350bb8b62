import "server-only";
import { recordAudit } from "@/lib/audit";
import { startOfDay } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import {
  awaitingFirstCohort,
  FIRST_COHORT_COUNTS,
  notifyPlanProviders,
  PLAN_FOR_RECORD,
  planLink,
  recordContext,
} from "@/lib/data/delivery-plans";
import { deliveryPlanScope, enhancedMonitoringScope, monitoringReportScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { notifyStaff } from "@/lib/notify";
import { reasonedTransitionSchema, transitionSchema } from "@/lib/validation/common";
import { enhancedMonitoringPlaceSchema, monitoringReportSubmitSchema } from "@/lib/validation/monitoring";
import {
  addMonths,
  availableTransitions,
  deliveryPlanMachine,
  enhancedMonitoringMachine,
  MONITORING_REPORT_MONTHS,
  monitoringReportMachine,
  UNFINISHED_REPORT_STATES,
  type Actor,
} from "@/lib/workflow";

// Enhanced monitoring: staff place an approved plan under it with a reason; the provider then owes a report every
// six months — one open at a time, the next opened when the last is accepted (or by the nightly job) — until staff
// lift it with a reason, which cancels the report still owed.

export const monitoringReportLink = (id: string) => `/delivery-plans/monitoring-reports/${id}`;

type Monitoring = {
  id: string;
  status: "ACTIVE" | "LIFTED";
  version: number;
  placedAt: Date;
  plan: { id: string; organisationId: string; programmeTitle: string };
};

/**
 * Opens the next report of an active monitoring that has none unfinished, due six months after the last one's due
 * date (or after it was placed). The monitoring's `openReport` transition locks it, so lifting it at the same moment
 * cannot leave a report open; returns the new report's id, or null when one is still unfinished.
 */
export async function openNextReport(tx: Tx, monitoring: Monitoring, actor: Actor): Promise<string | null> {
  const [unfinished, last] = await Promise.all([
    tx.monitoringReport.count({ where: { monitoringId: monitoring.id, status: { in: [...UNFINISHED_REPORT_STATES] } } }),
    tx.monitoringReport.findFirst({
      where: { monitoringId: monitoring.id },
      orderBy: { sequence: "desc" },
      select: { sequence: true, dueOn: true },
    }),
  ]);
  if (unfinished > 0) return null;
  await applyTransition(tx, {
    machine: enhancedMonitoringMachine,
    transition: "openReport",
    row: monitoring,
    actor,
    context: {},
    table: tx.enhancedMonitoring,
  });
  const dueOn = addMonths(last?.dueOn ?? startOfDay(monitoring.placedAt), MONITORING_REPORT_MONTHS);
  const report = await tx.monitoringReport.create({
    data: { monitoringId: monitoring.id, sequence: (last?.sequence ?? 0) + 1, dueOn },
    select: { id: true, sequence: true },
  });
  await recordAudit(tx, {
    entityType: monitoringReportMachine.entity,
    entityId: report.id,
    action: "open",
    to: "OPEN",
    actor,
    data: { monitoringId: monitoring.id, sequence: report.sequence },
  });
  await notifyPlanProviders(tx, monitoring.plan.organisationId, {
    kind: "REMINDERS",
    title: `Monitoring report due ${formatDate(dueOn)}: ${monitoring.plan.programmeTitle}`,
    body: "Your plan is under enhanced monitoring: report on its delivery by the due date.",
    link: monitoringReportLink(report.id),
  });
  return report.id;
}

const MONITORING_FOR_REPORTS = {
  id: true,
  status: true,
  version: true,
  placedAt: true,
  plan: { select: { id: true, organisationId: true, programmeTitle: true } },
} as const;

export const placeUnderEnhancedMonitoring = defineCommand(enhancedMonitoringPlaceSchema, async (tx, input, actor) => {
  const plan = await loadOrThrow(
    "Delivery plan",
    tx.deliveryPlan.findFirst({
      where: { AND: [{ id: input.planId }, deliveryPlanScope(actor)] },
      select: { ...PLAN_FOR_RECORD, programmeTitle: true },
    }),
  );
  // The plan's machine says who may and when (staff, while it is approved), and locks the plan while this is made.
  await applyTransition(tx, {
    machine: deliveryPlanMachine,
    transition: "placeUnderEnhancedMonitoring",
    row: plan,
    actor,
    context: { ...recordContext(plan), reason: input.reason },
    table: tx.deliveryPlan,
    reason: input.reason,
  });
  if (await tx.enhancedMonitoring.count({ where: { planId: plan.id, status: "ACTIVE" } })) {
    throw new AppError("WRONG_STATE", "This plan is already under enhanced monitoring.");
  }
  const monitoring = await tx.enhancedMonitoring.create({
    data: { planId: plan.id, reason: input.reason },
    select: MONITORING_FOR_REPORTS,
  });
  await recordAudit(tx, {
    entityType: enhancedMonitoringMachine.entity,
    entityId: monitoring.id,
    action: "place",
    to: "ACTIVE",
    actor,
    reason: input.reason,
    data: { planId: plan.id },
  });
  await notifyPlanProviders(tx, plan.organisationId, {
    kind: "DECISIONS",
    title: `Plan placed under enhanced monitoring: ${plan.programmeTitle}`,
    body: input.reason,
    link: planLink(plan.id),
  });
  await openNextReport(tx, monitoring, actor);
  return { id: plan.id, planId: plan.id, transition: "placeUnderEnhancedMonitoring" };
});

const loadMonitoring = (tx: Tx, actor: Actor, id: string) =>
  loadOrThrow(
    "Enhanced monitoring",
    tx.enhancedMonitoring.findFirst({ where: { AND: [{ id }, enhancedMonitoringScope(actor)] }, select: MONITORING_FOR_REPORTS }),
  );

export const liftEnhancedMonitoring = defineCommand(reasonedTransitionSchema("lifting enhanced monitoring"), async (tx, input, actor) => {
  const monitoring = await loadMonitoring(tx, actor, input.id);
  const result = await applyTransition(tx, {
    machine: enhancedMonitoringMachine,
    transition: "lift",
    row: monitoring,
    expectedVersion: input.version,
    actor,
    context: { reason: input.reason },
    table: tx.enhancedMonitoring,
    data: { liftReason: input.reason, liftedAt: new Date() },
    reason: input.reason,
  });
  const owed = await tx.monitoringReport.findMany({
    where: { monitoringId: monitoring.id, status: { in: [...UNFINISHED_REPORT_STATES] } },
    select: { id: true, status: true, version: true },
  });
  for (const report of owed) {
    await applyTransition(tx, {
      machine: monitoringReportMachine,
      transition: "cancel",
      row: report,
      actor,
      context: { organisationId: monitoring.plan.organisationId },
      table: tx.monitoringReport,
      reason: "Enhanced monitoring was lifted.",
    });
  }
  await notifyPlanProviders(tx, monitoring.plan.organisationId, {
    kind: "DECISIONS",
    title: `Enhanced monitoring lifted: ${monitoring.plan.programmeTitle}`,
    body: input.reason,
    link: planLink(monitoring.plan.id),
  });
  return { ...result, id: monitoring.plan.id, planId: monitoring.plan.id, transition: "liftEnhancedMonitoring" };
});

const REPORT_SELECT = {
  id: true,
  status: true,
  version: true,
  sequence: true,
  dueOn: true,
  narrative: true,
  queryReason: true,
  submittedAt: true,
  decidedAt: true,
  monitoring: { select: { ...MONITORING_FOR_REPORTS, reason: true } },
} as const;

const loadReport = (tx: Tx, actor: Actor, id: string) =>
  loadOrThrow(
    "Monitoring report",
    tx.monitoringReport.findFirst({ where: { AND: [{ id }, monitoringReportScope(actor)] }, select: REPORT_SELECT }),
  );

const reportTitle = (r: { sequence: number; monitoring: { plan: { programmeTitle: string } } }) =>
  `monitoring report ${r.sequence}, ${r.monitoring.plan.programmeTitle}`;

export const submitMonitoringReport = defineCommand(monitoringReportSubmitSchema, async (tx, input, actor) => {
  const report = await loadReport(tx, actor, input.id);
  const result = await applyTransition(tx, {
    machine: monitoringReportMachine,
    transition: "submit",
    row: report,
    expectedVersion: input.version,
    actor,
    context: { organisationId: report.monitoring.plan.organisationId, narrative: input.narrative },
    table: tx.monitoringReport,
    data: { narrative: input.narrative, submittedAt: new Date() },
    audit: { resubmission: report.status === "QUERIED" },
  });
  await notifyStaff(tx, {
    kind: "SUBMISSIONS",
    title: `Submitted: ${reportTitle(report)}`,
    body: "Accept it or query it.",
    link: monitoringReportLink(report.id),
  });
  return { ...result, planId: report.monitoring.plan.id, transition: "submit" };
});

export const queryMonitoringReport = defineCommand(reasonedTransitionSchema("querying this report"), async (tx, input, actor) => {
  const report = await loadReport(tx, actor, input.id);
  const result = await applyTransition(tx, {
    machine: monitoringReportMachine,
    transition: "query",
    row: report,
    expectedVersion: input.version,
    actor,
    context: { organisationId: report.monitoring.plan.organisationId, reason: input.reason },
    table: tx.monitoringReport,
    data: { queryReason: input.reason },
    reason: input.reason,
  });
  await notifyPlanProviders(tx, report.monitoring.plan.organisationId, {
    kind: "DECISIONS",
    title: `Queried: ${reportTitle(report)}`,
    body: input.reason,
    link: monitoringReportLink(report.id),
  });
  return { ...result, planId: report.monitoring.plan.id, transition: "query" };
});

/** Accepting a report opens the next one while the plan stays under enhanced monitoring. */
export const acceptMonitoringReport = defineCommand(transitionSchema, async (tx, input, actor) => {
  const report = await loadReport(tx, actor, input.id);
  const result = await applyTransition(tx, {
    machine: monitoringReportMachine,
    transition: "accept",
    row: report,
    expectedVersion: input.version,
    actor,
    context: { organisationId: report.monitoring.plan.organisationId },
    table: tx.monitoringReport,
    data: { queryReason: null, decidedAt: new Date() },
  });
  await notifyPlanProviders(tx, report.monitoring.plan.organisationId, {
    kind: "DECISIONS",
    title: `Accepted: ${reportTitle(report)}`,
    link: monitoringReportLink(report.id),
  });
  if (report.monitoring.status === "ACTIVE") await openNextReport(tx, report.monitoring, actor);
  return { ...result, planId: report.monitoring.plan.id, transition: "accept" };
});

/** One report for its page, with what this person may do with it now. */
export async function getMonitoringReport(actor: Actor, id: string) {
  const report = await db().monitoringReport.findFirst({
    where: { AND: [{ id }, monitoringReportScope(actor)] },
    select: {
      ...REPORT_SELECT,
      monitoring: {
        select: {
          ...MONITORING_FOR_REPORTS,
          reason: true,
          plan: { select: { id: true, organisationId: true, programmeTitle: true, organisation: { select: { name: true } } } },
        },
      },
    },
  });
  if (!report) return null;
  const can = availableTransitions(monitoringReportMachine, report.status, {
    organisationId: report.monitoring.plan.organisationId,
    actor,
  }).map((t) => t.name);
  return { ...report, can };
}
export type MonitoringReportView = NonNullable<Awaited<ReturnType<typeof getMonitoringReport>>>;

/** How many of a spell's reports the plan page lists, newest first. */
export const REPORTS_SHOWN = 5;

/**
 * A plan's monitoring for its page: its current (or last) spell of enhanced monitoring with its latest reports, and
 * whether it is still a new plan monitored until its first cohort completes — no accepted annual return has recorded
 * a completion and no completion is recorded against it (counted in SQL).
 */
export async function planMonitoring(actor: Actor, planId: string) {
  const [spell, firstCohort] = await Promise.all([
    db().enhancedMonitoring.findFirst({
      where: { AND: [{ planId }, enhancedMonitoringScope(actor)] },
      orderBy: [{ placedAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        status: true,
        version: true,
        reason: true,
        liftReason: true,
        placedAt: true,
        liftedAt: true,
        reports: { orderBy: { sequence: "desc" }, take: REPORTS_SHOWN, select: { id: true, sequence: true, dueOn: true, status: true } },
      },
    }),
    db().deliveryPlan.findFirst({ where: { AND: [{ id: planId }, deliveryPlanScope(actor)] }, select: FIRST_COHORT_COUNTS }),
  ]);
  return { spell, newPlan: firstCohort ? awaitingFirstCohort(firstCohort) : false };
}
export type PlanMonitoringView = Awaited<ReturnType<typeof planMonitoring>>;
