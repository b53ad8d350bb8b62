import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { assertRole } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { AppError } from "@/lib/errors";
import { priorityMachine, priorityRoundMachine, STAFF, type Actor } from "@/lib/workflow";
import { priorityCreateSchema, priorityEditSchema, reasonedTransitionSchema, roundCreateSchema, transitionSchema } from "@/lib/validation/priority";

// Priority rounds and priorities: Centre staff set them; everyone signed in reads published ones.

export const createRound = defineCommand(roundCreateSchema, async (tx, input, actor) => {
  assertRole(actor, STAFF, "create a priority round");
  if (await tx.priorityRound.findUnique({ where: { name: input.name }, select: { id: true } })) {
    throw new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", { name: ["A round with this name already exists"] });
  }
  const round = await tx.priorityRound.create({ data: { name: input.name } });
  await recordAudit(tx, { entityType: "PriorityRound", entityId: round.id, action: "create", to: round.status, actor });
  return round;
});

const roundTransition = (name: "open" | "close") =>
  defineCommand(transitionSchema, async (tx, input, actor) => {
    const row = await loadOrThrow("Priority round", tx.priorityRound.findUnique({ where: { id: input.id } }));
    return applyTransition(tx, {
      machine: priorityRoundMachine, transition: name, row, expectedVersion: input.version, actor,
      context: {}, table: tx.priorityRound,
    });
  });
export const openRound = roundTransition("open");
export const closeRound = roundTransition("close");

export const createPriority = defineCommand(priorityCreateSchema, async (tx, input, actor) => {
  assertRole(actor, STAFF, "add a priority");
  const round = await loadOrThrow("Priority round", tx.priorityRound.findUnique({ where: { id: input.roundId } }));
  if (round.status === "CLOSED") throw new AppError("WRONG_STATE", "This priority round is Closed, so priorities cannot be added to it.");
  const last = await tx.priority.aggregate({ where: { roundId: round.id }, _max: { rank: true } });
  const { roundId, ...fields } = input;
  const priority = await tx.priority.create({ data: { ...fields, roundId, rank: (last._max.rank ?? 0) + 1 } });
  await recordAudit(tx, { entityType: "Priority", entityId: priority.id, action: "create", to: priority.status, actor });
  return priority;
});

async function loadPriority(tx: Tx, id: string) {
  return loadOrThrow("Priority", tx.priority.findUnique({ where: { id }, include: { round: { select: { status: true } } } }));
}

function priorityContext(p: Awaited<ReturnType<typeof loadPriority>>, reason?: string) {
  const hasRequiredFields = [p.title, p.workforceNeed, p.populationNeed, p.longTermPlanLink].every((v) => v.trim()) && p.professions.length > 0;
  return { roundStatus: p.round.status, hasRequiredFields, reason };
}

export const editPriority = defineCommand(priorityEditSchema, async (tx, input, actor) => {
  const row = await loadPriority(tx, input.id);
  const { id, version, ...fields } = input;
  return applyTransition(tx, {
    machine: priorityMachine, transition: "edit", row, expectedVersion: version, actor,
    context: priorityContext(row), table: tx.priority, data: fields, audit: { fields: Object.keys(fields) },
  });
});

export const publishPriority = defineCommand(transitionSchema, async (tx, input, actor) => {
  const row = await loadPriority(tx, input.id);
  return applyTransition(tx, {
    machine: priorityMachine, transition: "publish", row, expectedVersion: input.version, actor,
    context: priorityContext(row), table: tx.priority,
  });
});

export const closePriority = defineCommand(reasonedTransitionSchema("closing this priority"), async (tx, input, actor) => {
  const row = await loadPriority(tx, input.id);
  return applyTransition(tx, {
    machine: priorityMachine, transition: "close", row, expectedVersion: input.version, actor,
    context: priorityContext(row, input.reason), table: tx.priority, data: { closedReason: input.reason }, reason: input.reason,
  });
});

export type PriorityFilters = { status?: string; gateway?: string; round?: string };

const PRIORITY_STATUSES = ["DRAFT", "PUBLISHED", "CLOSED"] as const;
const GATEWAY = ["NOT_ASSESSED", "PASSED", "FAILED"] as const;
const oneOf = <T extends string>(list: readonly T[], v?: string) => (list as readonly string[]).includes(v ?? "") ? (v as T) : undefined;

/** Published priorities for everyone; staff also see drafts and closed ones. */
export function listPriorities(actor: Actor, filters: PriorityFilters = {}) {
  const status = oneOf(PRIORITY_STATUSES, filters.status);
  const gateway = oneOf(GATEWAY, filters.gateway);
  const staff = actor.role === "CENTRE_STAFF";
  return db().priority.findMany({
    where: {
      ...(filters.round ? { roundId: filters.round } : {}),
      ...(staff ? (status ? { status } : {}) : { status: "PUBLISHED" }),
      ...(gateway ? { gatewayOutcome: gateway } : {}),
    },
    orderBy: [{ round: { name: "desc" } }, { rank: "asc" }],
    select: {
      id: true, title: true, rank: true, status: true, gatewayOutcome: true, professions: true, estimatedScale: true,
      version: true, round: { select: { id: true, name: true, status: true } },
    },
  });
}

export function listRounds() {
  return db().priorityRound.findMany({ orderBy: { name: "desc" }, select: { id: true, name: true, status: true } });
}
