// Endorsement reviews: reviewer assignments, per-criterion assessments, the staff decision and its conditions.
import { step, trail } from "./audit";
import { dateOnly } from "./dates";
import type { CriterionRating, EndorsementDecision } from "../../lib/generated/prisma/enums";
import type { Seeded, SeedUser, Tx } from "./types";

/** What a reviewer typically writes where a criterion is met. */
const MET_COMMENTS: Record<string, string> = {
  "4.1(a)": "The capabilities centre on the professional activities that keep care in this area safe and effective.",
  "4.1(b)": "Each area-specific capability is mapped to the Framework's core capabilities, across the four pillars.",
  "4.1(c)": "Outcomes address complexity, uncertainty, unpredictability and risk in this area.",
  "4.1(d)": "Outcomes are pitched at level 7: critical, independent and evaluative.",
};

/** Criteria a reviewer did not rate as met, by criterion number. */
export type Concerns = Record<string, [CriterionRating, string]>;

export type AssessorPlan = {
  reviewer: SeedUser;
  assignedAt: Date;
  dueOn: Date;
  submitted?: { at: Date; recommendation: EndorsementDecision; comment: string; concerns?: Concerns };
};

export type ConditionPlan = { text: string; dueOn: Date; met?: { at: Date; note: string; by: SeedUser } };

export type ReviewPlan = {
  credentialId: string;
  versionId: string;
  openedAt: Date;
  openedBy: SeedUser;
  assessors: AssessorPlan[];
  decision?: { decision: EndorsementDecision; rationale: string; at: Date; by: SeedUser; conditions?: ConditionPlan[] };
};

async function createAssignment(tx: Tx, s: Seeded, reviewId: string, a: AssessorPlan, staff: SeedUser) {
  const sub = a.submitted;
  const assignment = await tx.reviewerAssignment.create({
    data: {
      reviewId,
      reviewerId: a.reviewer.id,
      status: sub ? "SUBMITTED" : "ASSIGNED",
      recommendation: sub?.recommendation ?? null,
      overallComment: sub?.comment ?? "",
      dueOn: dateOnly(a.dueOn),
      submittedAt: sub?.at ?? null,
      createdAt: a.assignedAt,
    },
    select: { id: true },
  });
  const steps = [step("create", null, "ASSIGNED", staff, a.assignedAt)];
  if (sub) {
    await tx.criterionAssessment.createMany({
      data: s.endorsement.map((c) => {
        const [rating, comment] = sub.concerns?.[c.number] ?? ["MET", MET_COMMENTS[c.number] ?? "Met."];
        return { assignmentId: assignment.id, criterionId: c.id, rating, comment };
      }),
    });
    steps.push(step("submitAssessment", "ASSIGNED", "SUBMITTED", a.reviewer, sub.at, { data: { recommendation: sub.recommendation } }));
  }
  await trail(tx, "ReviewerAssignment", assignment.id, steps);
}

async function createCondition(tx: Tx, reviewId: string, credentialId: string, c: ConditionPlan, createdAt: Date, by: SeedUser) {
  const condition = await tx.endorsementCondition.create({
    data: {
      reviewId,
      credentialId,
      text: c.text,
      dueOn: dateOnly(c.dueOn),
      status: c.met ? "MET" : "OPEN",
      metNote: c.met?.note ?? null,
      metAt: c.met?.at ?? null,
      createdAt,
    },
    select: { id: true },
  });
  const steps = [step("create", null, "OPEN", by, createdAt)];
  if (c.met) steps.push(step("markMet", "OPEN", "MET", c.met.by, c.met.at, { reason: c.met.note }));
  await trail(tx, "EndorsementCondition", condition.id, steps);
}

export async function createEndorsementReview(tx: Tx, s: Seeded, plan: ReviewPlan): Promise<{ id: string }> {
  const d = plan.decision;
  const review = await tx.endorsementReview.create({
    data: {
      specificationVersionId: plan.versionId,
      status: d ? "DECIDED" : "OPEN",
      decision: d?.decision ?? null,
      rationale: d?.rationale ?? null,
      decidedById: d?.by.id ?? null,
      decidedAt: d?.at ?? null,
      criteriaSetId: s.endorsementSetId,
      createdAt: plan.openedAt,
    },
    select: { id: true },
  });
  for (const a of plan.assessors) await createAssignment(tx, s, review.id, a, plan.openedBy);
  for (const c of d?.conditions ?? []) await createCondition(tx, review.id, plan.credentialId, c, d!.at, d!.by);
  return review;
}
