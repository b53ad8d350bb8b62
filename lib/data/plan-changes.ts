import "server-only";
import { db, type Tx } from "@/lib/db";
import { deliveryPlanScope, planChangeScope } from "@/lib/data/scope";
import { firstValue, LIST_PAGE_SIZE, oneOf, pageNumber, pageResult, pageWindow, rowId } from "@/lib/data/paging";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PLAN_FOR_RECORD, recordContext } from "@/lib/data/delivery-plans";
import {
  availableTransitions,
  check,
  deliveryPlanMachine,
  OPEN_PLAN_CHANGE_STATES,
  PLAN_CHANGE_STATES,
  planChangeMachine,
  type Actor,
  type PlanChangeContext,
} from "@/lib/workflow";

// Changes reported to approved delivery plans: staff see every provider's, a provider its own organisation's. The
// commands that change them are in plan-change-commands.ts; this file holds the reads they share with the pages.

export const planChangeLink = (id: string) => `/delivery-plans/changes/${id}`;
export const PLAN_CHANGES_LIST = "/delivery-plans/changes";
export const PLAN_CHANGES_PAGE_SIZE = LIST_PAGE_SIZE;

/** "OPEN" (the list's default: waiting for the Centre or the provider), "ANY", or one status. */
export type PlanChangeFilters = { status?: string; plan?: string; page?: string };
const OPEN = "OPEN";
const ANY = "ANY";

function statusFilter(value?: string | string[]) {
  const text = firstValue(value);
  if (text === ANY) return { key: ANY, where: {} };
  const status = oneOf(PLAN_CHANGE_STATES, text);
  if (status) return { key: status, where: { status } };
  return { key: OPEN, where: { status: { in: [...OPEN_PLAN_CHANGE_STATES] } } };
}

export async function listPlanChanges(actor: Actor, filters: PlanChangeFilters = {}) {
  const status = statusFilter(filters.status);
  const planId = rowId(filters.plan);
  const where: Prisma.PlanChangeWhereInput = { AND: [planChangeScope(actor), status.where, planId ? { planId } : {}] };
  const page = pageNumber(filters.page);
  const [rows, total] = await Promise.all([
    db().planChange.findMany({
      where,
      // Oldest first: the list is a queue, and the change waiting longest is the one to triage next.
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      ...pageWindow(page, PLAN_CHANGES_PAGE_SIZE),
      select: {
        id: true,
        category: true,
        kind: true,
        status: true,
        createdAt: true,
        organisation: { select: { name: true } },
        plan: { select: { id: true, programmeTitle: true } },
      },
    }),
    db().planChange.count({ where }),
  ]);
  return { ...pageResult(rows, total, page, PLAN_CHANGES_PAGE_SIZE), status: status.key, planId };
}

const CHANGE_SELECT = {
  id: true,
  status: true,
  version: true,
  organisationId: true,
  category: true,
  kind: true,
  whatChanged: true,
  why: true,
  question: true,
  outcomeReason: true,
  decidedAt: true,
  createdAt: true,
  reportedBy: { select: { name: true } },
  organisation: { select: { name: true } },
  plan: {
    select: {
      id: true,
      status: true,
      version: true,
      programmeTitle: true,
      organisationId: true,
      credential: { select: { reference: true, title: true, status: true } },
    },
  },
} satisfies Prisma.PlanChangeSelect;

const PLAN_FOR_RECORD_PAGE = {
  ...PLAN_FOR_RECORD,
  programmeTitle: true,
  credential: { select: { status: true, reference: true, title: true } },
} satisfies Prisma.DeliveryPlanSelect;

/** One change as the actor may see it, or null when outside their scope. */
export function findPlanChange(client: Tx, actor: Actor, id: string) {
  return client.planChange.findFirst({ where: { AND: [{ id }, planChangeScope(actor)] }, select: CHANGE_SELECT });
}
export type PlanChangeDetail = NonNullable<Awaited<ReturnType<typeof findPlanChange>>>;

export const planChangeContext = (change: Pick<PlanChangeDetail, "organisationId" | "kind">, reason?: string): PlanChangeContext => ({
  organisationId: change.organisationId,
  kind: change.kind,
  reason,
});

/** The change with what this actor may do to it now, as the machine says. */
export async function getPlanChange(actor: Actor, id: string) {
  const change = await findPlanChange(db(), actor, id);
  if (!change) return null;
  const available = availableTransitions(planChangeMachine, change.status, { ...planChangeContext(change), actor });
  return { ...change, available };
}
export type PlanChangeView = NonNullable<Awaited<ReturnType<typeof getPlanChange>>>;

/**
 * The plan a change would be reported against, as the actor may see it, and why they cannot report one now (the plan
 * machine's `reportChange`: a provider's own plan, approved and delivering), or null when they can.
 */
export async function planForChangeReport(actor: Actor, planId: string) {
  const plan = await db().deliveryPlan.findFirst({
    where: { AND: [{ id: planId }, deliveryPlanScope(actor)] },
    select: PLAN_FOR_RECORD_PAGE,
  });
  if (!plan) return null;
  const verdict = check(deliveryPlanMachine, "reportChange", plan.status, { ...recordContext(plan), actor });
  return { ...plan, refusal: verdict.ok ? null : verdict.reason };
}
