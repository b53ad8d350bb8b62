import "server-only";
import { recordAudit } from "@/lib/audit";
import { reviewIntervalYears } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { criteriaSetInEffect } from "@/lib/data/criteria-sets";
import { assertRole, specificationScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow, type TransitionOutcome } from "@/lib/data/transition";
import { AppError, stale } from "@/lib/errors";
import { notifyUsers, organisationMembers } from "@/lib/notify";
import { followPanel, takeUnrecommendedOffAgenda } from "@/lib/data/panel-agenda-items";
import { openRemappingTasks } from "@/lib/data/remapping";
import { assignReviewersSchema, decisionSchema } from "@/lib/validation/endorsement";
import {
  assignmentShortfall,
  commissionMachine,
  conflictOfInterest,
  credentialMachine,
  DECISION_TRANSITIONS,
  ENDORSEMENT_DECISION_LABELS,
  endorsementReviewMachine,
  reviewDueFrom,
  reviewerAssignmentMachine,
  specificationVersionMachine,
  STAFF,
  type Actor,
  type EndorsementDecision,
  type EndorsementReviewContext,
  type ReviewerAssignmentStatus,
  type SpecificationStatus,
  type SpecificationVersionContext,
} from "@/lib/workflow";

// Endorsement review of a submitted specification version: staff assign reviewers (which starts the
// review) and, once enough assessments are in, decide. Reviewer assessments are in reviewer-assessments.ts.

/** The specification version with everything the endorsement transitions ask about. */
async function loadVersionForReview(tx: Tx, id: string, actor: Actor) {
  return loadOrThrow(
    "Specification version",
    tx.specificationVersion.findFirst({
      where: { id, ...specificationScope(actor) },
      select: {
        id: true,
        number: true,
        status: true,
        version: true,
        credential: {
          select: {
            id: true,
            reference: true,
            title: true,
            ownerOrganisationId: true,
            origin: true,
            status: true,
            version: true,
            publishedAt: true,
            endorsedVersionId: true,
            commission: {
              select: {
                id: true,
                status: true,
                version: true,
                organisationId: true,
                priority: { select: { status: true, gatewayOutcome: true } },
              },
            },
          },
        },
        review: {
          select: {
            id: true,
            status: true,
            version: true,
            assignments: {
              select: {
                id: true,
                version: true,
                reviewerId: true,
                status: true,
                recommendation: true,
                reviewer: { select: { expertise: true } },
              },
            },
          },
        },
      },
    }),
  );
}
type VersionForReview = Awaited<ReturnType<typeof loadVersionForReview>>;

/** Reviewers must not belong to the organisation the specification is about: the expert group that wrote it. */
export const subjectOrganisationIds = (credential: { ownerOrganisationId: string }) => [credential.ownerOrganisationId];

type AssignmentToWithdraw = {
  id: string;
  status: ReviewerAssignmentStatus;
  version: number;
  reviewerId: string;
  recommendation: EndorsementDecision | null;
};
type CredentialReviewed = { id: string; reference: string; title: string; ownerOrganisationId: string };

/**
 * Withdraws a reviewer from a review, with the reason kept on the assignment and sent to them: staff's choice, or the
 * review decided before their assessment came in. Their assessment is no longer asked for, and the credential leaves
 * their view.
 */
export async function withdrawAssignment(
  tx: Tx,
  a: AssignmentToWithdraw,
  credential: CredentialReviewed,
  reason: string,
  actor: Actor,
  expectedVersion?: number,
): Promise<TransitionOutcome<ReviewerAssignmentStatus>> {
  const outcome = await applyTransition(tx, {
    machine: reviewerAssignmentMachine,
    transition: "withdraw",
    row: a,
    expectedVersion,
    actor,
    context: {
      assigneeId: a.reviewerId,
      subjectOrganisationIds: subjectOrganisationIds(credential),
      unratedCriteria: [],
      recommendation: a.recommendation,
      reason,
    },
    table: tx.reviewerAssignment,
    data: { withdrawnReason: reason },
    reason,
  });
  await notifyUsers(tx, [a.reviewerId], {
    kind: "ASSIGNMENTS",
    title: `Review withdrawn: ${credential.reference} ${credential.title}`,
    body: `You are no longer asked to assess this specification. ${reason}`,
    link: "/dashboard",
  });
  return outcome;
}

/** Said to a reviewer whose assessment was still outstanding when staff decided. */
export const DECIDED_WITHOUT_ASSESSMENT = "The Centre made its endorsement decision before your assessment was submitted.";

function versionContext(v: VersionForReview, extra: Partial<SpecificationVersionContext> = {}): SpecificationVersionContext {
  const active = (v.review?.assignments ?? []).filter((a) => a.status !== "WITHDRAWN");
  return {
    organisationId: v.credential.ownerOrganisationId,
    credentialOrigin: v.credential.origin,
    missingSections: [],
    reviewerCount: active.length,
    submittedAssessmentCount: active.filter((a) => a.status === "SUBMITTED").length,
    reviewerExpertise: active.map((a) => a.reviewer.expertise),
    ...extra,
  };
}

