// Starting points for specification and comment tests: a credential with one version in a given state.
// State changes under test always go through the data layer, never through here.
import { randomUUID } from "node:crypto";
import type { CredentialOrigin, CredentialStatus, SpecificationStatus } from "@/lib/generated/prisma/enums";
import { criteriaSet } from "./criteria";
import { testDb } from "./db";

/** Every required section of a first version, filled in. */
export const COMPLETE_SECTIONS = {
  purposeAndScope: "Prepares advanced practitioners for same day emergency care.",
  targetGroup: "Nurses, paramedics, pharmacists and physiotherapists.",
  entryRequirements: "Registration and three years' experience.",
  linksToOtherProvision: "Builds on the urgent care credential.",
  assessmentStrategy: "Portfolio, OSCE and a service-improvement report.",
  academicLevel: 7,
  credits: 60,
  notionalHours: 600,
  deliveryModes: ["Blended", "Work-based"],
  supervisionRequirements: "A named clinical supervisor meets the learner fortnightly.",
  evidenceBase: "Society for Acute Medicine benchmarks.",
};

export const OUTCOMES = [
  { text: "Assess adults with undifferentiated acute presentations.", pillars: ["CLINICAL_PRACTICE" as const] },
  { text: "Lead ambulatory pathways and the team.", pillars: ["LEADERSHIP_AND_MANAGEMENT" as const, "CLINICAL_PRACTICE" as const] },
];

type Options = {
  status?: SpecificationStatus;
  credentialStatus?: CredentialStatus;
  origin?: CredentialOrigin;
  number?: number;
  complete?: boolean;
};

/** A credential owned by `organisationId` whose latest version (`number`, default 1) has the given status. */
export async function credentialWithVersion(organisationId: string, o: Options = {}) {
  const credential = await testDb().credential.create({
    data: {
      reference: `APC-T${randomUUID().slice(0, 6)}`,
      title: "Acute Medicine",
      ownerOrganisationId: organisationId,
      origin: o.origin ?? "COMMISSIONED",
      status: o.credentialStatus ?? "IN_DEVELOPMENT",
    },
  });
  const version = await testDb().specificationVersion.create({
    data: {
      credentialId: credential.id,
      number: o.number ?? 1,
      status: o.status ?? "DRAFT",
      ...(o.complete === false ? {} : COMPLETE_SECTIONS),
      learningOutcomes: { create: o.complete === false ? [] : OUTCOMES.map((x, i) => ({ position: i + 1, ...x })) },
      epas: {
        create: o.complete === false ? [] : [{ position: 1, title: "Chest pain pathway", description: "Risk-stratify chest pain." }],
      },
    },
  });
  if (o.complete !== false) await accountForEveryCapability(version.id);
  return { credential, version };
}

/** A complete version also says where each core capability of its edition is met, so nothing stops its submission. */
export async function accountForEveryCapability(specificationVersionId: string) {
  const { frameworkEditionId } = await testDb().specificationVersion.findUniqueOrThrow({
    where: { id: specificationVersionId },
    select: { frameworkEditionId: true },
  });
  const capabilities = await testDb().coreCapability.findMany({ where: { editionId: frameworkEditionId }, select: { id: true } });
  await testDb().uncoveredCapability.createMany({
    data: capabilities.map((c) => ({
      specificationVersionId,
      coreCapabilityId: c.id,
      disposition: "OTHER_PROVISION" as const,
      provision: "The practitioner's advanced practice programme.",
    })),
  });
}

export const versionRow = (id: string) =>
  testDb().specificationVersion.findUniqueOrThrow({
    where: { id },
    include: { learningOutcomes: { orderBy: { position: "asc" } }, epas: { orderBy: { position: "asc" } } },
  });

/** A reviewer assigned to the endorsement review of a version. */
export async function assignReviewer(specificationVersionId: string, reviewerId: string) {
  const set = (await testDb().criteriaSet.findFirst({ where: { kind: "ENDORSEMENT" } })) ?? (await criteriaSet("ENDORSEMENT"));
  const review = await testDb().endorsementReview.create({ data: { specificationVersionId, criteriaSetId: set.id } });
  await testDb().reviewerAssignment.create({ data: { reviewId: review.id, reviewerId } });
}
