import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { keepPlanFor, notifyPlanProviders, PLAN_FOR_RECORD, recordContext } from "@/lib/data/delivery-plans";
import { findPlanChange, planChangeContext, planChangeLink } from "@/lib/data/plan-changes";
import { deliveryPlanScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { notifyStaff } from "@/lib/notify";
import { planChangeAnswerSchema, planChangeReportSchema, planChangeTriageSchema } from "@/lib/validation/plan-change";
import {
  deliveryPlanMachine,
  kindOf,
  PLAN_CHANGE_CATEGORIES,
  PLAN_CHANGE_KIND_LABELS,
  planChangeMachine,
  type Actor,
  type TriageTransition,
} from "@/lib/workflow";

// Change notifications: a provider reports a change to an approved plan; staff note it, ask for more information,
// approve or reject it, or send the plan back to review. Each command writes the change, its audit event and the
// other side's notification in one transaction.

const loadChange = (tx: Tx, actor: Actor, id: string) => loadOrThrow("Change", findPlanChange(tx, actor, id));

export const reportPlanChange = defineCommand(planChangeReportSchema, async (tx, input, actor) => {
  const plan = await loadOrThrow(
    "Delivery plan",
    tx.deliveryPlan.findFirst({
      where: { AND: [{ id: input.planId }, deliveryPlanScope(actor)] },
      select: { ...PLAN_FOR_RECORD, programmeTitle: true },
    }),
  );
  // The plan's machine says who may report and when (the provider's own plan, while it is approved), and locks it.
  await keepPlanFor(tx, plan, "reportChange", actor);
  const kind = kindOf(input.category);
  const change = await tx.planChange.create({
    data: {
      planId: plan.id,
      organisationId: plan.organisationId,
      reportedById: actor.id,
      category: input.category,
      kind,
      whatChanged: input.whatChanged,
      why: input.why,
    },
    select: { id: true, status: true },
  });
  await recordAudit(tx, {
    entityType: planChangeMachine.entity,
    entityId: change.id,
    action: "report",
    to: change.status,
    actor,
    data: { planId: plan.id, category: input.category, kind },
  });
  await notifyStaff(
    tx,
    {
      kind: "SUBMISSIONS",
      title: `${PLAN_CHANGE_KIND_LABELS[kind]} change reported: ${plan.programmeTitle}`,
      body: `${PLAN_CHANGE_CATEGORIES[input.category].label}: ${input.whatChanged}`,
      link: planChangeLink(change.id),
    },
    actor.id,
  );
  return { id: change.id, planId: plan.id, transition: "report" };
});

/** What the provider is told, by the staff's outcome. */
const TOLD: Record<TriageTransition, string> = {
  note: "Change noted",
  requestInformation: "More information needed on a change",
  approve: "Change approved",
  reject: "Change rejected",
  requireReview: "Plan sent back to review after a change",
};

export const triagePlanChange = defineCommand(planChangeTriageSchema, async (tx, input, actor) => {
  const row = await loadChange(tx, actor, input.id);
  const asking = input.outcome === "requestInformation";
  const result = await applyTransition(tx, {
    machine: planChangeMachine,
    transition: input.outcome,
    row,
    expectedVersion: input.version,
    actor,
    context: planChangeContext(row, input.reason),
    table: tx.planChange,
    data: asking ? { question: input.reason } : { outcomeReason: input.reason, decidedAt: new Date() },
    reason: input.reason,
  });
  if (input.outcome === "requireReview") {
    // The plan goes back to review as a submitted plan does; staff then decide it again. If the plan has been
    // suspended or closed meanwhile its machine refuses, and the change stays as it was.
    await applyTransition(tx, {
      machine: deliveryPlanMachine,
      transition: "reviewChange",
      row: row.plan,
      actor,
      context: { ...recordContext(row.plan), reason: input.reason },
      table: tx.deliveryPlan,
      reason: input.reason,
      audit: { planChangeId: row.id },
    });
  }
  await notifyPlanProviders(
    tx,
    row.organisationId,
    { kind: "DECISIONS", title: `${TOLD[input.outcome]}: ${row.plan.programmeTitle}`, body: input.reason, link: planChangeLink(row.id) },
    actor.id,
  );
  return { ...result, planId: row.plan.id, transition: input.outcome };
});

export const answerPlanChange = defineCommand(planChangeAnswerSchema, async (tx, input, actor) => {
  const row = await loadChange(tx, actor, input.id);
  const result = await applyTransition(tx, {
    machine: planChangeMachine,
    transition: "answer",
    row,
    expectedVersion: input.version,
    actor,
    context: planChangeContext(row, input.answer),
    table: tx.planChange,
    // The question and its answer stay in the change's history; the change is back with the Centre.
    data: { question: null },
    reason: input.answer,
  });
  await notifyStaff(
    tx,
    {
      kind: "SUBMISSIONS",
      title: `More information on a change: ${row.plan.programmeTitle}`,
      body: input.answer,
      link: planChangeLink(row.id),
    },
    actor.id,
  );
  return { ...result, planId: row.plan.id, transition: "answer" };
});