function reviewContext(v: VersionForReview, rationale?: string): EndorsementReviewContext {
  const { submittedAssessmentCount, reviewerExpertise } = versionContext(v);
  return { submittedAssessmentCount, reviewerExpertise, rationale };
}

const reviewLink = (credentialId: string) => `/credentials/${credentialId}/review`;

async function notifyExpertGroup(tx: Tx, v: VersionForReview, title: string, body?: string) {
  const members = await organisationMembers(tx, v.credential.ownerOrganisationId, "EXPERT");
  await notifyUsers(tx, members, {
    kind: "DECISIONS",
    title: `${title}: ${v.credential.reference} version ${v.number}`,
    body,
    link: reviewLink(v.credential.id),
  });
}

/** Who of the chosen users cannot be assigned, and why — one sentence each. */
async function assignmentProblems(tx: Tx, v: VersionForReview, reviewerIds: string[]) {
  const users = await tx.user.findMany({
    where: { id: { in: reviewerIds }, role: "REVIEWER", active: true },
    select: { id: true, name: true, organisationId: true, expertise: true },
  });
  const assigned = new Map((v.review?.assignments ?? []).map((a) => [a.reviewerId, a.status]));
  const problems = reviewerIds.filter((id) => !users.some((u) => u.id === id)).map(() => "Choose reviewers from the list");
  for (const u of users) {
    const status = assigned.get(u.id);
    if (status) {
      problems.push(`${u.name} is already ${status === "WITHDRAWN" ? "withdrawn from" : "assigned to"} this review`);
      continue;
    }
    const conflict = conflictOfInterest(u, subjectOrganisationIds(v.credential));
    if (conflict) problems.push(`${u.name} cannot be assigned. ${conflict}`);
  }
  // Checked here with conflicts of interest, so staff choose a workable mix at once rather than learn at the decision.
  const staying = (v.review?.assignments ?? []).filter((a) => a.status !== "WITHDRAWN").map((a) => a.reviewer.expertise);
  const shortfall = problems.length === 0 ? assignmentShortfall([...staying, ...users.map((u) => u.expertise)]) : null;
  if (shortfall) problems.push(shortfall);
  return { users, problems };
}

/**
 * Assigns reviewers to a submitted (or already reviewing) version. The first assignment opens the
 * EndorsementReview and starts it (SUBMITTED → IN_REVIEW), which needs at least two reviewers.
 */
export const assignReviewers = defineCommand(assignReviewersSchema, async (tx, input, actor) => {
  assertRole(actor, STAFF, "assign reviewers");
  const v = await loadVersionForReview(tx, input.id, actor);
  if (input.version !== v.version) throw stale();
  const { users, problems } = await assignmentProblems(tx, v, input.reviewerIds);
  let outcome: TransitionOutcome<SpecificationStatus> = { id: v.id, from: v.status, to: v.status, version: v.version };
  let reviewId = v.review?.id;
  // The machine is asked first (and its conditional update made), so a version that takes no reviewers says so before
  // the choice of reviewers is judged, and of two staff assigning at once exactly one wins.
  if (v.review) {
    await applyTransition(tx, {
      machine: endorsementReviewMachine,
      transition: "assignReviewers",
      row: v.review,
      actor,
      context: reviewContext(v),
      table: tx.endorsementReview,
      audit: { reviewerIds: users.map((u) => u.id) },
    });
  } else {
    const reviewerCount = versionContext(v).reviewerCount + users.length;
    outcome = await applyTransition(tx, {
      machine: specificationVersionMachine,
      transition: "startReview",
      row: v,
      expectedVersion: input.version,
      actor,
      context: versionContext(v, { reviewerCount }),
      table: tx.specificationVersion,
    });
  }
  if (problems.length > 0) {
    throw new AppError("GUARD_FAILED", "Some of the reviewers you chose cannot be assigned to this review.", { reviewerIds: problems });
  }
  if (!reviewId) {
    const criteriaSet = await criteriaSetInEffect(tx, "ENDORSEMENT");
    reviewId = (
      await tx.endorsementReview.create({ data: { specificationVersionId: v.id, criteriaSetId: criteriaSet.id }, select: { id: true } })
    ).id;
    await recordAudit(tx, { entityType: endorsementReviewMachine.entity, entityId: reviewId, action: "create", to: "OPEN", actor });
    await notifyExpertGroup(tx, v, "Endorsement review started", "Reviewers have been assigned to assess your specification.");
  }
  for (const u of users) {
    const assignment = await tx.reviewerAssignment.create({
      data: { reviewId, reviewerId: u.id, dueOn: input.dueOn },
      select: { id: true, status: true },
    });
    await recordAudit(tx, {
      entityType: reviewerAssignmentMachine.entity,
      entityId: assignment.id,
      action: "create",
      to: assignment.status,
      actor,
      data: { specificationVersionId: v.id, reviewerId: u.id },
    });
  }
  await notifyUsers(
    tx,
    users.map((u) => u.id),
    {
      kind: "ASSIGNMENTS",
      title: `Review assigned: ${v.credential.reference} ${v.credential.title}`,
      body: `You have been assigned to assess version ${v.number} against the endorsement criteria.`,
      link: `${reviewLink(v.credential.id)}/assessment`,
    },
  );
  return { ...outcome, credentialId: v.credential.id };
});

