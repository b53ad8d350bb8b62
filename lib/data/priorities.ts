import "server-only";
import type { z } from "zod";
import { changes, recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { assertRole, commissionScope, priorityScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { AppError, stale } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { GatewayOutcome, PriorityStatus } from "@/lib/generated/prisma/enums";
import { LIST_PAGE_SIZE, oneOf, pageNumber, pageResult, pageWindow, RECORD_TABLE_SIZE, rowId } from "@/lib/data/paging";
import { availableTransitions, check, priorityMachine, priorityRoundMachine, STAFF, type Actor } from "@/lib/workflow";
import { moveSchema, priorityCreateSchema, priorityEditSchema, roundCreateSchema } from "@/lib/validation/priority";
import { reasonedTransitionSchema, transitionSchema } from "@/lib/validation/common";

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

const loadRound = (tx: Tx, id: string) => loadOrThrow("Priority round", tx.priorityRound.findUnique({ where: { id } }));

export const openRound = defineCommand(transitionSchema, async (tx, input, actor) =>
  applyTransition(tx, {
    machine: priorityRoundMachine,
    transition: "open",
    row: await loadRound(tx, input.id),
    expectedVersion: input.version,
    actor,
    context: {},
    table: tx.priorityRound,
  }),
);

export const closeRound = defineCommand(reasonedTransitionSchema("closing this priority round"), async (tx, input, actor) =>
  applyTransition(tx, {
    machine: priorityRoundMachine,
    transition: "close",
    row: await loadRound(tx, input.id),
    expectedVersion: input.version,
    actor,
    context: { reason: input.reason },
    table: tx.priorityRound,
    data: { closedReason: input.reason },
    reason: input.reason,
  }),
);

export const createPriority = defineCommand(priorityCreateSchema, (tx, input, actor) => addPriority(tx, input, actor));

/** Adds a draft priority at the end of its round: staff creating one, or accepting a gateway proposal into the round. */
export async function addPriority(tx: Tx, input: z.output<typeof priorityCreateSchema>, actor: Actor) {
  assertRole(actor, STAFF, "add a priority");
  // The round's row is locked before it is read: colleagues adding priorities at the same moment wait for each other
  // and each reads the round as the one before left it, rather than all but one being refused as if the round had
  // changed under them. The round then cannot close between the check and the new rank.
  await tx.$queryRaw`SELECT id FROM "PriorityRound" WHERE id = ${input.roundId} FOR UPDATE`;
  const round = await loadOrThrow("Priority round", tx.priorityRound.findUnique({ where: { id: input.roundId } }));
  await applyTransition(tx, {
    machine: priorityRoundMachine,
    transition: "addPriority",
    row: round,
    actor,
    context: {},
    table: tx.priorityRound,
  });
  const last = await tx.priority.aggregate({ where: { roundId: round.id }, _max: { rank: true } });
  const { roundId, ...fields } = input;
  const priority = await tx.priority.create({ data: { ...fields, roundId, rank: (last._max.rank ?? 0) + 1 } });
  await recordAudit(tx, { entityType: "Priority", entityId: priority.id, action: "create", to: priority.status, actor });
  return priority;
}

export async function loadPriority(tx: Tx, id: string) {
  return loadOrThrow("Priority", tx.priority.findUnique({ where: { id }, include: { round: { select: { status: true } } } }));
}

type PriorityFacts = {
  title: string;
  workforceNeed: string;
  populationNeed: string;
  longTermPlanLink: string;
  professions: string[];
  round: { status: "DRAFT" | "OPEN" | "CLOSED" };
};

export function priorityContext(p: PriorityFacts, reason?: string) {
  const hasRequiredFields =
    [p.title, p.workforceNeed, p.populationNeed, p.longTermPlanLink].every((v) => v.trim()) && p.professions.length > 0;
  return { roundStatus: p.round.status, hasRequiredFields, reason };
}

export const editPriority = defineCommand(priorityEditSchema, async (tx, input, actor) => {
  const row = await loadPriority(tx, input.id);
  const { id: _id, version, ...fields } = input;
  return applyTransition(tx, {
    machine: priorityMachine,
    transition: "edit",
    row,
    expectedVersion: version,
    actor,
    context: priorityContext(row),
    table: tx.priority,
    data: fields,
    audit: { changes: changes(row, fields, Object.keys(fields) as (keyof typeof fields)[]) },
  });
});

export const publishPriority = defineCommand(transitionSchema, async (tx, input, actor) => {
  const row = await loadPriority(tx, input.id);
  return applyTransition(tx, {
    machine: priorityMachine,
    transition: "publish",
    row,
    expectedVersion: input.version,
    actor,
    context: priorityContext(row),
    table: tx.priority,
  });
});

export const closePriority = defineCommand(reasonedTransitionSchema("closing this priority"), async (tx, input, actor) => {
  const row = await loadPriority(tx, input.id);
  return applyTransition(tx, {
    machine: priorityMachine,
    transition: "close",
    row,
    expectedVersion: input.version,
    actor,
    context: priorityContext(row, input.reason),
    table: tx.priority,
    data: { closedReason: input.reason },
    reason: input.reason,
  });
});

/**
 * Swaps ranks with the nearest priority above or below in the same round (closed priorities keep
 * their place). Both rows go through the state machine's `rank` with a conditional update, so a
 * reorder made meanwhile by someone else is refused as stale rather than silently mixed in.
 */
export const movePriority = defineCommand(moveSchema, async (tx, input, actor) => {
  const row = await loadPriority(tx, input.id);
  // The machine decides who may rank and from which states before anything else is looked at.
  const verdict = check(priorityMachine, "rank", row.status, { ...priorityContext(row), actor });
  if (!verdict.ok) throw new AppError(verdict.code, verdict.reason);
  const up = input.direction === "up";
  const neighbour = await tx.priority.findFirst({
    where: { roundId: row.roundId, id: { not: row.id }, status: { not: "CLOSED" }, rank: up ? { lt: row.rank } : { gt: row.rank } },
    orderBy: [{ rank: up ? "desc" : "asc" }],
    include: { round: { select: { status: true } } },
  });
  if (!neighbour) throw new AppError("WRONG_STATE", `This priority is already ${up ? "first" : "last"} in its round.`);
  if (neighbour.id !== input.neighbourId) throw stale();
  const swap = (p: typeof row, other: typeof row, expectedVersion: number) =>
    applyTransition(tx, {
      machine: priorityMachine,
      transition: "rank",
      row: p,
      expectedVersion,
      actor,
      context: priorityContext(p),
      table: tx.priority,
      data: { rank: other.rank },
      audit: { changes: changes(p, other, ["rank"]) },
    });
  const moved = await swap(row, neighbour, input.version);
  await swap(neighbour, row, input.neighbourVersion);
  return { ...moved, roundId: row.roundId };
});

export type PriorityFilters = { status?: string; gateway?: string; round?: string; page?: string; roundsPage?: string };

export const PRIORITIES_PAGE_SIZE = LIST_PAGE_SIZE;
export const ROUNDS_PAGE_SIZE = 10;

const PRIORITY_STATUSES = Object.values(PriorityStatus);
const GATEWAY = Object.values(GatewayOutcome);

const isStaff = (actor: Actor) => actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM";

export async function listPriorities(actor: Actor, filters: PriorityFilters = {}) {
  const status = oneOf(PRIORITY_STATUSES, filters.status);
  const gateway = oneOf(GATEWAY, filters.gateway);
  const round = rowId(filters.round);
  const where: Prisma.PriorityWhereInput = {
    ...priorityScope(actor),
    ...(round ? { roundId: round } : {}),
    ...(isStaff(actor) && status ? { status } : {}),
    ...(gateway ? { gatewayOutcome: gateway } : {}),
  };
  const page = pageNumber(filters.page);
  const [rows, total] = await Promise.all([
    db().priority.findMany({
      where,
      orderBy: [{ round: { name: "desc" } }, { rank: "asc" }, { id: "asc" }],
      ...pageWindow(page, PRIORITIES_PAGE_SIZE),
      select: {
        id: true,
        title: true,
        rank: true,
        status: true,
        gatewayOutcome: true,
        professions: true,
        estimatedScale: true,
        version: true,
        round: { select: { id: true, name: true, status: true } },
      },
    }),
    db().priority.count({ where }),
  ]);
  return pageResult(rows, total, page, PRIORITIES_PAGE_SIZE);
}

/** One page of rounds, newest name first. */
export async function listRounds(filters: Pick<PriorityFilters, "roundsPage"> = {}) {
  const page = pageNumber(filters.roundsPage);
  const [rows, total] = await Promise.all([
    db().priorityRound.findMany({
      orderBy: [{ name: "desc" }, { id: "asc" }],
      ...pageWindow(page, ROUNDS_PAGE_SIZE),
      select: { id: true, name: true, status: true, version: true },
    }),
    db().priorityRound.count(),
  ]);
  return pageResult(rows, total, page, ROUNDS_PAGE_SIZE);
}

/** Every round's id and name for the round filter: rounds are yearly, so there are few. */
export function roundOptions() {
  return db().priorityRound.findMany({ orderBy: { name: "desc" }, take: 100, select: { id: true, name: true, status: true } });
}

/** A round with the transitions the actor may make on it now (for its buttons). */
export async function getRound(actor: Actor, id: string) {
  const round = await db().priorityRound.findUnique({
    where: { id },
    select: { id: true, name: true, status: true, version: true, closedReason: true },
  });
  return round && { ...round, available: roundTransitions(actor, round.status) };
}

export const roundTransitions = (actor: Actor, status: "DRAFT" | "OPEN" | "CLOSED") =>
  availableTransitions(priorityRoundMachine, status, { actor }).map((t) => t.name);

/** One priority as the actor may see it: its round, gateway assessments, latest commissions (and how many) and available transitions. */
export async function getPriority(actor: Actor, id: string) {
  const p = await db().priority.findFirst({
    where: { id, ...priorityScope(actor) },
    include: {
      round: { select: { id: true, name: true, status: true } },
      gatewayAssessments: {
        orderBy: { criterion: { sortOrder: "asc" } },
        select: { met: true, rationale: true, assessedAt: true, criterion: { select: { number: true, title: true } } },
      },
    },
  });
  if (!p) return null;
  // Top-level queries with their own LIMIT: Prisma pages a nested relation in memory, after reading all of it.
  const ofPriority: Prisma.CommissionWhereInput = { AND: [{ priorityId: id }, commissionScope(actor)] };
  const [commissions, commissionCount] = await Promise.all([
    db().commission.findMany({
      where: ofPriority,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: RECORD_TABLE_SIZE,
      select: { id: true, title: true, status: true, organisation: { select: { name: true } } },
    }),
    db().commission.count({ where: ofPriority }),
  ]);
  const available = availableTransitions(priorityMachine, p.status, { ...priorityContext(p), actor }).map((t) => t.name);
  return { ...p, commissions, commissionCount, available };
}
