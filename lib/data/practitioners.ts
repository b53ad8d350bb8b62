import "server-only";
import { unstable_cache } from "next/cache";
import { changes, recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { CHOICE_LIMIT, containing, likeLiteral, LIST_PAGE_SIZE, pageNumber, pageResult, pageWindow, rowsOfPage } from "@/lib/data/paging";
import { assertAdmin } from "@/lib/data/admin-guard";
import { CACHE_SECONDS } from "@/lib/data/catalogue";
import { assertRole, practitionerScope } from "@/lib/data/scope";
import { AppError, notFound, stale } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CompletionRecordInput } from "@/lib/validation/completion";
import {
  directoryListingSchema,
  professionCreateSchema,
  professionRenameSchema,
  professionRetireSchema,
} from "@/lib/validation/practitioner";
import type { Actor } from "@/lib/workflow";
import { ELIGIBILITY_RULE, missingForEligibility } from "@/lib/workflow/practitioner";

// Practitioners as people, the maintained list of professions, and the public directory of practitioners who
// consented to be listed.

const INVALID = "Check the highlighted fields and try again.";
const fieldErrors = (errors: Record<string, string>) =>
  new AppError("INVALID_INPUT", INVALID, Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [v]])));

// ---------------------------------------------------------------------------------------------------------------
// Professions

/** The professions offered for new practitioners: the list without retired entries. */
export function activeProfessions() {
  return db().profession.findMany({
    where: { retiredAt: null },
    orderBy: { name: "asc" },
    take: 200,
    select: { id: true, name: true, regulator: true },
  });
}

