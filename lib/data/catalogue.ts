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
