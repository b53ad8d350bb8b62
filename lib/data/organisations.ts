import "server-only";
import { changes, recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { assertAdmin, assertSeen, fieldError } from "@/lib/data/admin-guard";
import { defineCommand } from "@/lib/data/command";
import { likeLiteral, LIST_PAGE_SIZE, pageNumber, pageResult, pageWindow } from "@/lib/data/paging";
import { AppError, notFound, stale } from "@/lib/errors";
import { organisationCreateSchema, organisationRenameSchema } from "@/lib/validation/account";
import type { Actor } from "@/lib/workflow";

// Organisations. Admins create and rename them (every such read and command checks that the actor is an active
// admin); commissions and credentials belong to an expert group.

/** Expert groups, for the "which expert group" select of commissions and pilot registrations. */
export function listExpertGroups() {
  return db().organisation.findMany({ where: { kind: "EXPERT_GROUP" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** Commissions and credentials belong to an expert group; anything else is a field error on the select. */
export async function assertExpertGroup(tx: Tx, organisationId: string, field = "organisationId") {
  const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { kind: true } });
  if (org?.kind !== "EXPERT_GROUP") {
    throw new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", { [field]: ["Choose an expert group"] });
  }
}

export const ORGANISATIONS_PAGE_SIZE = LIST_PAGE_SIZE;

export async function listOrganisations(actor: Actor, filters: { page?: string } = {}) {
  await assertAdmin(db(), actor);
  const page = pageNumber(filters.page);
  const [rows, total] = await Promise.all([
    db().organisation.findMany({
      orderBy: [{ name: "asc" }, { id: "asc" }],
      ...pageWindow(page, ORGANISATIONS_PAGE_SIZE),
      select: { id: true, name: true, kind: true, updatedAt: true, _count: { select: { users: true } } },
    }),
    db().organisation.count(),
  ]);
  return pageResult(rows, total, page, ORGANISATIONS_PAGE_SIZE);
}

export async function organisationForEdit(actor: Actor, id: string) {
  await assertAdmin(db(), actor);
  return db().organisation.findUnique({ where: { id }, select: { id: true, name: true, kind: true, updatedAt: true } });
}

/** Every organisation for the invite and change forms' select: a handful of dozen rows, capped all the same. */
export async function organisationOptions(actor: Actor) {
  await assertAdmin(db(), actor);
  return db().organisation.findMany({ orderBy: { name: "asc" }, take: 500, select: { id: true, name: true, kind: true } });
}

async function assertNameFree(tx: Tx, name: string, exceptId?: string) {
  const same = await tx.organisation.findFirst({
    where: { name: { equals: likeLiteral(name), mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (same) throw fieldError("name", "An organisation with this name already exists");
}

export const createOrganisation = defineCommand(organisationCreateSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  await assertNameFree(tx, input.name);
  const org = await tx.organisation.create({ data: input, select: { id: true, name: true, kind: true } });
  await recordAudit(tx, {
    entityType: "Organisation",
    entityId: org.id,
    action: "create",
    actor,
    data: { name: org.name, kind: org.kind },
  });
  return org;
});

export const renameOrganisation = defineCommand(organisationRenameSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const row = await tx.organisation.findUnique({ where: { id: input.id }, select: { id: true, name: true, updatedAt: true } });
  if (!row) throw notFound("The organisation");
  assertSeen(row, input.seenAt);
  await assertNameFree(tx, input.name, row.id);
  const { count } = await tx.organisation.updateMany({ where: { id: row.id, updatedAt: row.updatedAt }, data: { name: input.name } });
  if (count !== 1) throw stale();
  await recordAudit(tx, {
    entityType: "Organisation",
    entityId: row.id,
    action: "rename",
    actor,
    data: { changes: changes(row, input, ["name"]) },
  });
  return { id: row.id };
});
