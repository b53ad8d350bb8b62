import "server-only";
import { rateDeliveringPlan } from "@/lib/data/plan-risks";
import { recordAudit } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { assertRole, deliveryPlanScope, qualityReviewScope } from "@/lib/data/scope";
import { keepPlanFor, PLAN_FOR_RECORD } from "@/lib/data/delivery-plans";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { AppError, stale } from "@/lib/errors";
import { notifyStaff, notifyUsers, organisationMembers } from "@/lib/notify";
import {
  check,
  conflictOfInterest,
  deliveryPlanMachine,
  QUALITY_OUTCOME_LABELS,
  qualityReviewMachine,
  STAFF,
  type Actor,
  type QualityOutcome,
} from "@/lib/workflow";
import { findingSchema, qualityReviewCloseSchema, qualityReviewScheduleSchema } from "@/lib/validation/quality";
import { reasonedTransitionSchema, transitionSchema } from "@/lib/validation/common";

// Quality reviews: staff schedule one for an approved delivery and assign reviewers; the reviewers start it, record
// findings per standard area and report; staff record the outcome and close it — and may then suspend the plan.

export const qualityReviewLink = (id: string) => `/quality-reviews/${id}`;

/** Plans that are delivering, and so can be reviewed. */

const invalid = (field: string, message: string) =>
  new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", { [field]: [message] });

export const scheduleQualityReview = defineCommand(qualityReviewScheduleSchema, async (tx, input, actor) => {
  assertRole(actor, STAFF, "schedule a quality review");
  const plan = await loadOrThrow(
    "Delivery plan",
    tx.deliveryPlan.findFirst({
      where: { AND: [{ id: input.planId }, deliveryPlanScope(actor)] },
      select: { ...PLAN_FOR_RECORD, programmeTitle: true },
    }),
  );
  await keepPlanFor(tx, plan, "scheduleQualityReview", actor);
  const ids = [...new Set(input.reviewerIds)];
  const reviewers = await tx.user.findMany({
    where: { id: { in: ids }, role: "REVIEWER", active: true },
    select: { id: true, name: true, organisationId: true },
  });
  if (reviewers.length !== ids.length) throw invalid("reviewerIds", "Choose reviewers from the list");
  const conflicted = reviewers.filter((r) => conflictOfInterest(r, [plan.organisationId]) !== null);
  if (conflicted.length > 0) {
    const names = conflicted.map((r) => r.name).join(", ");
    throw invalid("reviewerIds", `${names} cannot review this provider: they belong to it (conflict of interest)`);
  }
  const review = await tx.qualityReview.create({
    data: {
      planId: plan.id,
      scheduledOn: input.scheduledOn,
      createdById: actor.id,
      reviewers: { create: ids.map((reviewerId) => ({ reviewerId })) },
    },
  });
  await recordAudit(tx, {
    entityType: "QualityReview",
    entityId: review.id,
    action: "create",
    to: review.status,
    actor,
    data: { reviewerIds: ids },
  });
  await notifyUsers(tx, ids, {
    kind: "ASSIGNMENTS",
    title: `Quality review assigned: ${plan.programmeTitle}`,
    body: `You are a reviewer for this quality review, scheduled for ${input.scheduledOn.toISOString().slice(0, 10)}.`,
    link: qualityReviewLink(review.id),
  });
  return review;
});

export async function loadReview(tx: Tx, id: string, actor: Actor) {
  return loadOrThrow(
    "Quality review",
    tx.qualityReview.findFirst({
      where: { AND: [{ id }, qualityReviewScope(actor)] },
      include: {
        plan: {
          select: {
            id: true,
            organisationId: true,
            programmeTitle: true,
            status: true,
            version: true,
            credential: { select: { status: true } },
          },
        },
        reviewers: { select: { reviewerId: true } },
        _count: { select: { findings: true } },
      },
    }),
  );
}

type LoadedReview = Awaited<ReturnType<typeof loadReview>>;
export const reviewContext = (r: LoadedReview, outcome?: QualityOutcome | null) => ({
  providerOrganisationId: r.plan.organisationId,
  reviewerIds: r.reviewers.map((x) => x.reviewerId),
  findingCount: r._count.findings,
  outcome: outcome ?? r.outcome,
  planStatus: r.plan.status,
});

/**
 * Findings and actions are added while the review is in progress, by staff or its assigned, unconflicted reviewers:
 * the machine's `recordFinding` and `raiseAction` say so. They do not change the review's status or version, but the
 * review row is touched under the same status condition, so nothing can be added once it has been reported.
 */
