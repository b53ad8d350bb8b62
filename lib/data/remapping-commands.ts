import "server-only";
import { defineCommand } from "@/lib/data/command";
import { notifyPlanProviders, recordContext } from "@/lib/data/delivery-plans";
import { findRemappingTask, mappingsOf, remappingContext, remappingLink } from "@/lib/data/remapping";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notifyStaff } from "@/lib/notify";
import { remappingApproveSchema, remappingReturnSchema, remappingSaveSchema } from "@/lib/validation/remapping";
import { deliveryPlanMachine, remappingMachine, type Actor } from "@/lib/workflow";

// The provider saves or submits its mapping of the new version's outcomes; staff approve it (the plan moves to the
// new version with the task's mappings) or return it with a reason. Each command writes the task, its audit event and
// the other side's notification in one transaction; a task outside the actor's scope is not found.

const loadTask = (tx: Tx, actor: Actor, id: string) => loadOrThrow("Re-mapping task", findRemappingTask(tx, actor, id));

export const saveRemapping = defineCommand(remappingSaveSchema, async (tx, input, actor) => {
  const task = await loadTask(tx, actor, input.id);
  const outcomeIds = new Set(task.toVersion.learningOutcomes.map((o) => o.id));
  const stray = input.mappings.findIndex((m) => !outcomeIds.has(m.learningOutcomeId));
  if (stray >= 0) {
    throw new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", {
      [`mappings.${stray}.learningOutcomeId`]: ["This is not a learning outcome of the new specification version"],
    });
  }
  const mappings = mappingsOf(task, input.mappings);
  const submitting = input.intent === "submit";
  const result = await applyTransition(tx, {
    machine: remappingMachine,
    transition: input.intent,
    row: task,
    expectedVersion: input.version,
    actor,
    context: remappingContext(task, mappings),
    table: tx.remappingTask,
    data: submitting ? { submittedAt: new Date(), returnReason: null } : {},
  });
  // Carried-over mappings stay as they were; the provider's own are replaced by what was just sent.
  await tx.remappingMapping.deleteMany({ where: { taskId: task.id, carriedOver: false } });
  await tx.remappingMapping.createMany({
    data: [...mappings]
      .filter(([, m]) => !m.carriedOver)
      .map(([learningOutcomeId, m]) => ({ taskId: task.id, learningOutcomeId, module: m.module, assessment: m.assessment })),
  });
  if (submitting) {
    await notifyStaff(
      tx,
      {
        kind: "SUBMISSIONS",
        title: `Re-mapping submitted: ${task.plan.programmeTitle}`,
        body: `${task.organisation.name} has mapped its plan to version ${task.toVersion.number} of ${task.credential.reference}.`,
        link: remappingLink(task.id),
      },
      actor.id,
    );
  }
  return { ...result, planId: task.plan.id, credentialId: task.credential.id, transition: input.intent };
});

export const approveRemapping = defineCommand(remappingApproveSchema, async (tx, input, actor) => {
  const task = await loadTask(tx, actor, input.id);
  const result = await applyTransition(tx, {
    machine: remappingMachine,
    transition: "approve",
    row: task,
    expectedVersion: input.version,
    actor,
    context: remappingContext(task),
    table: tx.remappingTask,
    data: { decidedAt: new Date() },
  });
  // The plan keeps its status and takes the new version and the task's mappings, under its own lock and audit.
  await applyTransition(tx, {
    machine: deliveryPlanMachine,
    transition: "adoptVersion",
    row: task.plan,
    actor,
    context: recordContext(task.plan),
    table: tx.deliveryPlan,
    data: { specificationVersionId: task.toVersionId },
    audit: { remappingTaskId: task.id, fromVersion: task.fromVersion.number, toVersion: task.toVersion.number },
  });
  await tx.outcomeMapping.deleteMany({ where: { planId: task.plan.id } });
  await tx.outcomeMapping.createMany({
    data: task.mappings.map((m) => ({
      planId: task.plan.id,
      learningOutcomeId: m.learningOutcomeId,
      module: m.module,
      assessment: m.assessment,
    })),
  });
  await notifyPlanProviders(
    tx,
    task.organisationId,
    {
      kind: "DECISIONS",
      title: `Re-mapping approved: ${task.plan.programmeTitle}`,
      body: `The plan now delivers version ${task.toVersion.number} of the specification.`,
      link: remappingLink(task.id),
    },
    actor.id,
  );
  return { ...result, planId: task.plan.id, credentialId: task.credential.id, transition: "approve" };
});

export const returnRemapping = defineCommand(remappingReturnSchema, async (tx, input, actor) => {
  const task = await loadTask(tx, actor, input.id);
  const result = await applyTransition(tx, {
    machine: remappingMachine,
    transition: "return",
    row: task,
    expectedVersion: input.version,
    actor,
    context: remappingContext(task, undefined, input.reason),
    table: tx.remappingTask,
    data: { returnReason: input.reason, decidedAt: new Date() },
    reason: input.reason,
  });
  await notifyPlanProviders(
    tx,
    task.organisationId,
    { kind: "DECISIONS", title: `Re-mapping returned: ${task.plan.programmeTitle}`, body: input.reason, link: remappingLink(task.id) },
    actor.id,
  );
  return { ...result, planId: task.plan.id, credentialId: task.credential.id, transition: "return" };
});
