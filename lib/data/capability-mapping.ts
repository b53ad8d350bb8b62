import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { assertAdmin } from "@/lib/data/admin-guard";
import { defineCommand } from "@/lib/data/command";
import { specificationScope } from "@/lib/data/scope";
import { versionContext } from "@/lib/data/specifications";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { AppError, notFound, stale } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { coreCapabilityEditSchema, outcomeCapabilitiesSchema, uncoveredCapabilitiesSchema } from "@/lib/validation/framework";
import { capabilityCoverage, specificationVersionMachine, type Actor } from "@/lib/workflow";

// The capability framework as data (editions → core capabilities by pillar) and how a specification version's learning
// outcomes map to the core capabilities of its edition: the coverage matrix, the mapping the expert group edits, and
// the admin page that keeps capability summaries current.

/** What the coverage matrix needs of a specification version; spread into a version's `select`. */
export const COVERAGE_SELECT = {
  frameworkEdition: {
    select: {
      id: true,
      year: true,
      title: true,
      sourceTitle: true,
      sourceUrl: true,
      capabilities: { orderBy: { position: "asc" }, select: { id: true, number: true, pillar: true, summary: true } },
    },
  },
  learningOutcomes: {
    orderBy: { position: "asc" },
    select: { id: true, text: true, capabilities: { select: { coreCapabilityId: true } } },
  },
  uncoveredCapabilities: { select: { coreCapabilityId: true, disposition: true, provision: true } },
} as const satisfies Prisma.SpecificationVersionSelect;

type CoverageRow = Prisma.SpecificationVersionGetPayload<{ select: typeof COVERAGE_SELECT }>;

/** A version's outcomes against its edition's capabilities: plain data, so the public catalogue can cache it. */
export function coverageMatrix(row: CoverageRow) {
  const { capabilities, ...edition } = row.frameworkEdition;
  const outcomes = row.learningOutcomes.map((o, i) => ({
    id: o.id,
    position: i + 1,
    text: o.text,
    capabilityIds: o.capabilities.map((c) => c.coreCapabilityId),
  }));
  return { edition, outcomes, coverage: capabilityCoverage({ capabilities, outcomes, uncovered: row.uncoveredCapabilities }) };
}
export type CoverageMatrixData = ReturnType<typeof coverageMatrix>;

/** The coverage of one version, for the submit guard (inside the command's transaction). */
export async function coverageOfVersion(tx: Tx, specificationVersionId: string) {
  const row = await tx.specificationVersion.findUniqueOrThrow({ where: { id: specificationVersionId }, select: COVERAGE_SELECT });
  return coverageMatrix(row).coverage;
}

/** One version's coverage matrix, or null when it does not exist or this user may not see it. */
export async function coverageMatrixOf(actor: Actor, credentialId: string, number: number) {
  if (!Number.isInteger(number) || number < 1) return null;
  const row = await db().specificationVersion.findFirst({
    where: { credentialId, number, ...specificationScope(actor) },
    select: COVERAGE_SELECT,
  });
  return row ? coverageMatrix(row) : null;
}

const versionForMapping = (tx: Tx, id: string, actor: Actor) =>
  loadOrThrow(
    "Specification version",
    tx.specificationVersion.findFirst({
      where: { id, ...specificationScope(actor) },
      select: {
        id: true,
        number: true,
        status: true,
        version: true,
        frameworkEditionId: true,
        credential: { select: { id: true, ownerOrganisationId: true, origin: true } },
      },
    }),
  );

/** Capabilities of the version's edition among `ids`; any other id is bad input, not a silent drop. */
async function editionCapabilities(tx: Tx, editionId: string, ids: readonly string[], field: string) {
  const found = await tx.coreCapability.findMany({ where: { editionId, id: { in: [...ids] } }, select: { id: true, number: true } });
  if (found.length !== ids.length) {
    throw new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", { [field]: ["Choose capabilities from the list"] });
  }
  return found;
}

/**
 * Replaces one learning outcome's core capabilities, through the version's `edit` transition (the owning expert group,
 * or staff for a pilot phase 1 credential; DRAFT only; optimistic lock; audit row naming the outcome and capabilities).
 */
export const saveOutcomeCapabilities = defineCommand(outcomeCapabilitiesSchema, async (tx, input, actor) => {
  const row = await versionForMapping(tx, input.id, actor);
  const outcome = await tx.learningOutcome.findFirst({
    where: { id: input.outcomeId, specificationVersionId: row.id },
    select: { id: true, position: true },
  });
  if (!outcome) throw notFound("Learning outcome");
  const capabilities = await editionCapabilities(tx, row.frameworkEditionId, input.capabilities, "capabilities");
  const outcomeResult = await applyTransition(tx, {
    machine: specificationVersionMachine,
    transition: "edit",
    row,
    expectedVersion: input.version,
    actor,
    context: versionContext(row),
    table: tx.specificationVersion,
    audit: { capabilityMapping: { outcome: outcome.position, capabilities: capabilities.map((c) => c.number).sort() } },
  });
  await tx.outcomeCapability.deleteMany({ where: { learningOutcomeId: outcome.id } });
  await tx.outcomeCapability.createMany({ data: capabilities.map((c) => ({ learningOutcomeId: outcome.id, coreCapabilityId: c.id })) });
  return { ...outcomeResult, credentialId: row.credential.id, number: row.number };
});

