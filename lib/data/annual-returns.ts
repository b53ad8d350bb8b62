import "server-only";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { annualReturnScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { notifyStaff, notifyUsers, organisationMembers } from "@/lib/notify";
import { annualReturnMachine, availableTransitions, type Actor } from "@/lib/workflow";
import { annualReturnSubmitSchema } from "@/lib/validation/quality";
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

export const submitAnnualReturn = defineCommand(annualReturnSubmitSchema, async (tx, input, actor) => {
  const row = await loadReturn(tx, input.id, actor);
  const { id, version, ...answers } = input;
  const result = await applyTransition(tx, {
    machine: annualReturnMachine,
    transition: "submit",
    row,
    expectedVersion: version,
    actor,
    context: { organisationId: row.plan.organisationId },
    table: tx.annualReturn,
    data: { ...answers, submittedAt: new Date() },
    audit: { resubmission: row.status === "QUERIED" },
  });
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
      queryReason: true,
      submittedAt: true,
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
