import "server-only";
import { recordAudit } from "@/lib/audit";
import { reviewIntervalYears } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { flagPlansForWithdrawnCredential } from "@/lib/data/delivery-plans";
import { applyTransition } from "@/lib/data/transition";
import { AppError } from "@/lib/errors";
import { notifyUsers, organisationMembers } from "@/lib/notify";
import {
  canStartNewVersion,
  credentialMachine,
  reviewDueFrom,
  specificationVersionMachine,
  type Actor,
  type CredentialStatus,
  type PeriodicOutcome,
} from "@/lib/workflow";

// What concluding a periodic review does to its credential, in the conclusion's transaction.

export type ReviewedCredential = {
  id: string;
  status: CredentialStatus;
  version: number;
  reference: string;
  title: string;
  ownerOrganisationId: string;
  endorsedVersionId: string | null;
  publishedAt: Date | null;
};

export type OutcomeEffect = { reviewDueAt?: Date; revisionVersionId?: string; flaggedPlanIds?: string[] };

/**
 * REAFFIRMED: endorsed again, next review due REVIEW_INTERVAL_YEARS from now. REVISION_REQUIRED: stays endorsed for
 * delivery while the expert group drafts version n+1 (copied from the endorsed version). WITHDRAWN: withdrawn, and
 * its active delivery plans flagged. The expert group is told in every case.
 */
export async function applyPeriodicOutcome(
  tx: Tx,
  credential: ReviewedCredential,
  outcome: PeriodicOutcome,
  rationale: string,
  actor: Actor,
  now: Date,
): Promise<OutcomeEffect> {
  const change = {
    machine: credentialMachine,
    row: credential,
    actor,
    table: tx.credential,
    context: { publishedAt: credential.publishedAt },
  };
  const name = `${credential.reference} ${credential.title}`;
  let effect: OutcomeEffect;
  let title: string;
  if (outcome === "REAFFIRMED") {
    const reviewDueAt = reviewDueFrom(now, reviewIntervalYears());
    await applyTransition(tx, {
      ...change,
      transition: "reaffirm",
      data: { reviewDueAt },
      audit: { reviewDueAt: reviewDueAt.toISOString() },
    });
    effect = { reviewDueAt };
    title = `Credential reaffirmed: ${name}`;
  } else if (outcome === "REVISION_REQUIRED") {
    await applyTransition(tx, { ...change, transition: "requireRevision", reason: rationale });
    effect = { revisionVersionId: await draftRevision(tx, credential, actor) };
    title = `Revision required: ${name}`;
  } else {
    const flaggedPlanIds = await flagPlansForWithdrawnCredential(
      tx,
      credential.id,
      actor,
      `Credential ${credential.reference} was withdrawn: ${rationale}`,
    );
    await applyTransition(tx, {
      ...change,
      transition: "withdraw",
      context: { ...change.context, reason: rationale },
      data: { withdrawnAt: now },
      reason: rationale,
      audit: { flaggedPlanIds },
    });
    effect = { flaggedPlanIds };
    title = `Credential withdrawn: ${name}`;
  }
  await notifyUsers(
    tx,
    await organisationMembers(tx, credential.ownerOrganisationId, "EXPERT"),
    {
      kind: "DECISIONS",
      title,
      body: `Outcome of the periodic review: ${rationale}`,
      link: `/credentials/${credential.id}`,
    },
    actor.id,
  );
  return effect;
}

/** A new DRAFT version n+1 with every section, learning outcome (and its capability mapping) and EPA of the endorsed version, for the expert group. */
async function draftRevision(tx: Tx, credential: ReviewedCredential, actor: Actor): Promise<string> {
  if (!credential.endorsedVersionId) throw new AppError("WRONG_STATE", "This credential has no endorsed version to revise.");
  const latest = await tx.specificationVersion.findFirstOrThrow({
    where: { credentialId: credential.id },
    orderBy: { number: "desc" },
    select: { number: true, status: true },
  });
  const permission = canStartNewVersion(latest.status, "REVISION_REQUIRED");
  if (!permission.ok) throw new AppError(permission.code, permission.reason);
  const endorsed = await tx.specificationVersion.findUniqueOrThrow({
    where: { id: credential.endorsedVersionId },
    // Everything else is a section, copied as it stands; the change summary starts empty for the experts to write.
    omit: {
      id: true,
      credentialId: true,
      number: true,
      status: true,
      basedOnId: true,
      changeSummary: true,
      createdById: true,
      submittedAt: true,
      decidedAt: true,
      version: true,
      createdAt: true,
      updatedAt: true,
    },
    include: {
      learningOutcomes: {
        orderBy: { position: "asc" },
        select: { position: true, text: true, pillars: true, capabilities: { select: { coreCapabilityId: true } } },
      },
      epas: { orderBy: { position: "asc" }, select: { position: true, title: true, description: true } },
      uncoveredCapabilities: { select: { coreCapabilityId: true, disposition: true, provision: true } },
    },
  });
  const { learningOutcomes, epas, uncoveredCapabilities, ...sections } = endorsed;
  const draft = await tx.specificationVersion.create({
    data: {
      ...sections,
      credentialId: credential.id,
      number: latest.number + 1,
      basedOnId: credential.endorsedVersionId,
      createdById: actor.id,
      learningOutcomes: {
        create: learningOutcomes.map(({ capabilities, ...o }) => ({ ...o, capabilities: { create: capabilities } })),
      },
      epas: { create: epas },
      uncoveredCapabilities: { create: uncoveredCapabilities },
    },
    select: { id: true, number: true, status: true },
  });
  await recordAudit(tx, {
    entityType: specificationVersionMachine.entity,
    entityId: draft.id,
    action: "create",
    to: draft.status,
    actor,
    data: { basedOnId: credential.endorsedVersionId, number: draft.number, reason: "periodic review" },
  });
  return draft.id;
}
