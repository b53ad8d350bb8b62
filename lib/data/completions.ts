import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { keepPlanFor, notifyPlanProviders, PLAN_FOR_RECORD } from "@/lib/data/delivery-plans";
import { practitionerForCompletion } from "@/lib/data/practitioners";
import {
  CHOICE_LIMIT,
  containing,
  LIST_PAGE_SIZE,
  oneOf,
  pageNumber,
  pageResult,
  pageWindow,
  rowsOfPage,
  type Choice,
} from "@/lib/data/paging";
import { listTotal } from "@/lib/data/totals";
import { assertRole, completionScope, deliveryPlanScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow, type WritableFields } from "@/lib/data/transition";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyStaff } from "@/lib/notify";
import { completionRecordSchema, completionRevokeSchema, completionTransitionSchema } from "@/lib/validation/completion";
import { COMPLETION_PLAN_STATES, COMPLETION_STATES, completionMachine, type Actor, type CompletionContext } from "@/lib/workflow";

// Recognition of completion (stage 10). A provider records each practitioner who completed the credential through
// one of its delivery plans; Centre staff recognise the completion with a verifiable digital badge, or revoke it.
// Note the Centre's wording: practitioners complete a credential; "credential" is never a verb.

/** Plans whose learners may have completed: approved (with or without conditions), or closed after delivery. */

export type CompletionFilters = { status?: string; page?: string };

export const COMPLETIONS_PAGE_SIZE = LIST_PAGE_SIZE;

export const completionLink = (id: string) => `/completions/${id}`;
export const badgeLink = (badgeId: string) => `/badges/${badgeId}`;

export async function listCompletions(actor: Actor, filters: CompletionFilters = {}) {
  const status = oneOf(COMPLETION_STATES, filters.status);
  const scope = completionScope(actor);
  const where: Prisma.CompletionWhereInput = { AND: [scope, status ? { status } : {}] };
  const page = pageNumber(filters.page);
  const [ids, total] = await Promise.all([
    db().completion.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...pageWindow(page, COMPLETIONS_PAGE_SIZE),
      select: { id: true },
    }),
    listTotal("completions", scope, status ?? "", () => db().completion.count({ where })),
  ]);
  const rows = await rowsOfPage(ids, (page) =>
    db().completion.findMany({
      where: { AND: [where, { id: { in: page } }] },
      select: {
        id: true,
        practitionerName: true,
        profession: true,
        completedOn: true,
        status: true,
        organisation: { select: { name: true } },
        credential: { select: { reference: true, title: true } },
      },
    }),
  );
  return pageResult(rows, total, page, COMPLETIONS_PAGE_SIZE);
}

/** How many recorded completions await the Centre's recognition (staff only; 0 for anyone else). */
export function completionsToRecognise(actor: Actor) {
  if (actor.role !== "CENTRE_STAFF") return Promise.resolve(0);
  return listTotal("completions", {}, "RECORDED", () => db().completion.count({ where: { status: "RECORDED" } }));
}

const COMPLETION_SELECT = {
  id: true,
  status: true,
  version: true,
  organisationId: true,
  planId: true,
  practitionerName: true,
  registration: true,
  profession: true,
  practitioner: { select: { id: true, version: true, listedInDirectory: true, recognitionRoute: true } },
  completedOn: true,
  badgeId: true,
  recognisedAt: true,
  reason: true,
  createdAt: true,
  organisation: { select: { name: true } },
  plan: { select: { id: true, programmeTitle: true } },
  credential: { select: { id: true, reference: true, title: true } },
} satisfies Prisma.CompletionSelect;

/** One completion as the actor may see it (null when outside their scope). */
export function findCompletion(client: Tx, actor: Actor, id: string) {
  return client.completion.findFirst({ where: { AND: [{ id }, completionScope(actor)] }, select: COMPLETION_SELECT });
}

export const getCompletion = (actor: Actor, id: string) => findCompletion(db(), actor, id);

export type CompletionDetail = NonNullable<Awaited<ReturnType<typeof getCompletion>>>;

const planForCompletionWhere = (actor: Actor): Prisma.DeliveryPlanWhereInput => ({
  AND: [deliveryPlanScope(actor), { organisationId: actor.organisationId ?? "__none__" }],
});

type PlanOption = { id: string; programmeTitle: string; credential: { reference: string; title: string } };

/**
 * The provider's plans against which completions may be recorded now: at most CHOICE_LIMIT, narrowed by the
 * credential's reference or title or the programme title. A plan named in the URL (`?plan=`) is offered too.
 */
