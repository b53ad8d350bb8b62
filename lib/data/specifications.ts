import "server-only";
import { z } from "zod";
import { changes, recordAudit } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { coverageOfVersion } from "@/lib/data/capability-mapping";
import { specificationScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow, type TransitionOutcome } from "@/lib/data/transition";
import { AppError, stale } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { applyListIntent, parseListIntent } from "@/lib/list-intent";
import { notifyStaff } from "@/lib/notify";
import { id, transitionSchema, version } from "@/lib/validation/common";
import { CHOOSE_TARGET_PROFESSIONS, specificationSaveSchema } from "@/lib/validation/specification";
import {
  canStartNewVersion,
  check,
  missingCapabilities,
  missingSections,
  SPECIFICATION_SECTIONS,
  specificationVersionMachine,
  type Actor,
  type CredentialOrigin,
  type SpecificationContent,
  type SpecificationSectionKey,
  type SpecificationStatus,
} from "@/lib/workflow";

// Drafting a specification: saving the structured sections, submitting for endorsement, recalling a
// submission, and starting a revision as a new version. Reads live in specification-reads.ts.

const contentSelect = {
  learningOutcomes: {
    orderBy: { position: "asc" },
    select: { id: true, text: true, pillars: true, capabilities: { select: { coreCapabilityId: true } } },
  },
  epas: { orderBy: { position: "asc" }, select: { title: true, description: true } },
  targetProfessions: { select: { professionId: true } },
  uncoveredCapabilities: { select: { coreCapabilityId: true, disposition: true, provision: true } },
  credential: { select: { id: true, reference: true, title: true, status: true, origin: true, ownerOrganisationId: true } },
} as const satisfies Prisma.SpecificationVersionInclude;

async function loadVersion(tx: Tx, versionId: string, actor: Actor) {
  return loadOrThrow(
    "Specification version",
    tx.specificationVersion.findFirst({ where: { id: versionId, ...specificationScope(actor) }, include: contentSelect }),
  );
}

type LoadedVersion = Awaited<ReturnType<typeof loadVersion>>;
type VersionFacts = { credential: { ownerOrganisationId: string; origin: CredentialOrigin } };

/** Keys of the required sections still missing, in section order. */
export function missingSectionKeys(v: SpecificationContent & { number: number }): SpecificationSectionKey[] {
  const labels: string[] = missingSections(v, { isFirstVersion: v.number === 1 });
  return SPECIFICATION_SECTIONS.filter((s) => labels.includes(s.label)).map((s) => s.key);
}

/**
 * The facts the specification version's state machine decides on (review counts matter only to staff's review steps;
 * the capabilities still missing only to submit).
 */
export function versionContext(
  v: VersionFacts,
  missing: readonly SpecificationSectionKey[] = [],
  missingCapabilities: readonly string[] = [],
) {
  return {
    organisationId: v.credential.ownerOrganisationId,
    credentialOrigin: v.credential.origin,
    missingSections: SPECIFICATION_SECTIONS.filter((s) => missing.includes(s.key)).map((s) => s.label),
    missingCapabilities,
    reviewerCount: 0,
    submittedAssessmentCount: 0,
  };
}

const versionLink = (v: Pick<LoadedVersion, "number" | "credential">) => `/credentials/${v.credential.id}/versions/${v.number}`;
const versionName = (v: Pick<LoadedVersion, "number" | "credential">) =>
  `${v.credential.reference} ${v.credential.title}, version ${v.number}`;

type Saved = TransitionOutcome<SpecificationStatus> & { credentialId: string; number: number };
const saved = (v: LoadedVersion, outcome: TransitionOutcome<SpecificationStatus>): Saved => ({
  ...outcome,
  credentialId: v.credential.id,
  number: v.number,
});

/**
 * Refuses, by the field and before anything is written, a target profession that is not on the list or is retired —
 * unless the version already names it (a retired profession stays on the versions that had it).
 */
async function assertTargetProfessions(tx: Tx, ids: string[], versionId: string) {
  if (ids.length === 0) return;
  const allowed = await tx.profession.count({
    where: { id: { in: ids }, OR: [{ retiredAt: null }, { targetOf: { some: { specificationVersionId: versionId } } }] },
  });
  if (allowed !== ids.length) {
    throw new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", { targetProfessions: [CHOOSE_TARGET_PROFESSIONS] });
  }
}

