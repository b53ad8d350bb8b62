// Starting rows for the quality and impact tests: an endorsed credential with an approved delivery plan, the
// provider's and another provider's staff, reviewers, and the returns and reviews hanging off the plan.
// State changes under test go through the data layer, never through here.
import { randomUUID } from "node:crypto";
import type { DeliveryPlanStatus } from "@/lib/generated/prisma/enums";
import { testDb } from "./db";
import * as make from "./factory";

const unique = () => randomUUID().slice(0, 8);

export async function credential(ownerOrganisationId: string, createdById: string) {
  const c = await testDb().credential.create({
    data: {
      reference: `APC-${unique()}`,
      title: `Credential ${unique()}`,
      ownerOrganisationId,
      origin: "COMMISSIONED",
      status: "ENDORSED",
    },
  });
  const v = await testDb().specificationVersion.create({ data: { credentialId: c.id, number: 1, status: "ENDORSED", createdById } });
  return { ...c, versionId: v.id };
}

export async function plan(cred: { id: string; versionId: string }, organisationId: string, status: DeliveryPlanStatus = "APPROVED") {
  return testDb().deliveryPlan.create({
    data: {
      credentialId: cred.id,
      specificationVersionId: cred.versionId,
      organisationId,
      programmeTitle: `Programme ${unique()}`,
      status,
    },
  });
}

/** Staff, a provider and its colleague, another provider, an independent reviewer, a reviewer from the provider. */
export async function qualityCast() {
  const centre = await make.organisation("CENTRE");
  const group = await make.organisation("EXPERT_GROUP");
  const providerOrg = await make.organisation("EDUCATION_PROVIDER");
  const otherOrg = await make.organisation("EDUCATION_PROVIDER");
  const independent = await make.organisation("OTHER");
  const staff = await make.actor("CENTRE_STAFF", centre.id);
  const cred = await credential(group.id, staff.id);
  return {
    staff,
    provider: await make.actor("PROVIDER", providerOrg.id),
    colleague: await make.actor("PROVIDER", providerOrg.id),
    otherProvider: await make.actor("PROVIDER", otherOrg.id),
    reviewer: await make.actor("REVIEWER", independent.id),
    otherReviewer: await make.actor("REVIEWER", independent.id),
    conflictedReviewer: await make.actor("REVIEWER", providerOrg.id),
    expert: await make.actor("EXPERT", group.id),
    providerOrg,
    otherOrg,
    credential: cred,
    plan: await plan(cred, providerOrg.id),
  };
}
export type QualityCast = Awaited<ReturnType<typeof qualityCast>>;

export function annualReturn(
  planId: string,
  status: "OPEN" | "SUBMITTED" | "QUERIED" | "ACCEPTED" = "OPEN",
  dueOn = new Date("2026-09-30"),
) {
  return testDb().annualReturn.create({ data: { planId, year: 2026, dueOn, status } });
}

export async function qualityReview(
  planId: string,
  createdById: string,
  reviewerIds: string[],
  status: "PLANNED" | "IN_PROGRESS" | "REPORTED" | "CLOSED" = "IN_PROGRESS",
) {
  return testDb().qualityReview.create({
    data: {
      planId,
      createdById,
      status,
      scheduledOn: new Date("2026-03-01"),
      reviewers: { create: reviewerIds.map((reviewerId) => ({ reviewerId })) },
    },
  });
}

/** A finding with one action owned by the plan's provider. */
export async function findingWithAction(
  reviewId: string,
  organisationId: string,
  createdById: string,
  status: "OPEN" | "RESPONDED" | "CLOSED" = "OPEN",
) {
  const finding = await testDb().finding.create({
    data: { qualityReviewId: reviewId, area: "SUPERVISION", rating: "REQUIRES_IMPROVEMENT", evidence: "Logs incomplete", createdById },
  });
  const action = await testDb().qualityAction.create({
    data: {
      findingId: finding.id,
      qualityReviewId: reviewId,
      organisationId,
      description: "Check supervision logs termly",
      dueOn: new Date("2026-04-01"),
      status,
      response: status === "OPEN" ? null : "Done",
    },
  });
  return { finding, action };
}

type ImpactFigures = {
  period: string;
  enrolled: number;
  completed: number;
  withdrawn: number;
  deployed: number;
  /** [a profession on the list, by name (added to it when missing), enrolled, completed, deployed] */
  professions?: [string, number, number, number][];
};

export async function impactReturn(
  p: { id: string; organisationId: string; credentialId: string },
  f: ImpactFigures,
  status: "DRAFT" | "SUBMITTED" | "QUERIED" | "ACCEPTED" = "ACCEPTED",
) {
  const { professions = [], ...figures } = f;
  const byProfession = [];
  for (const [name, enrolled, completed, deployed] of professions) {
    byProfession.push({ professionId: (await make.profession(name)).id, enrolled, completed, deployed });
  }
  return testDb().impactReturn.create({
    data: {
      ...figures,
      planId: p.id,
      organisationId: p.organisationId,
      credentialId: p.credentialId,
      credentialReference: (await testDb().credential.findUniqueOrThrow({ where: { id: p.credentialId }, select: { reference: true } }))
        .reference,
      status,
      byProfession: {
        create: byProfession,
      },
    },
  });
}

export const notificationsFor = (userId: string) => testDb().notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
