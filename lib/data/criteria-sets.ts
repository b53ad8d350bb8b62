import "server-only";
import { changes, recordAudit } from "@/lib/audit";
import { startOfDay } from "@/lib/dates";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { assertAdmin } from "@/lib/data/admin-guard";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  addCriterionSchema,
  changeCriterionSchema,
  criteriaSetDetailsSchema,
  draftCriteriaSetSchema,
  publishCriteriaSetSchema,
  removeCriterionSchema,
} from "@/lib/validation/criteria";
import {
  criteriaSetMachine,
  guidanceFor,
  MAX_CRITERIA_PER_SET,
  ratableCriteria,
  type Actor,
  type CriteriaSetContext,
  type CriteriaSetKind,
} from "@/lib/workflow";

// Versioned criteria sets. Reviews and gateway assessments read the set they recorded; new ones take the published
// set in effect that day. Admins draft a new version from the latest one, edit it, and publish it.

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The published set in effect today, or null when none is. */
export function publishedSetInEffect(client: Tx, kind: CriteriaSetKind, now = new Date()) {
  return client.criteriaSet.findFirst({
    where: { kind, status: "PUBLISHED", effectiveFrom: { lte: startOfDay(now) } },
    orderBy: [{ effectiveFrom: "desc" }, { number: "desc" }],
    select: { id: true },
  });
}

/** The published set in effect today: a review or gateway assessment records it when it starts. */
export async function criteriaSetInEffect(tx: Tx, kind: CriteriaSetKind, now = new Date()) {
  const set = await publishedSetInEffect(tx, kind, now);
  if (!set) {
    const what = kind === "GATEWAY" ? "gateway" : "endorsement";
    throw new AppError(
      "WRONG_STATE",
      `No ${what} criteria set is published and in effect yet; a Centre admin publishes one under Admin, Criteria sets.`,
    );
  }
  return set;
}

const criterionSelect = {
  id: true,
  parentId: true,
  number: true,
  title: true,
  description: true,
  guidance: true,
  sortOrder: true,
} as const;

function criteriaOf(client: Tx, setId: string) {
  return client.criterion.findMany({
    where: { setId },
    orderBy: [{ sortOrder: "asc" }, { number: "asc" }],
    take: MAX_CRITERIA_PER_SET,
    select: criterionSelect,
  });
}

/**
 * The criteria a reviewer rates in a set, in reading order, each with the criterion it is a part of and every
 * guidance note that applies (4.1's notes stand beside each of 4.1(a)–(d)).
 */
export async function ratingCriteria(setId: string, client: Tx = db()) {
  const all = await criteriaOf(client, setId);
  const byId = new Map(all.map((c) => [c.id, c]));
  return ratableCriteria(all).map((c) => {
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    return {
      id: c.id,
      number: c.number,
      title: c.title,
      description: c.description,
      partOf: parent ? { number: parent.number, title: parent.title, description: parent.description } : null,
      guidance: guidanceFor(c, all),
    };
  });
}
export type RatingCriterion = Awaited<ReturnType<typeof ratingCriteria>>[number];

/** The numbers of a set's ratable criteria by id, for commands that check ratings. */
export async function ratableNumbers(tx: Tx, setId: string) {
  return new Map(ratableCriteria(await criteriaOf(tx, setId)).map((c) => [c.id, c.number]));
}

// ---------------------------------------------------------------------------------------------------------------
// Admin

export const CRITERIA_SETS_SHOWN = 50;

export async function listCriteriaSets(actor: Actor) {
  await assertAdmin(db(), actor);
  return db().criteriaSet.findMany({
    orderBy: [{ kind: "asc" }, { number: "desc" }],
    take: CRITERIA_SETS_SHOWN,
    select: {
      id: true,
      kind: true,
      number: true,
      name: true,
      status: true,
      effectiveFrom: true,
      _count: { select: { criteria: true, endorsementReviews: true, priorities: true } },
    },
  });
}

export async function criteriaSetDetail(actor: Actor, id: string) {
  await assertAdmin(db(), actor);
  const set = await db().criteriaSet.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      number: true,
      name: true,
      source: true,
      status: true,
      effectiveFrom: true,
      publishedAt: true,
      version: true,
      _count: { select: { endorsementReviews: true, priorities: true } },
    },
  });
  if (!set) return null;
  const criteria = await criteriaOf(db(), id);
  const ratable = new Set(ratableCriteria(criteria).map((c) => c.id));
  return { ...set, criteria: criteria.map((c) => ({ ...c, ratable: ratable.has(c.id) })) };
}
export type CriteriaSetDetail = NonNullable<Awaited<ReturnType<typeof criteriaSetDetail>>>;

async function loadSet(tx: Tx, id: string) {
  return loadOrThrow(
    "Criteria set",
    tx.criteriaSet.findUnique({ where: { id }, select: { id: true, kind: true, status: true, version: true, name: true, source: true } }),
  );
}

async function setContext(tx: Tx, setId: string, effectiveFrom?: Date): Promise<CriteriaSetContext> {
  const criteria = await tx.criterion.findMany({ where: { setId }, select: { id: true, parentId: true } });
  return {
    ratableCount: ratableCriteria(criteria).length,
    effectiveFrom: effectiveFrom ? day(effectiveFrom) : null,
    today: day(new Date()),
  };
}