/** Endorsement: the credential is endorsed on this version, the old endorsed version superseded, the commission completed. */
async function endorseCredential(tx: Tx, v: VersionForReview, reviewId: string, conditions: string[], actor: Actor, now: Date) {
  const c = v.credential;
  if (c.endorsedVersionId) {
    await openRemappingTasks(tx, c.id, v, actor, now);
    const previous = await tx.specificationVersion.findUniqueOrThrow({
      where: { id: c.endorsedVersionId },
      select: { id: true, status: true, version: true },
    });
    await applyTransition(tx, {
      machine: specificationVersionMachine,
      transition: "supersede",
      row: previous,
      actor,
      context: versionContext(v),
      table: tx.specificationVersion,
      audit: { supersededBy: v.id },
    });
  }
  await applyTransition(tx, {
    machine: credentialMachine,
    transition: "endorse",
    row: c,
    actor,
    context: { publishedAt: c.publishedAt },
    table: tx.credential,
    data: { endorsedAt: now, endorsedVersionId: v.id, reviewDueAt: reviewDueFrom(now, reviewIntervalYears()) },
    audit: { versionNumber: v.number },
  });
  if (c.commission?.status === "ACCEPTED") {
    await applyTransition(tx, {
      machine: commissionMachine,
      transition: "complete",
      row: c.commission,
      actor,
      table: tx.commission,
      context: {
        organisationId: c.commission.organisationId,
        priorityStatus: c.commission.priority.status,
        gatewayOutcome: c.commission.priority.gatewayOutcome,
      },
    });
  }
  for (const text of conditions) {
    const condition = await tx.endorsementCondition.create({
      data: { reviewId, credentialId: c.id, text },
      select: { id: true, status: true },
    });
    await recordAudit(tx, { entityType: "EndorsementCondition", entityId: condition.id, action: "create", to: condition.status, actor });
  }
}

/** The review is decided through its own machine too: a second decision finds it already decided. */
async function closeReview(tx: Tx, v: VersionForReview, decision: EndorsementDecision, rationale: string, actor: Actor, now: Date) {
  const review = v.review;
  if (!review) throw new AppError("WRONG_STATE", "This specification version has no endorsement review to decide.");
  await applyTransition(tx, {
    machine: endorsementReviewMachine,
    transition: "decide",
    row: review,
    actor,
    context: reviewContext(v, rationale),
    table: tx.endorsementReview,
    data: { decision, rationale, decidedById: actor.id, decidedAt: now },
    reason: rationale,
    audit: { decision },
  });
  return review.id;
}

/** Staff decide on the assessments: endorse (with or without conditions), request changes, or decline — all in one transaction. */
export const decideEndorsement = defineCommand(decisionSchema, async (tx, input, actor) => {
  const v = await loadVersionForReview(tx, input.id, actor);
  const now = new Date();
  const conditions = input.decision === "ENDORSE_WITH_CONDITIONS" ? input.conditions : [];
  const outcome = await applyTransition(tx, {
    machine: specificationVersionMachine,
    transition: DECISION_TRANSITIONS[input.decision],
    row: v,
    expectedVersion: input.version,
    actor,
    context: versionContext(v, { rationale: input.rationale, conditions }),
    table: tx.specificationVersion,
    data: { decidedAt: now },
    reason: input.rationale,
    audit: { decision: input.decision },
  });
  const reviewId = await closeReview(tx, v, input.decision, input.rationale, actor, now);
  for (const a of v.review?.assignments ?? []) {
    if (a.status === "ASSIGNED") await withdrawAssignment(tx, a, v.credential, DECIDED_WITHOUT_ASSESSMENT, actor);
  }
  await takeUnrecommendedOffAgenda(tx, { reviewId, actor, now });
  await followPanel(tx, { reviewId, decision: input.decision, departureReason: input.departureReason, actor });
  if (outcome.to === "ENDORSED") await endorseCredential(tx, v, reviewId, conditions, actor, now);
  await notifyExpertGroup(tx, v, `Endorsement decision – ${ENDORSEMENT_DECISION_LABELS[input.decision]}`, input.rationale);
  return { ...outcome, credentialId: v.credential.id };
});
