// Credentials, and the path of a specification version from draft through endorsement review.
import { step, trail } from "./audit";
import { addDays, addYears } from "./dates";
import { createEndorsementReview, type ConditionPlan, type Concerns } from "./reviews";
import { createVersion, type SeededVersion, type SpecDecision } from "./specs";
import type { SpecContent } from "./content/types";
import type { CredentialOrigin, EndorsementDecision } from "../../lib/generated/prisma/enums";
import type { Seeded, SeedOrg, SeedUser, Tx } from "./types";

export type SeededCredential = { id: string; reference: string; title: string };

export async function createCredential(
  tx: Tx,
  c: {
    reference: string;
    title: string;
    summary: string;
    owner: SeedOrg;
    origin: CredentialOrigin;
    priorityId?: string;
    createdAt: Date;
    createdBy: SeedUser;
  },
): Promise<SeededCredential> {
  const credential = await tx.credential.create({
    data: {
      reference: c.reference,
      title: c.title,
      summary: c.summary,
      ownerOrganisationId: c.owner.id,
      origin: c.origin,
      priorityId: c.priorityId ?? null,
      createdAt: c.createdAt,
    },
    select: { id: true, reference: true, title: true },
  });
  await trail(tx, "Credential", credential.id, [
    step("create", null, "IN_DEVELOPMENT", c.createdBy, c.createdAt, { data: { origin: c.origin } }),
  ]);
  return credential;
}

/** Endorses a credential on its decided version and publishes it in the catalogue. */
export async function endorseAndPublish(
  tx: Tx,
  credential: SeededCredential,
  version: SeededVersion,
  t: { endorsedAt: Date; publishedAt: Date; by: SeedUser },
): Promise<{ reviewDueAt: Date }> {
  const reviewDueAt = addYears(t.endorsedAt, 3);
  await tx.credential.update({
    where: { id: credential.id },
    data: { status: "ENDORSED", endorsedVersionId: version.id, endorsedAt: t.endorsedAt, reviewDueAt, publishedAt: t.publishedAt },
  });
  await trail(tx, "Credential", credential.id, [
    step("endorse", "IN_DEVELOPMENT", "ENDORSED", t.by, t.endorsedAt, { data: { versionNumber: version.number } }),
    step("publish", "ENDORSED", "ENDORSED", t.by, t.publishedAt),
  ]);
  return { reviewDueAt };
}

/** Days after submission at which each review step happens. */
const REVIEW_DAYS = { start: 7, due: 35, firstSubmission: 24, decide: 45 };

const SPEC_DECISION: Record<EndorsementDecision, SpecDecision> = {
  ENDORSE: "endorse",
  ENDORSE_WITH_CONDITIONS: "endorseWithConditions",
  REQUEST_CHANGES: "requestChanges",
  DECLINE: "decline",
};

/** A reviewer on the version; without a recommendation the assessment is still outstanding. */
export type Assessment = { reviewer: SeedUser; recommendation?: EndorsementDecision; comment?: string; concerns?: Concerns };

export type SpecPlan = {
  credentialId: string;
  number?: number;
  basedOnId?: string;
  content: SpecContent;
  author: SeedUser;
  draftedAt: Date;
  submittedAt?: Date;
  submittedBy?: SeedUser;
  assessors?: Assessment[];
  decision?: { decision: EndorsementDecision; rationale: string; conditions?: ConditionPlan[] };
};

/** Creates a version and, as far as the plan goes, its submission, review and decision. */
export async function specThroughReview(tx: Tx, s: Seeded, p: SpecPlan): Promise<{ version: SeededVersion; decidedAt?: Date }> {
  const staff = s.users.staff;
  const t0 = p.submittedAt;
  const reviewAt = t0 && p.assessors ? addDays(t0, REVIEW_DAYS.start) : undefined;
  const decidedAt = t0 && p.decision ? addDays(t0, REVIEW_DAYS.decide) : undefined;
  const version = await createVersion(tx, {
    credentialId: p.credentialId,
    number: p.number ?? 1,
    basedOnId: p.basedOnId,
    content: p.content,
    history: {
      createdAt: p.draftedAt,
      createdBy: p.author,
      submitted: t0 ? { at: t0, by: p.submittedBy ?? p.author } : undefined,
      reviewStarted: reviewAt ? { at: reviewAt, by: staff } : undefined,
      decided: decidedAt && p.decision ? { action: SPEC_DECISION[p.decision.decision], at: decidedAt, by: staff } : undefined,
    },
  });
  if (t0 && reviewAt && p.assessors) {
    await createEndorsementReview(tx, s, {
      credentialId: p.credentialId,
      versionId: version.id,
      openedAt: reviewAt,
      openedBy: staff,
      assessors: p.assessors.map((a, i) => ({
        reviewer: a.reviewer,
        assignedAt: reviewAt,
        dueOn: addDays(t0, REVIEW_DAYS.due),
        submitted: a.recommendation
          ? {
              at: addDays(t0, REVIEW_DAYS.firstSubmission + 5 * i),
              recommendation: a.recommendation,
              comment: a.comment ?? "",
              concerns: a.concerns,
            }
          : undefined,
      })),
      decision: decidedAt && p.decision ? { ...p.decision, at: decidedAt, by: staff } : undefined,
    });
  }
  return { version, decidedAt };
}