/** Every change to a draft goes through the machine's `edit`, which locks the set's version and audits the change. */
async function editDraft(
  tx: Tx,
  set: Awaited<ReturnType<typeof loadSet>>,
  expectedVersion: number,
  actor: Actor,
  audit: Prisma.InputJsonObject,
) {
  return applyTransition(tx, {
    machine: criteriaSetMachine,
    transition: "edit",
    row: set,
    expectedVersion,
    actor,
    context: await setContext(tx, set.id),
    table: tx.criteriaSet,
    audit,
  });
}

const fieldError = (field: string, message: string) =>
  new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", { [field]: [message] });

/** A new draft version of a kind, copied from its latest version (criteria, parts and guidance). One draft at a time. */
export const draftCriteriaSet = defineCommand(draftCriteriaSetSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const latest = await tx.criteriaSet.findFirst({
    where: { kind: input.kind },
    orderBy: { number: "desc" },
    select: { id: true, number: true, name: true, source: true, status: true },
  });
  if (latest?.status === "DRAFT") {
    throw new AppError("WRONG_STATE", `Version ${latest.number} is already a draft: edit it, or publish it before drafting another.`);
  }
  const number = (latest?.number ?? 0) + 1;
  const set = await tx.criteriaSet.create({
    data: {
      kind: input.kind,
      number,
      name: latest?.name ?? (input.kind === "GATEWAY" ? "Gateway criteria" : "Endorsement criteria"),
      source: latest?.source ?? "",
    },
    select: { id: true, status: true },
  });
  if (latest) {
    const source = await criteriaOf(tx, latest.id);
    const newIds = new Map<string, string>();
    // Parents sort before their parts, so each part's parent is copied first.
    for (const { id, parentId, ...c } of source) {
      const copy = await tx.criterion.create({
        data: { ...c, setId: set.id, parentId: parentId ? (newIds.get(parentId) ?? null) : null },
        select: { id: true },
      });
      newIds.set(id, copy.id);
    }
  }
  await recordAudit(tx, {
    entityType: criteriaSetMachine.entity,
    entityId: set.id,
    action: "create",
    to: set.status,
    actor,
    data: { kind: input.kind, number, copiedFrom: latest?.number ?? null },
  });
  return { id: set.id };
});

export const changeCriteriaSetDetails = defineCommand(criteriaSetDetailsSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const set = await loadSet(tx, input.id);
  const after = { name: input.name, source: input.source };
  await editDraft(tx, set, input.version, actor, { changes: changes(set, after, ["name", "source"]) });
  await tx.criteriaSet.update({ where: { id: set.id }, data: after });
  return { id: set.id };
});

async function assertParentInSet(tx: Tx, setId: string, parentId: string) {
  const parent = await tx.criterion.findFirst({ where: { id: parentId, setId }, select: { id: true } });
  if (!parent) throw fieldError("parentId", "Choose the criterion this is a part of from the list");
}

export const addCriterion = defineCommand(addCriterionSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const set = await loadSet(tx, input.id);
  await editDraft(tx, set, input.version, actor, { added: input.number });
  if ((await tx.criterion.count({ where: { setId: set.id } })) >= MAX_CRITERIA_PER_SET) {
    throw new AppError("GUARD_FAILED", `A set holds at most ${MAX_CRITERIA_PER_SET} criteria.`);
  }
  if (input.parentId) await assertParentInSet(tx, set.id, input.parentId);
  if (await tx.criterion.findFirst({ where: { setId: set.id, number: input.number }, select: { id: true } })) {
    throw fieldError("number", `This set already has a criterion ${input.number}`);
  }
  const { id: _set, version: _version, parentId, ...fields } = input;
  await tx.criterion.create({ data: { ...fields, setId: set.id, parentId: parentId || null } });
  return { id: set.id };
});

export const changeCriterion = defineCommand(changeCriterionSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const set = await loadSet(tx, input.id);
  const before = await loadOrThrow(
    "Criterion",
    tx.criterion.findFirst({ where: { id: input.criterionId, setId: set.id }, select: criterionSelect }),
  );
  const { id: _set, version: _version, criterionId: _criterion, ...after } = input;
  await editDraft(tx, set, input.version, actor, {
    criterion: before.number,
    changes: changes(before, after, ["number", "title", "description", "guidance", "sortOrder"]),
  });
  const clash = await tx.criterion.findFirst({
    where: { setId: set.id, number: input.number, id: { not: before.id } },
    select: { id: true },
  });
  if (clash) throw fieldError("number", `This set already has a criterion ${input.number}`);
  await tx.criterion.update({ where: { id: before.id }, data: after });
  return { id: set.id };
});

/** Removing a criterion from a draft removes its parts too; a draft has no ratings to lose. */
export const removeCriterion = defineCommand(removeCriterionSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const set = await loadSet(tx, input.id);
  const criterion = await loadOrThrow(
    "Criterion",
    tx.criterion.findFirst({ where: { id: input.criterionId, setId: set.id }, select: { id: true, number: true } }),
  );
  await editDraft(tx, set, input.version, actor, { removed: criterion.number });
  await tx.criterion.delete({ where: { id: criterion.id } });
  return { id: set.id };
});

/** Publishing fixes the set from its effective date; reviews already under way keep the set they recorded. */
export const publishCriteriaSet = defineCommand(publishCriteriaSetSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const set = await loadSet(tx, input.id);
  const outcome = await applyTransition(tx, {
    machine: criteriaSetMachine,
    transition: "publish",
    row: set,
    expectedVersion: input.version,
    actor,
    context: await setContext(tx, set.id, input.effectiveFrom),
    table: tx.criteriaSet,
    data: { effectiveFrom: input.effectiveFrom, publishedAt: new Date() },
    audit: { effectiveFrom: day(input.effectiveFrom) },
  });
  return { ...outcome, id: set.id };
});
