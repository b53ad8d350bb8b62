// Starting points for endorsement-review tests: a cast with reviewers, seeded criteria and a
// submitted specification. The review itself is always driven through the data layer.
import { randomUUID } from "node:crypto";
import { assignReviewers } from "@/lib/data/endorsement-reviews";
import { submitAssessment } from "@/lib/data/reviewer-assessments";
import type { CredentialStatus, EndorsementDecision, ReviewerExpertise, SpecificationStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/workflow";
import { criteriaSet } from "./criteria";
import { testDb } from "./db";
import * as make from "./factory";

export async function endorsementCast() {
  const c = await make.cast();
  const network = await make.organisation("OTHER");
  const set = await criteriaSet("ENDORSEMENT");
  return {
    ...c,
    /** Between them, the academic and clinical expertise a review needs. */
    reviewerA: await withExpertise(await make.actor("REVIEWER", network.id), ["ACADEMIC"]),
    reviewerB: await withExpertise(await make.actor("REVIEWER", network.id), ["CLINICAL"], ["Paramedic"]),
    /** Belongs to the expert group that owns the credential: a conflict of interest. */
    conflicted: await make.actor("REVIEWER", c.group.id),
    criteriaSetId: set.id,
    /** The parts a reviewer rates: 4.1(a)–(d). */
    criteria: set.ratable,
  };
}
export async function withExpertise<A extends { id: string }>(
  reviewer: A,
  expertise: ReviewerExpertise[],
  clinicalProfessions: string[] = [],
) {
  await testDb().user.update({ where: { id: reviewer.id }, data: { expertise, clinicalProfessions } });
  return reviewer;
}

export type EndorsementCast = Awaited<ReturnType<typeof endorsementCast>>;

/** A credential of the cast's expert group with one specification version (submitted unless said otherwise). */
export async function credentialWithVersion(
  e: EndorsementCast,
  over: { status?: SpecificationStatus; number?: number; credentialStatus?: CredentialStatus; credentialId?: string } = {},
) {
  const credential = over.credentialId
    ? await testDb().credential.findUniqueOrThrow({ where: { id: over.credentialId } })
    : await testDb().credential.create({
        data: {
          reference: `TST-${randomUUID().slice(0, 8)}`,
          title: "Frailty in the community",
          ownerOrganisationId: e.group.id,
          origin: "PILOT_PHASE_2",
          status: over.credentialStatus ?? "IN_DEVELOPMENT",
        },
      });
  const version = await testDb().specificationVersion.create({
    data: {
      credentialId: credential.id,
      number: over.number ?? 1,
      status: over.status ?? "SUBMITTED",
      purposeAndScope: "Purpose",
      learningOutcomes: { create: [{ position: 1, text: "Assess frailty", pillars: ["CLINICAL_PRACTICE"] }] },
    },
  });
  return { credential, version };
}

/** An accepted commission for the credential, which endorsement completes. */
export async function acceptedCommission(e: EndorsementCast, credentialId: string) {
  const round = await make.round("OPEN");
  const priority = await make.priority(round.id, { status: "PUBLISHED", gatewayOutcome: "PASSED" });
  const commission = await make.commission(priority.id, e.group.id, e.staff.id, "ISSUED");
  return testDb().commission.update({ where: { id: commission.id }, data: { status: "ACCEPTED", credentialId } });
}

export const futureDate = (days = 30) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export function assign(e: EndorsementCast, version: { id: string; version: number }, reviewers: Actor[] = [e.reviewerA, e.reviewerB]) {
  return assignReviewers(e.staff, {
    id: version.id,
    version: version.version,
    reviewerIds: reviewers.map((r) => r.id),
    dueOn: futureDate(),
  });
}

export function assignmentOf(reviewer: Actor, versionId: string) {
  return testDb().reviewerAssignment.findFirstOrThrow({
    where: { reviewerId: reviewer.id, review: { specificationVersionId: versionId } },
  });
}

/** A complete assessment: every criterion rated (the first partially met), a comment and a recommendation. */
export function completeAssessment(
  e: EndorsementCast,
  a: { id: string; version: number },
  recommendation: EndorsementDecision = "ENDORSE",
) {
  return {
    id: a.id,
    version: a.version,
    overallComment: "A sound specification.",
    recommendation,
    ratings: e.criteria.map((c, i) => ({ criterionId: c.id, rating: i === 0 ? "PARTIALLY_MET" : "MET", comment: `On ${c.number}` })),
  };
}

export async function submitFor(e: EndorsementCast, reviewer: Actor, versionId: string, recommendation?: EndorsementDecision) {
  return submitAssessment(reviewer, completeAssessment(e, await assignmentOf(reviewer, versionId), recommendation));
}

/** A version in review with both reviewers' assessments submitted: ready for a decision. */
export async function readyForDecision(e: EndorsementCast, over: Parameters<typeof credentialWithVersion>[1] = {}) {
  const { credential, version } = await credentialWithVersion(e, over);
  await assign(e, version);
  await submitFor(e, e.reviewerA, version.id, "ENDORSE_WITH_CONDITIONS");
  await submitFor(e, e.reviewerB, version.id, "ENDORSE");
  return { credential, version: await testDb().specificationVersion.findUniqueOrThrow({ where: { id: version.id } }) };
}
