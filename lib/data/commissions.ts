import "server-only";
import { currentEditionId } from "@/lib/data/capability-mapping";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { commissionScope, assertRole } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { assertExpertGroup } from "@/lib/data/organisations";
import { notifyStaff, notifyUsers, organisationMembers } from "@/lib/notify";
import { LIST_PAGE_SIZE, oneOf, pageNumber, pageResult, pageWindow, rowId } from "@/lib/data/paging";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  availableTransitions,
  check,
  COMMISSION_STATES,
  commissionMachine,
  STAFF,
  type Actor,
  type CredentialOrigin,
  type GatewayOutcome,
  type PriorityStatus,
} from "@/lib/workflow";
import { commissionCreateSchema } from "@/lib/validation/commission";
import { reasonedTransitionSchema, transitionSchema } from "@/lib/validation/common";

// Commissions: staff commission an expert group against a published priority that passed
// the gateway; the expert group accepts (creating the credential) or declines.

export const createCommission = defineCommand(commissionCreateSchema, async (tx, input, actor) => {
  assertRole(actor, STAFF, "create a commission");
  await assertExpertGroup(tx, input.organisationId);
  await loadOrThrow("Priority", tx.priority.findUnique({ where: { id: input.priorityId }, select: { id: true } }));
  const commission = await tx.commission.create({ data: { ...input, createdById: actor.id } });
  await recordAudit(tx, { entityType: "Commission", entityId: commission.id, action: "create", to: commission.status, actor });
  return commission;
});

async function loadCommission(tx: Tx, id: string, actor: Actor) {
  return loadOrThrow(
    "Commission",
    tx.commission.findFirst({
      where: { id, ...commissionScope(actor) },
      include: { priority: { select: { status: true, gatewayOutcome: true, title: true } } },
    }),
  );
}

type Loaded = Awaited<ReturnType<typeof loadCommission>>;
type Facts = { organisationId: string; priority: { status: PriorityStatus; gatewayOutcome: GatewayOutcome } };
const contextOf = (c: Facts, reason?: string) => ({
  organisationId: c.organisationId,
  priorityStatus: c.priority.status,
  gatewayOutcome: c.priority.gatewayOutcome,
  reason,
});
const link = (c: Loaded) => `/commissions/${c.id}`;

export const issueCommission = defineCommand(transitionSchema, async (tx, input, actor) => {
  const row = await loadCommission(tx, input.id, actor);
  const result = await applyTransition(tx, {
    machine: commissionMachine,
    transition: "issue",
    row,
    expectedVersion: input.version,
    actor,
    context: contextOf(row),
    table: tx.commission,
    data: { issuedAt: new Date() },
  });
  await notifyUsers(tx, await organisationMembers(tx, row.organisationId, "EXPERT"), {
    kind: "ASSIGNMENTS",
    title: `New commission: ${row.title}`,
    body: "Your expert group has been commissioned to develop a credential specification. Accept or decline it.",
    link: link(row),
  });
  return result;
});

export const declineCommission = defineCommand(reasonedTransitionSchema("declining this commission"), async (tx, input, actor) => {
  const row = await loadCommission(tx, input.id, actor);
  const result = await applyTransition(tx, {
    machine: commissionMachine,
    transition: "decline",
    row,
    expectedVersion: input.version,
    actor,
    context: contextOf(row, input.reason),
    table: tx.commission,
    data: { respondedAt: new Date(), reason: input.reason },
    reason: input.reason,
  });
  await notifyStaff(tx, { kind: "SUBMISSIONS", title: `Commission declined: ${row.title}`, body: input.reason, link: link(row) });
  return result;
});

export const cancelCommission = defineCommand(reasonedTransitionSchema("cancelling this commission"), async (tx, input, actor) => {
  const row = await loadCommission(tx, input.id, actor);
  const result = await applyTransition(tx, {
    machine: commissionMachine,
    transition: "cancel",
    row,
    expectedVersion: input.version,
    actor,
    context: contextOf(row, input.reason),
    table: tx.commission,
    data: { reason: input.reason },
    reason: input.reason,
  });
  // The expert group never saw a draft; once issued, it needs to know the work is off.
  if (row.status !== "DRAFT") {
    await notifyUsers(tx, await organisationMembers(tx, row.organisationId, "EXPERT"), {
      kind: "ASSIGNMENTS",
      title: `Commission cancelled: ${row.title}`,
      body: input.reason,
      link: link(row),
    });
  }
  return result;
});