export async function plansOpenForCompletions(actor: Actor, search?: string, planId?: string): Promise<Choice<PlanOption>> {
  if (actor.role !== "PROVIDER") return { options: [], total: 0, search };
  const open: Prisma.DeliveryPlanWhereInput = { AND: [planForCompletionWhere(actor), { status: { in: [...COMPLETION_PLAN_STATES] } }] };
  const where: Prisma.DeliveryPlanWhereInput = search
    ? {
        AND: [
          open,
          {
            OR: [
              { programmeTitle: containing(search) },
              { credential: { reference: containing(search) } },
              { credential: { title: containing(search) } },
            ],
          },
        ],
      }
    : open;
  const select = { id: true, programmeTitle: true, credential: { select: { reference: true, title: true } } } as const;
  const [options, total, named] = await Promise.all([
    db().deliveryPlan.findMany({
      where,
      orderBy: [{ credential: { reference: "asc" } }, { programmeTitle: "asc" }, { id: "asc" }],
      take: CHOICE_LIMIT,
      select,
    }),
    db().deliveryPlan.count({ where }),
    planId ? db().deliveryPlan.findFirst({ where: { AND: [open, { id: planId }] }, select }) : null,
  ]);
  return { options: named && !options.some((o) => o.id === named.id) ? [named, ...options] : options, total, search };
}

export const recordCompletion = defineCommand(completionRecordSchema, async (tx, input, actor) => {
  assertRole(actor, ["PROVIDER"], "record a completion");
  const plan = await loadOrThrow(
    "Delivery plan",
    tx.deliveryPlan.findFirst({
      where: { AND: [{ id: input.planId }, planForCompletionWhere(actor)] },
      select: {
        ...PLAN_FOR_RECORD,
        credentialId: true,
        programmeTitle: true,
        credential: { select: { status: true, reference: true, title: true } },
      },
    }),
  );
  await keepPlanFor(tx, plan, "recordCompletion", actor);
  const practitioner = await practitionerForCompletion(tx, actor, plan.organisationId, input);
  const completion = await tx.completion.create({
    data: {
      planId: plan.id,
      organisationId: plan.organisationId,
      credentialId: plan.credentialId,
      practitionerId: practitioner.id,
      practitionerName: practitioner.name,
      registration: practitioner.registrationNumber,
      profession: practitioner.professionName,
      completedOn: input.completedOn,
    },
    select: { id: true, status: true, version: true },
  });
  await recordAudit(tx, {
    entityType: completionMachine.entity,
    entityId: completion.id,
    action: "create",
    to: completion.status,
    actor,
    data: { planId: plan.id, practitionerId: practitioner.id },
  });
  await notifyStaff(
    tx,
    {
      kind: "SUBMISSIONS",
      title: `Completion to recognise: ${practitioner.name}`,
      body: `${practitioner.name} (${practitioner.professionName}) completed the credential ${plan.credential.reference} ${plan.credential.title} through ${plan.programmeTitle}.`,
      link: completionLink(completion.id),
    },
    actor.id,
  );
  return { ...completion, transition: "record" };
});

type Change = { id: string; version: number; reason?: string };

async function transitionCompletion(
  tx: Tx,
  actor: Actor,
  input: Change,
  transition: "recognise" | "revoke",
  data: WritableFields<Tx["completion"]>,
) {
  const row = await loadOrThrow("Completion", findCompletion(tx, actor, input.id));
  const context: CompletionContext = { reason: input.reason };
  const result = await applyTransition(tx, {
    machine: completionMachine,
    transition,
    row,
    expectedVersion: input.version,
    actor,
    context,
    table: tx.completion,
    data,
    reason: input.reason,
  });
  return { row, result: { ...result, transition } };
}

export const recogniseCompletion = defineCommand(completionTransitionSchema, async (tx, input, actor) => {
  const badgeId = randomUUID();
  const { row, result } = await transitionCompletion(tx, actor, input, "recognise", {
    badgeId,
    badgeSalt: randomBytes(16).toString("hex"),
    recognisedAt: new Date(),
  });
  await notifyPlanProviders(
    tx,
    row.organisationId,
    {
      kind: "DECISIONS",
      title: `Completion recognised: ${row.practitionerName}`,
      body: `The Centre recognised ${row.practitionerName}'s completion of the credential ${row.credential.reference} ${row.credential.title} with a digital badge: ${badgeLink(badgeId)}`,
      link: completionLink(row.id),
    },
    actor.id,
  );
  return { ...result, badgeId };
});

export const revokeCompletion = defineCommand(completionRevokeSchema, async (tx, input, actor) => {
  const { row, result } = await transitionCompletion(tx, actor, input, "revoke", { reason: input.reason });
  await notifyPlanProviders(
    tx,
    row.organisationId,
    {
      kind: "DECISIONS",
      title: `Completion revoked: ${row.practitionerName}`,
      body: input.reason,
      link: completionLink(row.id),
    },
    actor.id,
  );
  return result;
});
