import "server-only";
import { changes, recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { keepPlanFor, PLAN_FOR_RECORD } from "@/lib/data/delivery-plans";
import { assertRole, deliveryPlanScope, impactReturnScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageNumber, pageResult, pageWindow } from "@/lib/data/paging";
import { notifyStaff, notifyUsers, organisationMembers } from "@/lib/notify";
import { availableTransitions, impactReturnMachine, REPORTING_PLAN_STATES, type Actor } from "@/lib/workflow";
import {
  CHOOSE_PROFESSION,
  impactCreateSchema,
  impactEditSchema,
  type ProfessionFigures,
  type ProfessionFiguresRow,
} from "@/lib/validation/impact";
import { reasonedTransitionSchema, transitionSchema } from "@/lib/validation/common";

// Impact returns: a provider's figures for one delivery and period, drafted and submitted by the provider, then
// accepted by Centre staff (or queried, and revised by the provider). Only accepted returns count in the figures.

export const impactReturnLink = (id: string) => `/impact/${id}`;

/** Plans that have delivered learners, so can report impact (a suspended or closed plan still reports its cohorts). */

const periodTaken = () =>
  new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", {
    period: ["There is already an impact return for this delivery and period"],
  });

const professionRows = (rows: ProfessionFigures[]) =>
  rows.map(({ professionId, enrolled, completed, deployed }) => ({ professionId, enrolled, completed, deployed }));

/**
 * Refuses, by the row's field and before anything is written, a profession that is not on the list or is retired —
 * unless this return already gives figures for it (a retired profession stays on the returns that had it).
 */
async function assertProfessionsOnList(tx: Tx, rows: ProfessionFiguresRow[], returnId?: string) {
  if (rows.length === 0) return new Map<string, string>();
  const allowed = await tx.profession.findMany({
    where: {
      id: { in: rows.map((r) => r.professionId) },
      OR: [{ retiredAt: null }, ...(returnId ? [{ impactFigures: { some: { impactReturnId: returnId } } }] : [])],
    },
    select: { id: true, name: true },
  });
  const ids = new Map(allowed.map((p) => [p.id, p.name]));
  const errors = Object.fromEntries(
    rows.flatMap((r) => (ids.has(r.professionId) ? [] : [[`professions.${r.row}.professionId`, [CHOOSE_PROFESSION]]])),
  );
  if (Object.keys(errors).length > 0) throw new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", errors);
  return ids;
}

/** The professions a return's figures may be given for: those on the list now, and any the return already has. */
export function professionsForImpactReturn(returnId?: string) {
  return db().profession.findMany({
    where: returnId ? { OR: [{ retiredAt: null }, { impactFigures: { some: { impactReturnId: returnId } } }] } : { retiredAt: null },
    orderBy: { name: "asc" },
    take: 200,
    select: { id: true, name: true },
  });
}

/** How a row names its profession: the list's name, or the text recorded before the list, marked as such. */
export const professionLabel = (row: { profession: { name: string } | null; legacyProfession: string | null }) =>
  row.profession ? row.profession.name : `${row.legacyProfession ?? ""} (not on the list)`;

export const createImpactReturn = defineCommand(impactCreateSchema, async (tx, input, actor) => {
  assertRole(actor, ["PROVIDER"], "start an impact return");
  const plan = await loadOrThrow(
    "Delivery plan",
    tx.deliveryPlan.findFirst({
      where: { AND: [{ id: input.planId }, deliveryPlanScope(actor)] },
      select: { ...PLAN_FOR_RECORD, credentialId: true, credential: { select: { ...PLAN_FOR_RECORD.credential.select, reference: true } } },
    }),
  );
  await keepPlanFor(tx, plan, "reportImpact", actor);
  if (await tx.impactReturn.findUnique({ where: { planId_period: { planId: plan.id, period: input.period } }, select: { id: true } })) {
    throw periodTaken();
  }
  const { planId, professions, ...figures } = input;
  await assertProfessionsOnList(tx, professions);
  const created = await tx.impactReturn.create({
    data: {
      ...figures,
      planId,
      organisationId: plan.organisationId,
      credentialId: plan.credentialId,
      credentialReference: plan.credential.reference,
      byProfession: { create: professionRows(professions) },
    },
  });
  await recordAudit(tx, {
    entityType: "ImpactReturn",
    entityId: created.id,
    action: "create",
    to: created.status,
    actor,
    data: { period: input.period },
  });
  return created;
});

async function loadReturn(tx: Tx, id: string, actor: Actor) {
  return loadOrThrow(
    "Impact return",
    tx.impactReturn.findFirst({
      where: { AND: [{ id }, impactReturnScope(actor)] },
      include: {
        plan: { select: { programmeTitle: true } },
        byProfession: {
          select: {
            professionId: true,
            legacyProfession: true,
            profession: { select: { name: true } },
            enrolled: true,
            completed: true,
            deployed: true,
          },
        },
      },
    }),
  );
}

/** The by-profession figures as one value per profession, named as the page shows it, for the audit event's changes. */
const figuresByProfession = (rows: (Omit<ProfessionFigures, "professionId"> & { name: string })[]) =>
  Object.fromEntries(rows.map((r) => [r.name, { enrolled: r.enrolled, completed: r.completed, deployed: r.deployed }]));

type Loaded = Awaited<ReturnType<typeof loadReturn>>;
const title = (r: Loaded) => `${r.plan.programmeTitle}, ${r.period}`;