/**
 * Replaces the version's sections, target professions, learning outcomes and EPAs in one transaction, through the `edit` transition
 * (owner check, DRAFT only, optimistic lock, audit row). A list button pressed without JavaScript is applied here.
 */
export const saveSpecificationVersion = defineCommand(specificationSaveSchema, async (tx, input, actor) => {
  const row = await loadVersion(tx, input.id, actor);
  const { id: _id, version: expectedVersion, intent, outcomes, epas, savedSection, targetProfessions, ...sections } = input;
  await assertTargetProfessions(tx, targetProfessions, row.id);
  const listIntent = parseListIntent(intent);
  const lists = {
    outcomes: listIntent?.list === "outcomes" ? applyListIntent(outcomes, listIntent, () => ({ text: "", pillars: [] })) : outcomes,
    epas: listIntent?.list === "epas" ? applyListIntent(epas, listIntent, () => ({ title: "", description: "" })) : epas,
  };
  // Sections are long texts: the event names the sections that changed rather than copying them.
  const before = {
    ...row,
    outcomes: row.learningOutcomes.map(({ text, pillars }) => ({ text, pillars })),
    epas: row.epas,
    targetProfessions: row.targetProfessions.map((t) => t.professionId).sort(),
  };
  const after = {
    outcomes: lists.outcomes.map(({ text, pillars }) => ({ text, pillars })),
    epas: lists.epas,
    targetProfessions: [...targetProfessions].sort(),
  };
  const changed = Object.keys({
    ...changes(row, sections, Object.keys(sections) as (keyof typeof sections)[]),
    ...changes(before, after, ["outcomes", "epas", "targetProfessions"]),
  });
  const outcome = await applyTransition(tx, {
    machine: specificationVersionMachine,
    transition: "edit",
    row,
    expectedVersion,
    actor,
    context: versionContext(row),
    table: tx.specificationVersion,
    data: sections,
    audit: { outcomes: lists.outcomes.length, epas: lists.epas.length, changedSections: changed, ...(intent ? { intent } : {}) },
  });
  const specificationVersionId = row.id;
  // Outcomes keep their ids (the editor sends them back), and so their capability mapping, through edits and moves.
  const previous = new Set(row.learningOutcomes.map((o) => o.id));
  const keptIds = new Set<string>();
  const rows = lists.outcomes.map((o, i) => {
    const keep = o.id !== undefined && previous.has(o.id) && !keptIds.has(o.id);
    if (keep) keptIds.add(o.id!);
    return { id: keep ? o.id : undefined, position: i + 1, text: o.text, pillars: o.pillars };
  });
  await tx.learningOutcome.deleteMany({ where: { specificationVersionId, id: { notIn: [...keptIds] } } });
  for (const { id: outcomeId, ...o } of rows) {
    if (outcomeId) await tx.learningOutcome.update({ where: { id: outcomeId }, data: o });
    else await tx.learningOutcome.create({ data: { specificationVersionId, ...o } });
  }
  await tx.targetProfession.deleteMany({ where: { specificationVersionId } });
  await tx.targetProfession.createMany({ data: targetProfessions.map((professionId) => ({ specificationVersionId, professionId })) });
  await tx.epa.deleteMany({ where: { specificationVersionId } });
  await tx.epa.createMany({ data: lists.epas.map((e, i) => ({ specificationVersionId, position: i + 1, ...e })) });
  return { ...saved(row, outcome), savedSection: savedSection ?? null };
});

