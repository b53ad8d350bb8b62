import "server-only";
import { db } from "@/lib/db";
import { publishedSetInEffect, ratingCriteria, type RatingCriterion } from "@/lib/data/criteria-sets";
import { subjectOrganisationIds } from "@/lib/data/endorsement-reviews";
import { credentialScope, reviewerAssignmentScope, reviewerCandidateScope, specificationScope } from "@/lib/data/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { conflictOfInterest, type Actor } from "@/lib/workflow";

// What the endorsement review page and the panel pack read: a credential's review as the actor may see it, the
// criteria it is rated against and the reviewers staff may choose from (the commands are in endorsement-reviews.ts).

/** A reviewer's assessment as the review page and the panel pack show it: the reviewer, their ratings and comments. */
export const ASSESSMENT_SELECT = {
  id: true,
  status: true,
  version: true,
  dueOn: true,
  withdrawnReason: true,
  submittedAt: true,
  recommendation: true,
  overallComment: true,
  reviewer: {
    select: { id: true, name: true, expertise: true, clinicalProfessions: true, organisation: { select: { name: true } } },
  },
  ratings: { select: { criterionId: true, rating: true, comment: true } },
} satisfies Prisma.ReviewerAssignmentSelect;

/**
 * The endorsement review of a credential's latest specification version that has left draft, as the actor may
 * see it: staff see every assignment, a reviewer only their own, the expert group none (and the review only
 * once decided). Null when the actor may not see the credential at all.
 */
export async function endorsementReviewFor(actor: Actor, credentialId: string) {
  if (actor.role === "PROVIDER") return null;
  const credential = await db().credential.findFirst({
    where: { id: credentialId, ...credentialScope(actor) },
    select: {
      id: true,
      reference: true,
      title: true,
      status: true,
      version: true,
      publishedAt: true,
      endorsedAt: true,
      reviewDueAt: true,
      ownerOrganisationId: true,
      origin: true,
      ownerOrganisation: { select: { name: true } },
      conditions: {
        orderBy: { createdAt: "asc" },
        select: { id: true, text: true, status: true, version: true, metNote: true, metAt: true, dueOn: true },
      },
    },
  });
  if (!credential) return null;
  const version = await db().specificationVersion.findFirst({
    where: { credentialId, status: { not: "DRAFT" }, ...specificationScope(actor) },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      status: true,
      version: true,
      submittedAt: true,
      review: {
        select: {
          id: true,
          status: true,
          decision: true,
          rationale: true,
          decidedAt: true,
          createdAt: true,
          criteriaSetId: true,
          criteriaSet: { select: { number: true, name: true, source: true } },
          assignments: {
            where: reviewerAssignmentScope(actor),
            orderBy: { createdAt: "asc" },
            select: ASSESSMENT_SELECT,
          },
        },
      },
    },
  });
  const review = version?.review && (actor.role !== "EXPERT" || version.review.status === "DECIDED") ? version.review : null;
  return { credential, version, review, conditions: actor.role === "REVIEWER" ? [] : credential.conditions };
}
export type EndorsementReviewView = NonNullable<Awaited<ReturnType<typeof endorsementReviewFor>>>;

/** What the review machine's decision asks of a review as a page shows it: submitted assessments and the expertise on it. */
export function decisionFacts(review: EndorsementReviewView["review"]) {
  const assignments = review?.assignments ?? [];
  return {
    submittedAssessmentCount: assignments.filter((a) => a.status === "SUBMITTED").length,
    reviewerExpertise: assignments.filter((a) => a.status !== "WITHDRAWN").map((a) => a.reviewer.expertise),
  };
}

/** The criteria a review is rated against: the set it recorded when it opened, or for a review yet to open, the set now in effect. */
export async function endorsementCriteria(review: { criteriaSetId: string } | null) {
  const setId = review?.criteriaSetId ?? (await publishedSetInEffect(db(), "ENDORSEMENT"))?.id;
  return setId ? ratingCriteria(setId) : [];
}
export type EndorsementCriterionView = RatingCriterion;

/** Reviewers staff may choose from, each marked when their organisation is the subject of the review. */
export async function reviewerCandidates(actor: Actor, credential: { ownerOrganisationId: string }) {
  const users = await db().user.findMany({
    where: { role: "REVIEWER", active: true, ...reviewerCandidateScope(actor) },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      organisationId: true,
      expertise: true,
      clinicalProfessions: true,
      organisation: { select: { name: true } },
    },
  });
  return users.map((u) => ({ ...u, conflict: conflictOfInterest(u, subjectOrganisationIds(credential)) }));
}
