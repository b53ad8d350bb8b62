import "server-only";
import { changes, recordAudit } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import {
  credentialForNewPlan,
  findDeliveryPlan,
  notifyPlanProviders,
  planContext,
  planLink,
  type DeliveryPlanDetail,
} from "@/lib/data/delivery-plans";
import { assertRole } from "@/lib/data/scope";
import { applyTransition, loadOrThrow, type WritableFields } from "@/lib/data/transition";
import { AppError } from "@/lib/errors";
import { notifyStaff } from "@/lib/notify";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { deliveryPlanMachine, type Actor, type DeliveryPlanContext } from "@/lib/workflow";
import {
  planCommentSchema,
  planDecisionSchema,
  planEditSchema,
  planStartSchema,
  planCloseSchema,
  planSuspendSchema,
  planTransitionSchema,
  type PlanEditInput,
} from "@/lib/validation/delivery-plan";

// Delivery-plan commands: the provider starts, edits and submits a plan for an endorsed credential; Centre staff
// review and decide it, and may later suspend, reinstate or close it. Each writes its audit event and tells the
// other side (staff when the provider acts, the provider's staff when the Centre acts) in the same transaction.

const loadPlan = (tx: Tx, actor: Actor, id: string) => loadOrThrow("Delivery plan", findDeliveryPlan(tx, actor, id));

export const startDeliveryPlan = defineCommand(planStartSchema, async (tx, input, actor) => {
  assertRole(actor, ["PROVIDER"], "start a delivery plan");
  if (!actor.organisationId) throw new AppError("NOT_ALLOWED", "Your account is not linked to an education provider.");
  const credential = await loadOrThrow("Credential", credentialForNewPlan(tx, actor, input.credentialId));
  if (!credential.start.ok) throw new AppError("WRONG_STATE", credential.start.reason);
  const plan = await tx.deliveryPlan.create({
    data: {
      credentialId: credential.id,
      specificationVersionId: credential.start.versionId,
      organisationId: actor.organisationId,
      programmeTitle: input.programmeTitle,
    },
    select: { id: true, status: true, version: true },
  });
  await recordAudit(tx, {
    entityType: "DeliveryPlan",
    entityId: plan.id,
    action: "create",
    to: plan.status,
    actor,
    data: { credentialId: credential.id },
  });
  return plan;
});

/** A mapping with neither module nor assessment is removed; a half-filled one is kept for the draft. */
async function saveMappings(tx: Tx, planId: string, mappings: PlanEditInput["mappings"]) {
  for (const { learningOutcomeId, module, assessment } of mappings) {
    const key = { planId_learningOutcomeId: { planId, learningOutcomeId } };
    if (!module && !assessment) await tx.outcomeMapping.deleteMany({ where: { planId, learningOutcomeId } });
    else
      await tx.outcomeMapping.upsert({
        where: key,
        create: { planId, learningOutcomeId, module, assessment },
        update: { module, assessment },
      });
  }
}

type MappingFields = { learningOutcomeId: string; module: string | null; assessment: string | null };

/** Which learning outcomes' module or assessment the save changed, by outcome id (a form leaves out the ones it does not show). */
function mappingChanges(before: readonly MappingFields[], after: readonly MappingFields[]) {
  const byOutcome = (ms: readonly MappingFields[]) =>
    Object.fromEntries(ms.map((m) => [m.learningOutcomeId, { module: m.module || null, assessment: m.assessment || null }]));
  const unmapped = { module: null, assessment: null };
  const was = { ...byOutcome(after.map((m) => ({ ...m, ...unmapped }))), ...byOutcome(before) };
  return changes(
    was,
    byOutcome(after),
    after.map((m) => m.learningOutcomeId),
  );
}

export const saveDeliveryPlan = defineCommand(planEditSchema, async (tx, input, actor) => {
  const row = await loadPlan(tx, actor, input.id);
  const { id, version, mappings, ...fields } = input;
  const outcomeIds = new Set(row.specificationVersion.learningOutcomes.map((o) => o.id));
  if (mappings.some((m) => !outcomeIds.has(m.learningOutcomeId))) {
    throw new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", {
      mappings: ["Map only the learning outcomes of the endorsed specification"],
    });
  }
  const data = { ...fields, cohortSize: fields.cohortSize ?? null };
  const result = await applyTransition(tx, {
    machine: deliveryPlanMachine,
    transition: "edit",
    row,
    expectedVersion: version,
    actor,
    context: planContext(row),
    table: tx.deliveryPlan,
    data,
    audit: { changes: changes(row, data, Object.keys(data) as (keyof typeof data)[]), mappings: mappingChanges(row.mappings, mappings) },
  });
  await saveMappings(tx, id, mappings);
  return { ...result, transition: "edit" };
});

type Supplied = Pick<DeliveryPlanContext, "rationale" | "conditions" | "reason">;
type PlanChange = { supplied?: Supplied; data?: WritableFields<Tx["deliveryPlan"]>; audit?: { conditions: string[] } };

