import "server-only";
import { recordAudit } from "@/lib/audit";
import { remappingIntervalDays } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { notifyPlanProviders } from "@/lib/data/delivery-plans";
import { remappingTaskScope } from "@/lib/data/scope";
import { applyTransition } from "@/lib/data/transition";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  availableTransitions,
  DELIVERING_PLAN_STATES,
  isDelivering,
  remapOutcomes,
  remappingDueOn,
  remappingMachine,
  UNFINISHED_REMAPPING_STATES,
  unmappedRemapping,
  type Actor,
  type Mapping,
  type RemappingContext,
} from "@/lib/workflow";

// Re-mapping tasks: a delivery plan following its credential to a newly endorsed specification version. This file
// opens them (inside the endorsement's transaction) and holds the reads the pages and commands share; the commands
// that change them are in remapping-commands.ts.

export const remappingLink = (id: string) => `/delivery-plans/remapping/${id}`;
/** How many tasks the credential page's impact list shows. */
export const IMPACT_LIST_SIZE = 50;

const OUTCOMES = { orderBy: { position: "asc" }, select: { id: true, position: true, text: true } } as const;

/**
 * Opens a re-mapping task for every delivering plan of the credential on a version older than the one just endorsed,
 * superseding any unfinished task of theirs. Unchanged outcomes carry the plan's mapping over. Call it in the
 * endorsement's transaction, so the tasks exist exactly when the version is endorsed.
 */
export async function openRemappingTasks(tx: Tx, credentialId: string, endorsed: { id: string; number: number }, actor: Actor, now: Date) {
  const [plans, outcomes] = await Promise.all([
    tx.deliveryPlan.findMany({
      where: { credentialId, status: { in: [...DELIVERING_PLAN_STATES] }, specificationVersion: { number: { lt: endorsed.number } } },
      orderBy: { id: "asc" },
      select: {
        id: true,
        organisationId: true,
        programmeTitle: true,
        specificationVersionId: true,
        specificationVersion: { select: { learningOutcomes: OUTCOMES } },
        mappings: { select: { learningOutcomeId: true, module: true, assessment: true } },
        remappingTasks: {
          where: { status: { in: [...UNFINISHED_REMAPPING_STATES] } },
          select: { id: true, status: true, version: true, organisationId: true },
        },
      },
    }),
    tx.learningOutcome.findMany({ where: { specificationVersionId: endorsed.id }, ...OUTCOMES }),
  ]);
  const dueOn = remappingDueOn(now, remappingIntervalDays());
  for (const plan of plans) {
    for (const earlier of plan.remappingTasks) {
      await applyTransition(tx, {
        machine: remappingMachine,
        transition: "supersede",
        row: earlier,
        actor,
        context: { organisationId: earlier.organisationId, unmappedOutcomes: [], planDelivering: true },
        table: tx.remappingTask,
        audit: { supersededBy: endorsed.id },
      });
    }
    const old = new Map(plan.mappings.map((m) => [m.learningOutcomeId, m]));
    const carried = remapOutcomes(plan.specificationVersion.learningOutcomes, outcomes, old).filter((o) => o.carried);
    const task = await tx.remappingTask.create({
      data: {
        planId: plan.id,
        organisationId: plan.organisationId,
        credentialId,
        fromVersionId: plan.specificationVersionId,
        toVersionId: endorsed.id,
        dueOn,
        mappings: {
          create: carried.map((o) => ({
            learningOutcomeId: o.outcome.id,
            module: o.carried!.module,
            assessment: o.carried!.assessment,
            carriedOver: true,
          })),
        },
      },
      select: { id: true, status: true },
    });
    await recordAudit(tx, {
      entityType: remappingMachine.entity,
      entityId: task.id,
      action: "create",
      to: task.status,
      actor,
      data: { planId: plan.id, toVersionId: endorsed.id, carriedOver: carried.length },
    });
    await notifyPlanProviders(tx, plan.organisationId, {
      kind: "ASSIGNMENTS",
      title: `Re-map your delivery plan: ${plan.programmeTitle}`,
      body: `A new specification version (version ${endorsed.number}) has been endorsed. Map its new and changed learning outcomes by ${dueOn.toISOString().slice(0, 10)}.`,
      link: remappingLink(task.id),
    });
  }
}

