import "server-only";
import { db } from "@/lib/db";
import { COVERAGE_SELECT, coverageMatrix } from "@/lib/data/capability-mapping";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageNumber, pageResult } from "@/lib/data/paging";
import { commissionScope, credentialScope, specificationScope } from "@/lib/data/scope";
import { missingSectionKeys, versionContext } from "@/lib/data/specifications";
import {
  availableTransitions,
  canStartNewVersion,
  check,
  specificationVersionMachine,
  type Actor,
  type Permission,
  type SpecificationStatus,
} from "@/lib/workflow";

// What the credential and specification pages show, scoped to what the signed-in user may see.

/** Versions in one page of a credential's table. */
export const VERSIONS_PAGE_SIZE = 10;

const VERSION_ROW = { id: true, number: true, status: true, version: true, submittedAt: true, decidedAt: true, updatedAt: true } as const;

/** Once a version has been submitted, the endorsement review has something to show. */
const REVIEWED: readonly SpecificationStatus[] = ["SUBMITTED", "IN_REVIEW", "ENDORSED", "CHANGES_REQUESTED", "DECLINED", "SUPERSEDED"];

/**
 * A credential with one page (`?versions=`) of the specification versions this user may see, newest first, each
 * with the number of the visible version before it (for "Compare"); the latest version and the counts come from SQL.
 */
export async function credentialOverview(actor: Actor, credentialId: string, versionsPage?: string | string[]) {
  const page = pageNumber(versionsPage);
  const visible: Prisma.SpecificationVersionWhereInput = {
    AND: [{ credentialId }, specificationScope(actor), { credential: credentialScope(actor) }],
  };
  // The credential, its page of versions and their count in one statement (the versions joined, paged in SQL). One
  // row past the page: the version before the page's oldest, which its "Compare" link names.
  const [credential, later, reviewed, commission] = await Promise.all([
    db().credential.findFirst({
      where: { id: credentialId, ...credentialScope(actor) },
      select: {
        id: true,
        reference: true,
        title: true,
        summary: true,
        origin: true,
        status: true,
        version: true,
        endorsedAt: true,
        reviewDueAt: true,
        publishedAt: true,
        ownerOrganisationId: true,
        ownerOrganisation: { select: { name: true } },
        endorsedVersion: { select: { number: true } },
        versions: {
          where: specificationScope(actor),
          orderBy: { number: "desc" },
          skip: (page - 1) * VERSIONS_PAGE_SIZE,
          take: VERSIONS_PAGE_SIZE + 1,
          select: VERSION_ROW,
        },
        _count: { select: { versions: { where: specificationScope(actor) } } },
      },
    }),
    // The latest version is the first page's first row; a later page reads it apart.
    page > 1 ? db().specificationVersion.findFirst({ where: visible, orderBy: { number: "desc" }, select: VERSION_ROW }) : null,
    db().specificationVersion.count({ where: { AND: [visible, { status: { in: [...REVIEWED] } }] } }),
    // The commission it came from, for a link back to it where this user may see it.
    db().commission.findFirst({ where: { AND: [{ credentialId }, commissionScope(actor)] }, select: { id: true, title: true } }),
  ]);
  if (!credential) return null;
  const { versions: rows, _count, ...record } = credential;
  const versionCount = _count.versions;
  const latest = page > 1 ? later : (rows[0] ?? null);
  const versions = rows.slice(0, VERSIONS_PAGE_SIZE).map((v, i) => ({ ...v, previousNumber: rows[i + 1]?.number ?? null }));
  const writer = latest
    ? check(specificationVersionMachine, "edit", "DRAFT", { ...versionContext({ credential: record }), actor }).ok
    : false;
  const startPermission: Permission | null = latest && writer ? canStartNewVersion(latest.status, record.status) : null;
  return {
    ...record,
    commission,
    versions,
    versionCount,
    versionsPage: page,
    versionsPageCount: pageResult(versions, versionCount, page, VERSIONS_PAGE_SIZE).pageCount,
    hasReview: reviewed > 0,
    latest,
    canWriteDrafts: writer,
    canStartNewVersion: startPermission?.ok === true,
  };
}

/** One version with its full content, or null when it does not exist or this user may not see it. */
export async function specificationVersionOf(actor: Actor, credentialId: string, number: number) {
  if (!Number.isInteger(number) || number < 1) return null;
  return db().specificationVersion.findFirst({ where: { credentialId, number, ...specificationScope(actor) }, include: VERSION_INCLUDE });
}

const VERSION_INCLUDE = {
  learningOutcomes: { orderBy: { position: "asc" }, select: { id: true, text: true, pillars: true } },
  epas: { orderBy: { position: "asc" }, select: { id: true, title: true, description: true } },
  targetProfessions: { orderBy: { profession: { name: "asc" } }, select: { profession: { select: { id: true, name: true } } } },
  credential: {
    select: { id: true, reference: true, title: true, status: true, origin: true, ownerOrganisationId: true },
  },
} satisfies Prisma.SpecificationVersionInclude;

/**
 * The version as `specificationVersionOf` gives it with its coverage matrix (`coverageMatrixOf`), read in one
 * statement: the edition's capabilities and the outcomes' mappings joined to the version's row.
 */
export async function specificationVersionWithCoverage(actor: Actor, credentialId: string, number: number) {
  if (!Number.isInteger(number) || number < 1) return null;
  const row = await db().specificationVersion.findFirst({
    where: { credentialId, number, ...specificationScope(actor) },
    include: {
      ...VERSION_INCLUDE,
      learningOutcomes: {
        orderBy: { position: "asc" },
        select: { ...VERSION_INCLUDE.learningOutcomes.select, ...COVERAGE_SELECT.learningOutcomes.select },
      },
      frameworkEdition: COVERAGE_SELECT.frameworkEdition,
      uncoveredCapabilities: COVERAGE_SELECT.uncoveredCapabilities,
    },
  });
  return row ? { version: row, matrix: coverageMatrix(row) } : null;
}

/** The professions a version's target group may name: those on the list now, and any the version already names. */
export function targetProfessionChoices(versionId: string) {
  return db().profession.findMany({
    where: { OR: [{ retiredAt: null }, { targetOf: { some: { specificationVersionId: versionId } } }] },
    orderBy: { name: "asc" },
    take: 200,
    select: { id: true, name: true },
  });
}

export type SpecificationVersionView = NonNullable<Awaited<ReturnType<typeof specificationVersionOf>>>;

/**
 * What this user may do with the version now, for showing buttons. Submit shows while sections are missing: the
 * refusal then lists them. Whether the user may write it at all is the `edit` rule, whatever the status.
 */
export function versionPermissions(actor: Actor, v: SpecificationVersionView) {
  const ctx = { ...versionContext(v), actor };
  const names = availableTransitions(specificationVersionMachine, v.status, ctx).map((t) => t.name);
  const missing = missingSectionKeys(v);
  return {
    canEdit: names.includes("edit"),
    canSubmit: names.includes("submit"),
    canRecall: names.includes("recall"),
    editRefusal: (() => {
      const verdict = check(specificationVersionMachine, "edit", v.status, ctx);
      return verdict.ok ? null : verdict.reason;
    })(),
    missing,
  };
}

/** The version numbers of a credential this user may see, for the compare page's choices. */
export async function visibleVersionNumbers(actor: Actor, credentialId: string) {
  const rows = await db().specificationVersion.findMany({
    where: { credentialId, ...specificationScope(actor) },
    orderBy: { number: "asc" },
    select: { number: true, status: true },
  });
  return rows;
}
