// Annual returns and quality reviews of approved deliveries: findings, and actions owned by the provider.
import { step, trail, type Step } from "./audit";
import { addDays, dateOnly } from "./dates";
import type { SeededPlan } from "./delivery";
import type { FindingRating, StandardArea } from "../../lib/generated/prisma/enums";
import type { SeedUser, Tx } from "./types";

export type AnnualReturnSpec = {
  plan: SeededPlan;
  year: number;
  dueOn: Date;
  /** Present once the provider has submitted it. */
  submitted?: { at: Date; by: SeedUser; cohorts: string; changesToDelivery: string; staffing: string; concerns: string };
  accepted?: { at: Date; by: SeedUser };
};

export async function createAnnualReturn(tx: Tx, r: AnnualReturnSpec): Promise<void> {
  const createdAt = addDays(r.dueOn, -60);
  const { at: submittedAt, by: _by, ...answers } = r.submitted ?? { at: null, by: null };
  const ret = await tx.annualReturn.create({
    data: {
      planId: r.plan.id,
      year: r.year,
      dueOn: dateOnly(r.dueOn),
      status: r.accepted ? "ACCEPTED" : r.submitted ? "SUBMITTED" : "OPEN",
      ...answers,
      submittedAt,
      createdAt,
    },
    select: { id: true },
  });
  const steps: Step[] = [step("create", null, "OPEN", null, createdAt)];
  if (r.submitted) steps.push(step("submit", "OPEN", "SUBMITTED", r.submitted.by, r.submitted.at));
  if (r.accepted) steps.push(step("accept", "SUBMITTED", "ACCEPTED", r.accepted.by, r.accepted.at));
  await trail(tx, "AnnualReturn", ret.id, steps);
}

export type FindingSpec = {
  area: StandardArea;
  rating: FindingRating;
  evidence: string;
  by: SeedUser;
  at: Date;
  actions: { description: string; dueOn: Date }[];
};

export type QualityReviewSpec = {
  plan: SeededPlan;
  scheduledOn: Date;
  createdBy: SeedUser;
  createdAt: Date;
  startedAt: Date;
  reviewers: SeedUser[];
  findings: FindingSpec[];
};

async function createFinding(tx: Tx, reviewId: string, plan: SeededPlan, f: FindingSpec): Promise<void> {
  const finding = await tx.finding.create({
    data: { qualityReviewId: reviewId, area: f.area, rating: f.rating, evidence: f.evidence, createdById: f.by.id, createdAt: f.at },
    select: { id: true },
  });
  for (const a of f.actions) {
    const action = await tx.qualityAction.create({
      data: {
        findingId: finding.id,
        qualityReviewId: reviewId,
        organisationId: plan.organisationId,
        description: a.description,
        dueOn: dateOnly(a.dueOn),
        createdAt: f.at,
      },
      select: { id: true },
    });
    await trail(tx, "QualityAction", action.id, [step("create", null, "OPEN", f.by, f.at)]);
  }
}

/** A review in progress: reviewers assigned and findings recorded, not yet reported. */
export async function createQualityReview(tx: Tx, q: QualityReviewSpec): Promise<{ id: string }> {
  const review = await tx.qualityReview.create({
    data: {
      planId: q.plan.id,
      scheduledOn: dateOnly(q.scheduledOn),
      status: "IN_PROGRESS",
      createdById: q.createdBy.id,
      createdAt: q.createdAt,
      reviewers: { create: q.reviewers.map((r) => ({ reviewerId: r.id })) },
    },
    select: { id: true },
  });
  for (const f of q.findings) await createFinding(tx, review.id, q.plan, f);
  await trail(tx, "QualityReview", review.id, [
    step("create", null, "PLANNED", q.createdBy, q.createdAt, { data: { reviewerIds: q.reviewers.map((r) => r.id) } }),
    step("start", "PLANNED", "IN_PROGRESS", q.createdBy, q.startedAt),
  ]);
  return review;
}
