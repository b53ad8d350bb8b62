import "server-only";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { annualReturnScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { notifyStaff, notifyUsers, organisationMembers } from "@/lib/notify";
import { annualReturnMachine, availableTransitions, type Actor } from "@/lib/workflow";
import { annualReturnSubmitSchema } from "@/lib/validation/quality";
import { checkFigures, type FiguresInput } from "@/lib/validation/annual-return-figures";
import { AppError } from "@/lib/errors";
import { rateDeliveringPlan } from "@/lib/data/plan-risks";
import { reasonedTransitionSchema, transitionSchema } from "@/lib/validation/common";

// Annual returns: the provider reports on its delivery each year; Centre staff accept or query the return, and a
// queried return goes back to the provider to edit and resubmit.

export const annualReturnLink = (id: string) => `/quality-reviews/annual-returns/${id}`;

async function loadReturn(tx: Tx, id: string, actor: Actor) {
  return loadOrThrow(
    "Annual return",
    tx.annualReturn.findFirst({
      where: { AND: [{ id }, annualReturnScope(actor)] },
      include: { plan: { select: { organisationId: true, programmeTitle: true } } },
    }),
  );
}

type Loaded = Awaited<ReturnType<typeof loadReturn>>;
const title = (r: Loaded) => `${r.plan.programmeTitle}, ${r.year}`;

/**
 * The figures the return keeps, checked against the previous year's return of the same plan (its learners continuing
 * into this year) and the Profession table; otherwise the field errors, before anything is written.
 */
async function checkedFigures(tx: Tx, row: Loaded, rows: readonly FiguresInput[]) {
  const [previous, known] = await Promise.all([
    tx.annualReturnFigures.findMany({
      where: { annualReturn: { planId: row.planId, year: row.year - 1 } },
      select: { professionId: true, continuing: true },
    }),
    tx.profession.findMany({ where: { id: { in: rows.map((r) => r.professionId) } }, select: { id: true } }),
  ]);
  const { figures, errors } = checkFigures(rows, new Map(previous.map((p) => [p.professionId, p.continuing])));
  const professions = new Set(known.map((p) => p.id));
  rows.forEach((r, i) => {
    if (!professions.has(r.professionId)) errors[`figures.${i}.starts`] = ["This profession is no longer on the list; reload the page"];
  });
  if (Object.keys(errors).length > 0) throw new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", errors);
  return figures;
}

export const submitAnnualReturn = defineCommand(annualReturnSubmitSchema, async (tx, input, actor) => {
  const row = await loadReturn(tx, input.id, actor);
  const { id, version, figures: rows, learnerSatisfaction, ...answers } = input;
  const figures = await checkedFigures(tx, row, rows);
  const result = await applyTransition(tx, {
    machine: annualReturnMachine,
    transition: "submit",
    row,
    expectedVersion: version,
    actor,
    context: { organisationId: row.plan.organisationId },
    table: tx.annualReturn,
    data: { ...answers, learnerSatisfaction: learnerSatisfaction ?? null, submittedAt: new Date() },
    audit: { resubmission: row.status === "QUERIED", professions: figures.length },
  });
  // A resubmission replaces the figures as a whole: a profession left blank this time is no longer part of the return.
  await tx.annualReturnFigures.deleteMany({ where: { annualReturnId: row.id } });
  await tx.annualReturnFigures.createMany({ data: figures.map((f) => ({ annualReturnId: row.id, ...f })) });
  await notifyStaff(tx, {
    kind: "SUBMISSIONS",
    title: `Annual return submitted: ${title(row)}`,
    body: "Accept it or query it.",
    link: annualReturnLink(id),
  });
  return result;
});

export const queryAnnualReturn = defineCommand(reasonedTransitionSchema("querying this annual return"), async (tx, input, actor) => {
  const row = await loadReturn(tx, input.id, actor);
  const result = await applyTransition(tx, {
    machine: annualReturnMachine,
    transition: "query",
    row,
    expectedVersion: input.version,
    actor,
    context: { organisationId: row.plan.organisationId, reason: input.reason },
    table: tx.annualReturn,
    data: { queryReason: input.reason },
    reason: input.reason,
  });
  await notifyUsers(tx, await organisationMembers(tx, row.plan.organisationId, "PROVIDER"), {
    kind: "DECISIONS",
    title: `Annual return queried: ${title(row)}`,
    body: input.reason,
    link: annualReturnLink(row.id),
  });
  return result;
});

export const acceptAnnualReturn = defineCommand(transitionSchema, async (tx, input, actor) => {
  const row = await loadReturn(tx, input.id, actor);
  const result = await applyTransition(tx, {
    machine: annualReturnMachine,
    transition: "accept",
    row,
    expectedVersion: input.version,
    actor,
    context: { organisationId: row.plan.organisationId },
    table: tx.annualReturn,
    data: { queryReason: null },
  });
  await notifyUsers(tx, await organisationMembers(tx, row.plan.organisationId, "PROVIDER"), {
    kind: "DECISIONS",
    title: `Annual return accepted: ${title(row)}`,
    link: annualReturnLink(row.id),
  });
  // The accepted figures are what the risk rules read, so the plan's rating follows them at once.
  await rateDeliveringPlan(tx, row.planId, actor);
  return result;
});

/** One return for its page, with the transitions this user could make now. */
export async function getAnnualReturn(actor: Actor, id: string) {
  const row = await db().annualReturn.findFirst({
    where: { AND: [{ id }, annualReturnScope(actor)] },
    select: {
      id: true,
      year: true,
      dueOn: true,
      status: true,
      version: true,
      cohorts: true,
      changesToDelivery: true,
      staffing: true,
      concerns: true,
      learnerSatisfaction: true,
      queryReason: true,
      submittedAt: true,
      figures: {
        orderBy: { profession: { name: "asc" } },
        select: {
          professionId: true,
          starts: true,
          continuing: true,
          completions: true,
          withdrawals: true,
          profession: { select: { name: true } },
        },
      },
      plan: {
        select: {
          id: true,
          programmeTitle: true,
          organisationId: true,
          organisation: { select: { name: true } },
          credential: { select: { reference: true, title: true } },
        },
      },
    },
  });
  if (!row) return null;
  const can = availableTransitions(annualReturnMachine, row.status, { organisationId: row.plan.organisationId, actor }).map((t) => t.name);
  return { ...row, can };
}

/** The professions a return's figures are given for: those in use now, and any the return already has. */
export function professionsForReturn(returnId: string) {
  return db().profession.findMany({
    where: { OR: [{ retiredAt: null }, { annualReturnFigures: { some: { annualReturnId: returnId } } }] },
    orderBy: { name: "asc" },
    take: 200,
    select: { id: true, name: true },
  });
}

/** How many years of a plan's figures its trend shows. */
export const TREND_YEARS = 10;

/**
 * A plan's figures by year, totalled over professions in SQL, from each return the provider has submitted (queried and
 * accepted ones too), newest year first; with the withdrawal rate: withdrawals as a share of the learners the year had
 * (its starts and those continuing from the year before, when that year's return is in the trend).
 */
export async function planReturnTrend(actor: Actor, planId: string) {
  const returns = await db().annualReturn.findMany({
    where: { AND: [{ planId }, annualReturnScope(actor), { status: { in: ["SUBMITTED", "QUERIED", "ACCEPTED"] } }] },
    orderBy: { year: "desc" },
    take: TREND_YEARS,
    select: { id: true, year: true, status: true, learnerSatisfaction: true },
  });
  const sums = await db().annualReturnFigures.groupBy({
    by: ["annualReturnId"],
    where: { annualReturnId: { in: returns.map((r) => r.id) } },
    _sum: { starts: true, continuing: true, completions: true, withdrawals: true },
  });
  const byReturn = new Map(sums.map((s) => [s.annualReturnId, s._sum]));
  const years = returns.map((r) => {
    const sum = byReturn.get(r.id);
    return {
      ...r,
      hasFigures: sum !== undefined,
      starts: sum?.starts ?? 0,
      continuing: sum?.continuing ?? 0,
      completions: sum?.completions ?? 0,
      withdrawals: sum?.withdrawals ?? 0,
    };
  });
  return years.map((y) => {
    const before = years.find((p) => p.year === y.year - 1);
    const had = y.starts + (before?.continuing ?? 0);
    return { ...y, withdrawalRate: y.hasFigures && had > 0 ? Math.round((100 * y.withdrawals) / had) : null };
  });
}
export type PlanReturnTrend = Awaited<ReturnType<typeof planReturnTrend>>;