export async function assertRecording(tx: Tx, review: LoadedReview, actor: Actor, transition: "recordFinding" | "raiseAction") {
  const verdict = check(qualityReviewMachine, transition, review.status, { ...reviewContext(review), actor });
  if (!verdict.ok) throw new AppError(verdict.code, verdict.reason);
  const { count } = await tx.qualityReview.updateMany({ where: { id: review.id, status: review.status }, data: { updatedAt: new Date() } });
  if (count !== 1) throw stale();
}

export const recordFinding = defineCommand(findingSchema, async (tx, input, actor) => {
  const review = await loadReview(tx, input.id, actor);
  await assertRecording(tx, review, actor, "recordFinding");
  const finding = await tx.finding.create({
    data: { qualityReviewId: review.id, area: input.area, rating: input.rating, evidence: input.evidence, createdById: actor.id },
  });
  await recordAudit(tx, {
    entityType: "Finding",
    entityId: finding.id,
    action: "create",
    actor,
    data: { qualityReviewId: review.id, area: input.area, rating: input.rating },
  });
  return finding;
});

export const startQualityReview = defineCommand(transitionSchema, async (tx, input, actor) => {
  const row = await loadReview(tx, input.id, actor);
  return applyTransition(tx, {
    machine: qualityReviewMachine,
    transition: "start",
    row,
    expectedVersion: input.version,
    actor,
    context: reviewContext(row),
    table: tx.qualityReview,
  });
});

export const reportQualityReview = defineCommand(transitionSchema, async (tx, input, actor) => {
  const row = await loadReview(tx, input.id, actor);
  const result = await applyTransition(tx, {
    machine: qualityReviewMachine,
    transition: "report",
    row,
    expectedVersion: input.version,
    actor,
    context: reviewContext(row),
    table: tx.qualityReview,
    data: { reportedAt: new Date() },
  });
  await notifyStaff(tx, {
    kind: "SUBMISSIONS",
    title: `Quality review reported: ${row.plan.programmeTitle}`,
    body: "Record the outcome and close the review.",
    link: qualityReviewLink(row.id),
  });
  return result;
});

export const closeQualityReview = defineCommand(qualityReviewCloseSchema, async (tx, input, actor) => {
  const row = await loadReview(tx, input.id, actor);
  const result = await applyTransition(tx, {
    machine: qualityReviewMachine,
    transition: "close",
    row,
    expectedVersion: input.version,
    actor,
    context: reviewContext(row, input.outcome),
    table: tx.qualityReview,
    data: { outcome: input.outcome, summary: input.summary || null, closedAt: new Date() },
    audit: { outcome: input.outcome },
  });
  const recipients = [...(await organisationMembers(tx, row.plan.organisationId, "PROVIDER")), ...reviewContext(row).reviewerIds];
  await notifyUsers(tx, recipients, {
    kind: "DECISIONS",
    title: `Quality review closed: ${row.plan.programmeTitle}`,
    body: `Outcome: ${QUALITY_OUTCOME_LABELS[input.outcome]}.`,
    link: qualityReviewLink(row.id),
  });
  // The outcome and the review's date set the plan's rating and its next review, so both follow at once.
  await rateDeliveringPlan(tx, row.plan.id, actor);
  return result;
});

/** `version` is the delivery plan's version as shown on the review page. */
export const suspendPlanSchema = reasonedTransitionSchema("suspending this delivery plan");

/** After a review that found the delivery does not meet the standards, staff may suspend the plan (both machines agree). */
export const suspendPlanAfterReview = defineCommand(suspendPlanSchema, async (tx, input, actor) => {
  const review = await loadReview(tx, input.id, actor);
  await applyTransition(tx, {
    machine: qualityReviewMachine,
    transition: "suspendPlan",
    row: review,
    actor,
    context: reviewContext(review),
    table: tx.qualityReview,
    reason: input.reason,
    audit: { planId: review.plan.id },
  });
  const { plan } = review;
  const result = await applyTransition(tx, {
    machine: deliveryPlanMachine,
    transition: "suspend",
    row: plan,
    expectedVersion: input.version,
    actor,
    context: {
      organisationId: plan.organisationId,
      credentialStatus: plan.credential.status,
      unmappedOutcomes: [],
      missingDetails: [],
      reason: input.reason,
    },
    table: tx.deliveryPlan,
    data: { suspendedReason: input.reason },
    reason: input.reason,
    audit: { qualityReviewId: review.id },
  });
  await notifyUsers(tx, await organisationMembers(tx, plan.organisationId, "PROVIDER"), {
    kind: "DECISIONS",
    title: `Delivery plan suspended: ${plan.programmeTitle}`,
    body: input.reason,
    link: qualityReviewLink(review.id),
  });
  return { ...result, reviewId: review.id };
});