/** Scoped load, state-machine check, conditional update and audit event; the reason is the rationale when given. */
async function transitionPlan(tx: Tx, actor: Actor, input: { id: string; version: number }, transition: string, change: PlanChange = {}) {
  const row = await loadPlan(tx, actor, input.id);
  const supplied = change.supplied ?? {};
  const result = await applyTransition(tx, {
    machine: deliveryPlanMachine,
    transition,
    row,
    expectedVersion: input.version,
    actor,
    context: planContext(row, supplied),
    table: tx.deliveryPlan,
    data: change.data,
    reason: supplied.rationale ?? supplied.reason,
    audit: change.audit,
  });
  return { row, result: { ...result, transition } };
}

/** Centre staff hear from the provider; the provider's staff hear from the Centre. */
async function tellOtherSide(tx: Tx, row: DeliveryPlanDetail, actor: Actor, kind: NotificationKind, title: string, body?: string) {
  const message = { kind, title: `${title}: ${row.programmeTitle}`, body, link: planLink(row.id) };
  if (actor.role === "PROVIDER") await notifyStaff(tx, message, actor.id);
  else await notifyPlanProviders(tx, row.organisationId, message, actor.id);
}

/** "Delivery plan approved: <programme>". */
function announce(tx: Tx, row: DeliveryPlanDetail, actor: Actor, transition: string, body?: string) {
  const participle = deliveryPlanMachine.transitions.find((t) => t.name === transition)?.participle ?? transition;
  // The provider sends plans to the Centre; the Centre's moves are its decisions on them.
  return tellOtherSide(tx, row, actor, actor.role === "PROVIDER" ? "SUBMISSIONS" : "DECISIONS", `Delivery plan ${participle}`, body);
}

export const submitDeliveryPlan = defineCommand(planTransitionSchema, async (tx, input, actor) => {
  // The state machine refuses an incomplete plan: unmapped outcomes and blank details are in its context.
  const { row, result } = await transitionPlan(tx, actor, input, "submit", { data: { submittedAt: new Date() } });
  await announce(tx, row, actor, "submit", `${row.organisation.name}: ${row.credential.reference} ${row.credential.title}`);
  return result;
});

type PlanCommand = "startReview" | "reinstate" | "reinstateWithConditions";

const planCommand = (choose: PlanCommand | ((plan: DeliveryPlanDetail) => PlanCommand)) =>
  defineCommand(planTransitionSchema, async (tx, input, actor) => {
    const transition = typeof choose === "function" ? choose(await loadPlan(tx, actor, input.id)) : choose;
    // A reinstated plan is no longer suspended, so the suspension's reason stays only in its history.
    const data = transition === "startReview" ? {} : { suspendedReason: null };
    const { row, result } = await transitionPlan(tx, actor, input, transition, { data });
    await announce(tx, row, actor, transition);
    return result;
  });

export const startPlanReview = planCommand("startReview");
// Back to the approval it was suspended from: the machine's guards refuse the other one.
export const reinstateDeliveryPlan = planCommand((plan) =>
  planContext(plan).approvedWithConditions ? "reinstateWithConditions" : "reinstate",
);

export const decideDeliveryPlan = defineCommand(planDecisionSchema, async (tx, input, actor) => {
  const conditions = input.decision === "approveWithConditions" ? input.conditions : [];
  const final = input.decision !== "requestChanges";
  const { row, result } = await transitionPlan(tx, actor, input, input.decision, {
    supplied: { rationale: input.rationale, conditions },
    data: {
      decisionRationale: input.rationale,
      conditions: conditions.length > 0 ? conditions.join("\n") : null,
      ...(final ? { decidedAt: new Date() } : {}),
    },
    audit: conditions.length > 0 ? { conditions } : undefined,
  });
  await announce(tx, row, actor, input.decision, [input.rationale, ...conditions.map((c) => `Condition: ${c}`)].join("\n"));
  return result;
});

export const suspendDeliveryPlan = defineCommand(planSuspendSchema, async (tx, input, actor) => {
  const { row, result } = await transitionPlan(tx, actor, input, "suspend", {
    supplied: { reason: input.reason },
    data: { suspendedReason: input.reason },
  });
  await announce(tx, row, actor, "suspend", input.reason);
  return result;
});

export const closeDeliveryPlan = defineCommand(planCloseSchema, async (tx, input, actor) => {
  const { row, result } = await transitionPlan(tx, actor, input, "close", {
    supplied: { reason: input.reason },
    data: { closedReason: input.reason },
  });
  await announce(tx, row, actor, "close", input.reason);
  return result;
});

/** A comment on the plan's conversation between the Centre and the provider, kept in its audit trail. */
export const commentOnDeliveryPlan = defineCommand(planCommentSchema, async (tx, input, actor) => {
  assertRole(actor, ["CENTRE_STAFF", "PROVIDER"], "comment on a delivery plan");
  const row = await loadPlan(tx, actor, input.id);
  await recordAudit(tx, { entityType: "DeliveryPlan", entityId: row.id, action: "comment", actor, reason: input.comment });
  await tellOtherSide(tx, row, actor, "COMMENTS", "New comment on delivery plan", input.comment);
  return { id: row.id };
});