export const editImpactReturn = defineCommand(impactEditSchema, async (tx, input, actor) => {
  const row = await loadReturn(tx, input.id, actor);
  const { id, version, professions, ...figures } = input;
  const names = await assertProfessionsOnList(tx, professions, id);
  const before = row.byProfession.map((p) => ({ ...p, name: professionLabel(p) }));
  const after = professions.map((p) => ({ ...p, name: names.get(p.professionId)! }));
  if (figures.period !== row.period) {
    const clash = await tx.impactReturn.findFirst({
      where: { planId: row.planId, period: figures.period, id: { not: id } },
      select: { id: true },
    });
    if (clash) throw periodTaken();
  }
  const result = await applyTransition(tx, {
    machine: impactReturnMachine,
    transition: "edit",
    row,
    expectedVersion: version,
    actor,
    context: { organisationId: row.organisationId },
    table: tx.impactReturn,
    data: figures,
    audit: {
      changes: changes(row, figures, Object.keys(figures) as (keyof typeof figures)[]),
      professions: changes(figuresByProfession(before), figuresByProfession(after), [...new Set([...before, ...after].map((p) => p.name))]),
    },
  });
  await tx.impactByProfession.deleteMany({ where: { impactReturnId: id } });
  await tx.impactByProfession.createMany({ data: professionRows(professions).map((p) => ({ ...p, impactReturnId: id })) });
  return result;
});

export const submitImpactReturn = defineCommand(transitionSchema, async (tx, input, actor) => {
  const row = await loadReturn(tx, input.id, actor);
  const result = await applyTransition(tx, {
    machine: impactReturnMachine,
    transition: "submit",
    row,
    expectedVersion: input.version,
    actor,
    context: { organisationId: row.organisationId },
    table: tx.impactReturn,
    data: { submittedAt: new Date() },
  });
  await notifyStaff(tx, {
    kind: "SUBMISSIONS",
    title: `Impact return submitted: ${title(row)}`,
    body: "Accept it or query it.",
    link: impactReturnLink(row.id),
  });
  return result;
});

async function notifyProvider(tx: Tx, row: Loaded, title: string, body?: string) {
  await notifyUsers(tx, await organisationMembers(tx, row.organisationId, "PROVIDER"), {
    kind: "DECISIONS",
    title,
    body,
    link: impactReturnLink(row.id),
  });
}

export const queryImpactReturn = defineCommand(reasonedTransitionSchema("querying this impact return"), async (tx, input, actor) => {
  const row = await loadReturn(tx, input.id, actor);
  const result = await applyTransition(tx, {
    machine: impactReturnMachine,
    transition: "query",
    row,
    expectedVersion: input.version,
    actor,
    context: { organisationId: row.organisationId, reason: input.reason },
    table: tx.impactReturn,
    data: { queryReason: input.reason },
    reason: input.reason,
  });
  await notifyProvider(tx, row, `Impact return queried: ${title(row)}`, input.reason);
  return result;
});

export const acceptImpactReturn = defineCommand(transitionSchema, async (tx, input, actor) => {
  const row = await loadReturn(tx, input.id, actor);
  const result = await applyTransition(tx, {
    machine: impactReturnMachine,
    transition: "accept",
    row,
    expectedVersion: input.version,
    actor,
    context: { organisationId: row.organisationId },
    table: tx.impactReturn,
    data: { acceptedAt: new Date(), queryReason: null },
  });
  await notifyProvider(tx, row, `Impact return accepted: ${title(row)}`);
  return result;
});

/** One return for its pages, with its by-profession rows and the transitions this user could make now. */
export async function getImpactReturn(actor: Actor, id: string) {
  const row = await db().impactReturn.findFirst({
    where: { AND: [{ id }, impactReturnScope(actor)] },
    select: {
      id: true,
      period: true,
      status: true,
      version: true,
      enrolled: true,
      completed: true,
      withdrawn: true,
      deployed: true,
      employerFeedback: true,
      patientBenefit: true,
      queryReason: true,
      submittedAt: true,
      acceptedAt: true,
      organisationId: true,
      organisation: { select: { name: true } },
      plan: { select: { id: true, programmeTitle: true } },
      credential: { select: { id: true, reference: true, title: true } },
      byProfession: {
        orderBy: [{ profession: { name: "asc" } }, { legacyProfession: "asc" }],
        select: {
          professionId: true,
          legacyProfession: true,
          profession: { select: { name: true } },
          enrolled: true,
          completed: true,
          deployed: true,
        },
      },
    },
  });
  if (!row) return null;
  const can = availableTransitions(impactReturnMachine, row.status, { organisationId: row.organisationId, actor }).map((t) => t.name);
  return { ...row, can };
}

/** A delivery plan the provider may start a return for (null when out of scope or not delivering). */
export function reportingPlan(actor: Actor, planId: string) {
  return db().deliveryPlan.findFirst({
    where: { AND: [{ id: planId }, deliveryPlanScope(actor), { status: { in: [...REPORTING_PLAN_STATES] } }] },
    select: { id: true, programmeTitle: true, credential: { select: { reference: true, title: true } } },
  });
}

export const REPORTING_PLANS_PAGE_SIZE = 10;

/** One page of the provider's delivering plans, for "Start an impact return" links (`?plansPage=`). */
export async function reportingPlans(actor: Actor, plansPage?: string) {
  const where: Prisma.DeliveryPlanWhereInput = { AND: [deliveryPlanScope(actor), { status: { in: [...REPORTING_PLAN_STATES] } }] };
  const page = pageNumber(plansPage);
  const [rows, total] = await Promise.all([
    db().deliveryPlan.findMany({
      where,
      orderBy: [{ programmeTitle: "asc" }, { id: "asc" }],
      ...pageWindow(page, REPORTING_PLANS_PAGE_SIZE),
      select: { id: true, programmeTitle: true, credential: { select: { reference: true, title: true } } },
    }),
    db().deliveryPlan.count({ where }),
  ]);
  return pageResult(rows, total, page, REPORTING_PLANS_PAGE_SIZE);
}