/** Only a complete specification can be submitted; a refusal lists each missing section, linked from the error summary. */
export const submitSpecificationVersion = defineCommand(transitionSchema, async (tx, input, actor) => {
  const row = await loadVersion(tx, input.id, actor);
  const missing = missingSectionKeys(row);
  const missingCaps = missingCapabilities(await coverageOfVersion(tx, row.id));
  let outcome: TransitionOutcome<SpecificationStatus>;
  try {
    outcome = await applyTransition(tx, {
      machine: specificationVersionMachine,
      transition: "submit",
      row,
      expectedVersion: input.version,
      actor,
      context: versionContext(row, missing, missingCaps),
      table: tx.specificationVersion,
      data: { submittedAt: new Date() },
    });
  } catch (err) {
    if (err instanceof AppError && err.code === "GUARD_FAILED" && missing.length > 0) {
      const labels = new Map(SPECIFICATION_SECTIONS.map((s) => [s.key as string, s.label]));
      throw new AppError(err.code, err.message, Object.fromEntries(missing.map((k) => [k, [`Complete the section “${labels.get(k)}”`]])));
    }
    throw err;
  }
  await notifyStaff(
    tx,
    {
      kind: "SUBMISSIONS",
      title: `Specification submitted: ${versionName(row)}`,
      body: "It is ready for reviewers to be assigned.",
      link: versionLink(row),
    },
    actor.id,
  );
  return saved(row, outcome);
});

export const recallSpecificationVersion = defineCommand(transitionSchema, async (tx, input, actor) => {
  const row = await loadVersion(tx, input.id, actor);
  const outcome = await applyTransition(tx, {
    machine: specificationVersionMachine,
    transition: "recall",
    row,
    expectedVersion: input.version,
    actor,
    context: versionContext(row),
    table: tx.specificationVersion,
    data: { submittedAt: null },
    reason: input.reason || null,
  });
  await notifyStaff(
    tx,
    {
      kind: "SUBMISSIONS",
      title: `Specification recalled: ${versionName(row)}`,
      body: input.reason || "The expert group recalled it to make changes.",
      link: versionLink(row),
    },
    actor.id,
  );
  return saved(row, outcome);
});

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

/**
 * A revision is a new DRAFT version copying every section, target profession, outcome (with its capability mapping) and EPA of the latest one (its change summary
 * starts empty). Allowed after changes were requested, or when an endorsed credential needs revision.
 */
export const startNewVersion = defineCommand(z.object({ id, version }), async (tx, input, actor) => {
  const previous = await loadVersion(tx, input.id, actor);
  const latest = await tx.specificationVersion.findFirst({
    where: { credentialId: previous.credential.id },
    orderBy: { number: "desc" },
    select: { id: true },
  });
  if (previous.version !== input.version || latest?.id !== previous.id) throw stale();
  // Whoever may write this credential's drafts may start one.
  const writer = check(specificationVersionMachine, "edit", "DRAFT", { ...versionContext(previous), actor });
  if (!writer.ok) throw new AppError(writer.code, writer.reason);
  const permission = canStartNewVersion(previous.status, previous.credential.status);
  if (!permission.ok) throw new AppError(permission.code, permission.reason);

  const {
    id: basedOnId,
    credential,
    learningOutcomes,
    epas,
    uncoveredCapabilities,
    targetProfessions,
    number,
    status: _s,
    version: _v,
    submittedAt: _sa,
    decidedAt: _d,
    createdAt: _c,
    updatedAt: _u,
    createdById: _b,
    basedOnId: _o,
    changeSummary: _cs,
    ...sections
  } = previous;
  const created = await tx.specificationVersion
    .create({
      data: {
        ...sections,
        credentialId: credential.id,
        number: number + 1,
        basedOnId,
        createdById: actor.id,
        learningOutcomes: {
          create: learningOutcomes.map((o, i) => ({
            position: i + 1,
            text: o.text,
            pillars: o.pillars,
            capabilities: { create: o.capabilities },
          })),
        },
        epas: { create: epas.map((e, i) => ({ position: i + 1, ...e })) },
        uncoveredCapabilities: { create: uncoveredCapabilities },
        targetProfessions: { create: targetProfessions },
      },
      select: { id: true, number: true, status: true },
    })
    .catch((err: unknown) => {
      // Someone started the same version at the same moment: exactly one wins.
      throw isUniqueViolation(err) ? stale() : err;
    });
  await recordAudit(tx, {
    entityType: specificationVersionMachine.entity,
    entityId: created.id,
    action: "create",
    to: created.status,
    actor,
    data: { basedOnId, number: created.number },
  });
  return { id: created.id, credentialId: credential.id, number: created.number };
});