/** The whole list, retired entries too, for the admin page (a few dozen rows, capped all the same). */
export async function listProfessions(actor: Actor) {
  await assertAdmin(db(), actor);
  return db().profession.findMany({
    orderBy: [{ retiredAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    take: 500,
    select: { id: true, name: true, regulator: true, retiredAt: true, version: true, _count: { select: { practitioners: true } } },
  });
}

async function assertProfessionNameFree(tx: Tx, name: string, exceptId?: string) {
  const same = await tx.profession.findFirst({
    where: { name: { equals: likeLiteral(name), mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (same) throw fieldErrors({ name: "A profession with this name is already on the list" });
}

export const createProfession = defineCommand(professionCreateSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  await assertProfessionNameFree(tx, input.name);
  const row = await tx.profession.create({ data: input, select: { id: true, name: true } });
  await recordAudit(tx, { entityType: "Profession", entityId: row.id, action: "create", actor, data: input });
  return row;
});

async function changeProfession(tx: Tx, id: string, version: number, data: Prisma.ProfessionUpdateManyMutationInput) {
  const { count } = await tx.profession.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw stale();
}

export const renameProfession = defineCommand(professionRenameSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const row = await tx.profession.findUnique({ where: { id: input.id }, select: { id: true, name: true } });
  if (!row) throw notFound("The profession");
  await assertProfessionNameFree(tx, input.name, row.id);
  await changeProfession(tx, row.id, input.version, { name: input.name });
  await recordAudit(tx, {
    entityType: "Profession",
    entityId: row.id,
    action: "rename",
    actor,
    data: { changes: changes(row, input, ["name"]) },
  });
  return { id: row.id };
});

/** Retiring takes a profession off the list offered for new practitioners; those who have it keep it. */
export const retireProfession = defineCommand(professionRetireSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const row = await tx.profession.findUnique({ where: { id: input.id }, select: { id: true } });
  if (!row) throw notFound("The profession");
  await changeProfession(tx, row.id, input.version, { retiredAt: input.retire ? new Date() : null });
  await recordAudit(tx, { entityType: "Profession", entityId: row.id, action: input.retire ? "retire" : "restore", actor });
  return { id: row.id };
});

// ---------------------------------------------------------------------------------------------------------------
// Practitioners

/** The practitioners a provider recorded before, for the completion form's select: at most CHOICE_LIMIT, latest first. */
export function practitionerOptions(actor: Actor) {
  if (actor.role !== "PROVIDER") return Promise.resolve([]);
  return db().practitioner.findMany({
    where: practitionerScope(actor),
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: CHOICE_LIMIT,
    select: { id: true, name: true, registrationNumber: true, professionId: true, profession: { select: { name: true } } },
  });
}

/**
 * The practitioner a completion is recorded for: the one picked (within the actor's scope), or a new one from the
 * form. Either must be eligible (ELIGIBILITY_RULE); otherwise a field error says what is missing and, since this
 * runs inside the command's transaction, nothing is written.
 */
export async function practitionerForCompletion(tx: Tx, actor: Actor, organisationId: string, input: CompletionRecordInput) {
  const select = {
    id: true,
    name: true,
    registrationNumber: true,
    professionId: true,
    profession: { select: { name: true, retiredAt: true } },
  } as const;
  if (input.practitionerId) {
    const picked = await tx.practitioner.findFirst({
      where: { AND: [{ id: input.practitionerId }, practitionerScope(actor), { organisationId }] },
      select,
    });
    if (!picked) throw fieldErrors({ practitionerId: "Choose one of your organisation's practitioners" });
    const missing = missingForEligibility(picked);
    if (missing.length) {
      throw fieldErrors({
        practitionerId: `${picked.name} is not eligible: their record has no ${missing.join(" and no ")}. ${ELIGIBILITY_RULE}`,
      });
    }
    return { ...picked, professionName: picked.profession!.name, registrationNumber: picked.registrationNumber! };
  }
  const missing = missingForEligibility({ professionId: input.professionId || null, registrationNumber: input.registration || null });
  const errors: Record<string, string> = {};
  if (missing.includes("profession")) errors.professionId = `Choose the practitioner's profession. ${ELIGIBILITY_RULE}`;
  if (missing.includes("registration number")) errors.registration = `Enter the professional registration number. ${ELIGIBILITY_RULE}`;
  if (Object.keys(errors).length) throw fieldErrors(errors);
  const profession = await tx.profession.findFirst({ where: { id: input.professionId, retiredAt: null }, select: { name: true } });
  if (!profession) throw fieldErrors({ professionId: "Choose a profession from the list" });
  const created = await tx.practitioner.create({
    data: {
      name: input.practitionerName,
      organisationId,
      professionId: input.professionId,
      registrationNumber: input.registration,
      recognitionRoute: input.recognitionRoute ?? null,
      listedInDirectory: input.listedInDirectory,
    },
    select: { id: true, name: true },
  });
  await recordAudit(tx, {
    entityType: "Practitioner",
    entityId: created.id,
    action: "create",
    actor,
    data: {
      professionId: input.professionId,
      recognitionRoute: input.recognitionRoute ?? null,
      listedInDirectory: input.listedInDirectory,
    },
  });
  return { ...created, professionName: profession.name, registrationNumber: input.registration };
}

/**
 * Lists a practitioner in the public directory, or stops listing them, as they ask: the recording provider or the
 * Centre records it. Back to the completion it was changed from.
 */
export const changeDirectoryListing = defineCommand(directoryListingSchema, async (tx, input, actor) => {
  assertRole(actor, ["PROVIDER", "CENTRE_STAFF"], "change a practitioner's directory listing");
  const row = await tx.practitioner.findFirst({ where: { AND: [{ id: input.id }, practitionerScope(actor)] }, select: { id: true } });
  if (!row) throw notFound("The practitioner");
  const { count } = await tx.practitioner.updateMany({
    where: { id: row.id, version: input.version },
    data: { listedInDirectory: input.listedInDirectory, version: { increment: 1 } },
  });
  if (count !== 1) throw stale();
  const transition = input.listedInDirectory ? "list" : "unlist";
  await recordAudit(tx, { entityType: "Practitioner", entityId: row.id, action: transition, actor });
  return { id: input.completionId, transition };
});

// ---------------------------------------------------------------------------------------------------------------
// The public directory

export const DIRECTORY_PAGE_SIZE = LIST_PAGE_SIZE;

/** Every profession on the list, retired ones too (listed practitioners may have one), for the directory's filter. */
export function directoryProfessions() {
  return db().profession.findMany({ orderBy: { name: "asc" }, take: 500, select: { id: true, name: true } });
}

/** Cache tag of the directory's cached pages: expired by whatever changes who is listed, or their order. */
export const DIRECTORY_TAG = "directory";

function directoryWhere(filters: { q?: string; profession?: string }): Prisma.PractitionerWhereInput {
  return {
    AND: [
      { listedInDirectory: true },
      { completions: { some: { status: "RECOGNISED" } } },
      filters.q ? { name: containing(filters.q) } : {},
      filters.profession ? { professionId: filters.profession } : {},
    ],
  };
}

/** Which practitioners one page lists, in order, and how many are listed in all. */
async function directoryIds(filters: { q?: string; profession?: string }, page: number) {
  const where = directoryWhere(filters);
  const [ids, total] = await Promise.all([
    db().practitioner.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      ...pageWindow(page, DIRECTORY_PAGE_SIZE),
      select: { id: true },
    }),
    db().practitioner.count({ where }),
  ]);
  return { ids, total };
}

/**
 * The pages of the whole directory (no search or filter), the ones nearly every visitor reads: at national scale,
 * finding who is listed and counting them reads every listed practitioner's recognised completions. At most MAX_PAGE
 * entries; searches and filters are read fresh, so random queries cannot fill the cache.
 */
const cachedDirectoryIds = unstable_cache((page: number) => directoryIds({}, page), ["directory-page"], {
  tags: [DIRECTORY_TAG],
  revalidate: CACHE_SECONDS,
});

/**
 * Practitioners who consented to be listed, with the credentials the Centre recognised (revoked ones are not
 * shown): searchable by name, filterable by profession, a bounded page at a time. A practitioner without consent
 * is never read, whatever the search: the rows are read fresh, under the same conditions, even when which ones a page
 * lists comes from the cache.
 */
export async function directoryPage(filters: { q?: string; profession?: string; page?: string }) {
  const page = pageNumber(filters.page);
  const where = directoryWhere(filters);
  const { ids, total } = filters.q || filters.profession ? await directoryIds(filters, page) : await cachedDirectoryIds(page);
  const rows = await rowsOfPage(ids, (page) =>
    db().practitioner.findMany({
      where: { AND: [where, { id: { in: page } }] },
      select: {
        id: true,
        name: true,
        profession: { select: { name: true, regulator: true } },
        completions: {
          where: { status: "RECOGNISED" },
          orderBy: { recognisedAt: "desc" },
          take: 20,
          select: { badgeId: true, credential: { select: { reference: true, title: true } } },
        },
      },
    }),
  );
  return pageResult(rows, total, page, DIRECTORY_PAGE_SIZE);
}