/**
 * Records, for capabilities no outcome covers, where practitioners meet them instead or that they are out of scope.
 * Capabilities left unanswered are cleared; the submit guard names those still uncovered.
 */
export const saveUncoveredCapabilities = defineCommand(uncoveredCapabilitiesSchema, async (tx, input, actor) => {
  const row = await versionForMapping(tx, input.id, actor);
  const answered = input.uncovered.filter((u) => u.disposition !== undefined);
  const capabilities = await editionCapabilities(
    tx,
    row.frameworkEditionId,
    [...new Set(input.uncovered.map((u) => u.capabilityId))],
    "uncovered",
  );
  const numberOf = new Map(capabilities.map((c) => [c.id, c.number]));
  const outcome = await applyTransition(tx, {
    machine: specificationVersionMachine,
    transition: "edit",
    row,
    expectedVersion: input.version,
    actor,
    context: versionContext(row),
    table: tx.specificationVersion,
    audit: {
      uncoveredCapabilities: answered.map((u) => ({
        capability: numberOf.get(u.capabilityId) ?? null,
        disposition: u.disposition ?? null,
      })),
    },
  });
  await tx.uncoveredCapability.deleteMany({ where: { specificationVersionId: row.id, coreCapabilityId: { in: [...numberOf.keys()] } } });
  await tx.uncoveredCapability.createMany({
    data: answered.map((u) => ({
      specificationVersionId: row.id,
      coreCapabilityId: u.capabilityId,
      disposition: u.disposition!,
      provision: u.disposition === "OTHER_PROVISION" ? u.provision : "",
    })),
  });
  return { ...outcome, credentialId: row.credential.id, number: row.number };
});

/** The mapping page: the version (scoped), its outcomes with their capabilities, and the coverage. */
export async function capabilityMappingOf(actor: Actor, credentialId: string, number: number) {
  if (!Number.isInteger(number) || number < 1) return null;
  const row = await db().specificationVersion.findFirst({
    where: { credentialId, number, ...specificationScope(actor) },
    select: {
      id: true,
      number: true,
      status: true,
      version: true,
      credential: { select: { id: true, reference: true, title: true, status: true, origin: true, ownerOrganisationId: true } },
      ...COVERAGE_SELECT,
    },
  });
  if (!row) return null;
  return { ...row, matrix: coverageMatrix(row) };
}

// Admin: editions and their capability summaries.

export async function frameworkEditions(actor: Actor) {
  await assertAdmin(db(), actor);
  return db().frameworkEdition.findMany({
    orderBy: { year: "desc" },
    select: {
      id: true,
      year: true,
      title: true,
      sourceTitle: true,
      sourceUrl: true,
      isCurrent: true,
      _count: { select: { capabilities: true } },
    },
  });
}

export async function frameworkEditionForEdit(actor: Actor, editionId: string) {
  await assertAdmin(db(), actor);
  return db().frameworkEdition.findUnique({
    where: { id: editionId },
    select: {
      id: true,
      year: true,
      title: true,
      sourceTitle: true,
      sourceUrl: true,
      isCurrent: true,
      capabilities: { orderBy: { position: "asc" }, select: { id: true, number: true, pillar: true, summary: true } },
    },
  });
}

export async function coreCapabilityForEdit(actor: Actor, editionId: string, capabilityId: string) {
  await assertAdmin(db(), actor);
  return db().coreCapability.findFirst({
    where: { id: capabilityId, editionId },
    select: {
      id: true,
      number: true,
      pillar: true,
      summary: true,
      version: true,
      edition: { select: { id: true, year: true, title: true, sourceTitle: true, sourceUrl: true } },
    },
  });
}

/** An admin rewrites a capability's summary: conditional on the version the form showed, with an audit row. */
export const updateCoreCapability = defineCommand(coreCapabilityEditSchema, async (tx, input, actor) => {
  await assertAdmin(tx, actor);
  const row = await tx.coreCapability.findUnique({
    where: { id: input.id },
    select: { id: true, editionId: true, number: true, summary: true, version: true },
  });
  if (!row) throw notFound("The capability");
  if (row.version !== input.version) throw stale();
  const { count } = await tx.coreCapability.updateMany({
    where: { id: row.id, version: row.version },
    data: { summary: input.summary, version: { increment: 1 } },
  });
  if (count !== 1) throw stale();
  await recordAudit(tx, {
    entityType: "CoreCapability",
    entityId: row.id,
    action: "edit",
    actor,
    data: { number: row.number, before: row.summary, after: input.summary },
  });
  return { id: row.id, editionId: row.editionId };
});

/** The edition new specifications are drafted against. */
export async function currentEditionId(tx: Tx): Promise<string | undefined> {
  const current = await tx.frameworkEdition.findFirst({ where: { isCurrent: true }, orderBy: { year: "desc" }, select: { id: true } });
  return current?.id;
}
