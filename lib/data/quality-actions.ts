import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Tx } from "@/lib/db";
import { defineCommand } from "@/lib/data/command";
import { assertRecording, loadReview, qualityReviewLink } from "@/lib/data/quality-reviews";
import { qualityActionScope, qualityReviewScope } from "@/lib/data/scope";
import { applyTransition, loadOrThrow } from "@/lib/data/transition";
import { notifyUsers, organisationMembers } from "@/lib/notify";
import { qualityActionMachine, type Actor } from "@/lib/workflow";
import { qualityActionRaiseSchema, qualityActionRespondSchema } from "@/lib/validation/quality";
import { reasonedTransitionSchema, transitionSchema } from "@/lib/validation/common";

// Quality actions: raised on a finding, owned by the provider under review, who responds; the reviewers (or staff)
// then close the action or reopen it with a reason.

export const qualityActionLink = (a: { id: string; qualityReviewId: string }) => `${qualityReviewLink(a.qualityReviewId)}/actions/${a.id}`;

export const raiseQualityAction = defineCommand(qualityActionRaiseSchema, async (tx, input, actor) => {
  const finding = await loadOrThrow(
    "Finding",
    tx.finding.findFirst({
      where: { id: input.findingId, qualityReview: qualityReviewScope(actor) },
      select: { id: true, qualityReviewId: true },
    }),
  );
  const review = await loadReview(tx, finding.qualityReviewId, actor);
  await assertRecording(tx, review, actor, "raiseAction");
  const action = await tx.qualityAction.create({
    data: {
      findingId: finding.id,
      qualityReviewId: review.id,
      organisationId: review.plan.organisationId,
      description: input.description,
      dueOn: input.dueOn,
    },
  });
  await recordAudit(tx, {
    entityType: "QualityAction",
    entityId: action.id,
    action: "create",
    to: action.status,
    actor,
    data: { findingId: finding.id },
  });
  await notifyUsers(tx, await organisationMembers(tx, review.plan.organisationId, "PROVIDER"), {
    kind: "ASSIGNMENTS",
    title: `New quality action: ${review.plan.programmeTitle}`,
    body: `${input.description}\n\nDue ${input.dueOn.toISOString().slice(0, 10)}.`,
    link: qualityActionLink(action),
  });
  return action;
});

async function loadAction(tx: Tx, id: string, actor: Actor) {
  return loadOrThrow(
    "Quality action",
    tx.qualityAction.findFirst({
      where: { AND: [{ id }, qualityActionScope(actor)] },
      include: { qualityReview: { select: { reviewers: { select: { reviewerId: true } } } } },
    }),
  );
}

type Loaded = Awaited<ReturnType<typeof loadAction>>;
const reviewersOf = (a: Loaded) => a.qualityReview.reviewers.map((r) => r.reviewerId);
const contextOf = (a: Loaded, extra: { response?: string; reason?: string } = {}) => ({
  organisationId: a.organisationId,
  reviewerIds: reviewersOf(a),
  ...extra,
});

export const respondToQualityAction = defineCommand(qualityActionRespondSchema, async (tx, input, actor) => {
  const row = await loadAction(tx, input.id, actor);
  const result = await applyTransition(tx, {
    machine: qualityActionMachine,
    transition: "respond",
    row,
    expectedVersion: input.version,
    actor,
    context: contextOf(row, { response: input.response }),
    table: tx.qualityAction,
    data: { response: input.response, respondedAt: new Date() },
  });
  await notifyUsers(tx, reviewersOf(row), {
    kind: "SUBMISSIONS",
    title: "Provider responded to a quality action",
    body: input.response,
    link: qualityActionLink(row),
  });
  return { ...result, qualityReviewId: row.qualityReviewId };
});

async function notifyProvider(tx: Tx, row: Loaded, title: string, body?: string) {
  await notifyUsers(tx, await organisationMembers(tx, row.organisationId, "PROVIDER"), {
    kind: "DECISIONS",
    title,
    body,
    link: qualityActionLink(row),
  });
}

export const closeQualityAction = defineCommand(transitionSchema, async (tx, input, actor) => {
  const row = await loadAction(tx, input.id, actor);
  const result = await applyTransition(tx, {
    machine: qualityActionMachine,
    transition: "close",
    row,
    expectedVersion: input.version,
    actor,
    context: contextOf(row),
    table: tx.qualityAction,
    data: { closedAt: new Date(), reason: null },
  });
  await notifyProvider(tx, row, "Quality action closed", row.description);
  return { ...result, qualityReviewId: row.qualityReviewId };
});

export const reopenQualityAction = defineCommand(reasonedTransitionSchema("reopening this action"), async (tx, input, actor) => {
  const row = await loadAction(tx, input.id, actor);
  const result = await applyTransition(tx, {
    machine: qualityActionMachine,
    transition: "reopen",
    row,
    expectedVersion: input.version,
    actor,
    context: contextOf(row, { reason: input.reason }),
    table: tx.qualityAction,
    data: { reason: input.reason },
    reason: input.reason,
  });
  await notifyProvider(tx, row, "Quality action reopened", input.reason);
  return { ...result, qualityReviewId: row.qualityReviewId };
});