/** Accepting creates the credential (origin COMMISSIONED) and its first draft specification version. */
export const acceptCommission = defineCommand(transitionSchema, async (tx, input, actor) => {
  const row = await loadCommission(tx, input.id, actor);
  const result = await applyTransition(tx, {
    machine: commissionMachine,
    transition: "accept",
    row,
    expectedVersion: input.version,
    actor,
    context: contextOf(row),
    table: tx.commission,
    data: { respondedAt: new Date() },
  });
  const credential = await createCredentialWithDraft(
    tx,
    { title: row.title, ownerOrganisationId: row.organisationId, origin: "COMMISSIONED", priorityId: row.priorityId },
    actor,
    { commissionId: row.id },
  );
  await tx.commission.update({ where: { id: row.id }, data: { credentialId: credential.id } });
  await notifyStaff(tx, { kind: "SUBMISSIONS", title: `Commission accepted: ${row.title}`, link: `/credentials/${credential.id}` });
  return { ...result, credentialId: credential.id };
});

type NewCredential = {
  title: string;
  summary?: string | null;
  ownerOrganisationId: string;
  origin: CredentialOrigin;
  priorityId?: string | null;
};

/** A credential (IN_DEVELOPMENT) with its first DRAFT specification version, both audited. */
export async function createCredentialWithDraft(tx: Tx, data: NewCredential, actor: Actor, audit: Record<string, string> = {}) {
  const credential = await tx.credential.create({
    data: {
      ...data,
      reference: await nextCredentialReference(tx),
      versions: { create: { number: 1, createdById: actor.id, frameworkEditionId: await currentEditionId(tx) } },
    },
    include: { versions: { select: { id: true, status: true } } },
  });
  await recordAudit(tx, {
    entityType: "Credential",
    entityId: credential.id,
    action: "create",
    to: credential.status,
    actor,
    data: { origin: data.origin, ...audit },
  });
  const [draft] = credential.versions;
  await recordAudit(tx, {
    entityType: "SpecificationVersion",
    entityId: draft.id,
    action: "create",
    to: draft.status,
    actor,
    data: { number: 1 },
  });
  return credential;
}

/** APC-0001, APC-0002, … — an advisory lock serialises concurrent creations. */
export async function nextCredentialReference(tx: Tx): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`;
  const rows = await tx.$queryRaw<{ max: number | null }[]>`
    SELECT MAX(CAST(SUBSTRING(reference FROM 5) AS INTEGER)) AS max FROM "Credential" WHERE reference ~ '^APC-[0-9]+$'`;
  return `APC-${String((rows[0]?.max ?? 0) + 1).padStart(4, "0")}`;
}

export type CommissionFilters = {
  status?: string;
  /** Only this priority's commissions (the priority page's "View all"). */
  priority?: string;
  page?: string;
};

export const COMMISSIONS_PAGE_SIZE = LIST_PAGE_SIZE;

export async function listCommissions(actor: Actor, filters: CommissionFilters = {}) {
  const status = oneOf(COMMISSION_STATES, filters.status);
  const priorityId = rowId(filters.priority);
  const where: Prisma.CommissionWhereInput = { AND: [commissionScope(actor), status ? { status } : {}, priorityId ? { priorityId } : {}] };
  const page = pageNumber(filters.page);
  const [rows, total] = await Promise.all([
    db().commission.findMany({
      where,
      orderBy: [{ status: "asc" }, { dueOn: "asc" }, { id: "asc" }],
      ...pageWindow(page, COMMISSIONS_PAGE_SIZE),
      select: {
        id: true,
        title: true,
        status: true,
        dueOn: true,
        version: true,
        organisation: { select: { name: true } },
        priority: { select: { title: true } },
      },
    }),
    db().commission.count({ where }),
  ]);
  return pageResult(rows, total, page, COMMISSIONS_PAGE_SIZE);
}

/** One commission as the actor may see it, with the transitions they may make now (for its buttons). */
export async function getCommission(actor: Actor, id: string) {
  const c = await db().commission.findFirst({
    where: { id, ...commissionScope(actor) },
    include: {
      priority: { select: { id: true, title: true, status: true, gatewayOutcome: true } },
      organisation: { select: { name: true } },
      credential: { select: { id: true, reference: true } },
    },
  });
  if (!c) return null;
  const available = availableTransitions(commissionMachine, c.status, { ...contextOf(c), actor }).map((t) => t.name);
  return { ...c, available };
}

/**
 * Why this priority cannot be commissioned now, in the words of the commission's `issue` guard
 * (published, passed the gateway), or null when it can.
 */
export function whyNotCommissionable(actor: Actor, priority: { status: PriorityStatus; gatewayOutcome: GatewayOutcome }): string | null {
  const verdict = check(commissionMachine, "issue", "DRAFT", {
    organisationId: "",
    priorityStatus: priority.status,
    gatewayOutcome: priority.gatewayOutcome,
    actor,
  });
  return verdict.ok ? null : verdict.reason;
}
