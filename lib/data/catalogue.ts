import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type CatalogueFilters = { q?: string; origin?: string };

// The public catalogue: published credentials that are endorsed for delivery. No sign-in.
const listed: Prisma.CredentialWhereInput = {
  publishedAt: { not: null },
  status: { in: ["ENDORSED", "UNDER_PERIODIC_REVIEW", "REVISION_REQUIRED"] },
};

export function catalogue(filters: CatalogueFilters) {
  const q = filters.q?.trim();
  return db().credential.findMany({
    where: {
      ...listed,
      ...(q ? { OR: [{ title: { contains: q, mode: "insensitive" } }, { reference: { contains: q, mode: "insensitive" } }, { summary: { contains: q, mode: "insensitive" } }] } : {}),
      ...(filters.origin === "COMMISSIONED" || filters.origin === "PILOT_PHASE_1" || filters.origin === "PILOT_PHASE_2" ? { origin: filters.origin } : {}),
    },
    orderBy: { reference: "asc" },
    select: {
      id: true, reference: true, title: true, summary: true, origin: true, endorsedAt: true, reviewDueAt: true,
      ownerOrganisation: { select: { name: true } },
      endorsedVersion: { select: { number: true, academicLevel: true, credits: true } },
    },
  });
}

/** One published credential with its endorsed specification in full, for the public page and the open-data export. */
export function publishedCredential(reference: string) {
  return db().credential.findFirst({
    where: { ...listed, reference },
    select: {
      reference: true, title: true, summary: true, origin: true, status: true, endorsedAt: true, reviewDueAt: true, publishedAt: true,
      ownerOrganisation: { select: { name: true } },
      conditions: { orderBy: { createdAt: "asc" }, select: { text: true, status: true, dueOn: true, metAt: true } },
      endorsedVersion: {
        select: {
          number: true, purposeAndScope: true, targetGroup: true, entryRequirements: true, linksToOtherProvision: true,
          assessmentStrategy: true, academicLevel: true, credits: true, notionalHours: true, deliveryModes: true,
          supervisionRequirements: true, evidenceBase: true, changeSummary: true,
          learningOutcomes: { orderBy: { position: "asc" }, select: { position: true, text: true, pillars: true } },
          epas: { orderBy: { position: "asc" }, select: { position: true, title: true, description: true } },
        },
      },
    },
  });
}
export type PublishedCredential = NonNullable<Awaited<ReturnType<typeof publishedCredential>>>;

/** The open-data form of a published credential: its endorsed specification as plain JSON. */
export function toOpenData({ endorsedVersion, ownerOrganisation, ...credential }: PublishedCredential) {
  return { ...credential, expertGroup: ownerOrganisation.name, endorsedSpecification: endorsedVersion };
}
