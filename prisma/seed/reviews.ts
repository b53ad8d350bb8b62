// Endorsement reviews: reviewer assignments, per-criterion assessments, the staff decision and its conditions.
import { step, trail } from "./audit";
import { dateOnly } from "./dates";
import type { CriterionRating, EndorsementDecision } from "../../lib/generated/prisma/enums";
import type { Seeded, SeedUser, Tx } from "./types";

/** What a reviewer typically writes where a criterion is met. */
const MET_COMMENTS: Record<string, string> = {
  "4": "The area-specific capabilities are set out clearly as learning outcomes.",
  "4.1": "Outcomes address complexity, uncertainty and risk and are pitched at level 7.",
  "5": "The need is well evidenced and national in scale.",
  "6": "Each outcome is mapped to the four pillars of advanced practice.",
  "7": "Outcomes are measurable and consistent with the credit volume.",
  "8": "Assessment methods are valid and between them cover every outcome.",
  "9": "Profession-specific requirements are stated for each group.",
  "10": "The evidence base is current and properly cited.",
  "11": "Supervision arrangements are realistic for employers.",
  "12": "Equality, diversity and inclusion are addressed for learners and patients.",
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
      createdAt: plan.openedAt,
    },
    select: { id: true },
  });
  for (const a of plan.assessors) await createAssignment(tx, s, review.id, a, plan.openedBy);
  for (const c of d?.conditions ?? []) await createCondition(tx, review.id, plan.credentialId, c, d!.at, d!.by);
  return review;
}