const TASK_SELECT = {
  id: true,
  status: true,
  version: true,
  organisationId: true,
  dueOn: true,
  returnReason: true,
  submittedAt: true,
  decidedAt: true,
  toVersionId: true,
  organisation: { select: { name: true } },
  credential: { select: { id: true, reference: true, title: true } },
  plan: {
    select: {
      id: true,
      status: true,
      version: true,
      organisationId: true,
      programmeTitle: true,
      specificationVersionId: true,
      credential: { select: { status: true } },
      mappings: { select: { learningOutcomeId: true, module: true, assessment: true } },
    },
  },
  fromVersion: { select: { number: true, learningOutcomes: OUTCOMES } },
  toVersion: { select: { number: true, learningOutcomes: OUTCOMES } },
  mappings: { select: { learningOutcomeId: true, module: true, assessment: true, carriedOver: true } },
} satisfies Prisma.RemappingTaskSelect;

/** One task as the actor may see it, or null when outside their scope. */
export function findRemappingTask(client: Tx, actor: Actor, id: string) {
  return client.remappingTask.findFirst({ where: { AND: [{ id }, remappingTaskScope(actor)] }, select: TASK_SELECT });
}
export type RemappingTaskDetail = NonNullable<Awaited<ReturnType<typeof findRemappingTask>>>;

/** The task's mappings by outcome id, with `replace` (the provider's rows) laid over the carried-over ones. */
export function mappingsOf(
  task: RemappingTaskDetail,
  replace?: readonly { learningOutcomeId: string; module: string; assessment: string }[],
) {
  const out = new Map<string, Mapping & { carriedOver: boolean }>();
  for (const m of task.mappings) if (m.carriedOver || !replace) out.set(m.learningOutcomeId, m);
  for (const m of replace ?? []) if (!out.get(m.learningOutcomeId)?.carriedOver) out.set(m.learningOutcomeId, { ...m, carriedOver: false });
  return out;
}

export function remappingContext(task: RemappingTaskDetail, mappings = mappingsOf(task), reason?: string): RemappingContext {
  return {
    organisationId: task.organisationId,
    unmappedOutcomes: unmappedRemapping(task.toVersion.learningOutcomes, mappings),
    planDelivering: isDelivering(task.plan.status) && task.plan.specificationVersionId !== task.toVersionId,
    reason,
  };
}

/** The task with each new outcome against the old (unchanged, changed or new), its mapping, and what the actor may do. */
export async function getRemappingTask(actor: Actor, id: string) {
  const task = await findRemappingTask(db(), actor, id);
  if (!task) return null;
  const mappings = mappingsOf(task);
  const oldMappings = new Map(task.plan.mappings.map((m) => [m.learningOutcomeId, m]));
  const outcomes = remapOutcomes(task.fromVersion.learningOutcomes, task.toVersion.learningOutcomes, oldMappings).map((o) => ({
    ...o,
    mapping: mappings.get(o.outcome.id) ?? null,
  }));
  const available = availableTransitions(remappingMachine, task.status, { ...remappingContext(task, mappings), actor });
  return { ...task, outcomes, available };
}
export type RemappingTaskView = NonNullable<Awaited<ReturnType<typeof getRemappingTask>>>;

/** Which plans and providers a credential's version changes affect: every task, soonest deadline first. */
export async function remappingImpact(actor: Actor, credentialId: string) {
  const where = { AND: [{ credentialId }, remappingTaskScope(actor)] };
  const [rows, total] = await Promise.all([
    db().remappingTask.findMany({
      where,
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      take: IMPACT_LIST_SIZE,
      select: {
        id: true,
        status: true,
        dueOn: true,
        organisation: { select: { name: true } },
        plan: { select: { id: true, programmeTitle: true } },
        fromVersion: { select: { number: true } },
        toVersion: { select: { number: true } },
      },
    }),
    db().remappingTask.count({ where }),
  ]);
  return { rows, total };
}

/** The plan's unfinished re-mapping task as the actor may see it, for the plan's page; null when there is none. */
export function unfinishedRemappingOf(actor: Actor, planId: string) {
  return db().remappingTask.findFirst({
    where: { AND: [{ planId, status: { in: [...UNFINISHED_REMAPPING_STATES] } }, remappingTaskScope(actor)] },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, dueOn: true, toVersion: { select: { number: true } } },
  });
}
