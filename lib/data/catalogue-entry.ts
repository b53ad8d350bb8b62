import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import { CACHE_SECONDS, CATALOGUE_TAG, credentialTag } from "@/lib/data/catalogue";
import { COVERAGE_SELECT, coverageMatrix } from "@/lib/data/capability-mapping";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DELIVERING_PLAN_STATES } from "@/lib/workflow";

// One published credential's public entry: its endorsed specification, coverage and approved providers, and the
// open-data description built from it. No sign-in, so a request for any reference costs one entry's reads.

/** At most this many approved providers on an entry; past it the page says how many more there are. */
export const CATALOGUE_PROVIDER_LIMIT = 50;

/**
 * The education providers approved to deliver a credential: its delivery plans in a delivering state (approved, with
 * or without conditions), by provider name. Drafts, plans under review, suspended and closed plans are not shown.
 */
async function approvedProviders(reference: string) {
  const where: Prisma.DeliveryPlanWhereInput = { credential: { reference }, status: { in: [...DELIVERING_PLAN_STATES] } };
  const rows = await db().deliveryPlan.findMany({
    where,
    orderBy: [{ organisation: { name: "asc" } }, { programmeTitle: "asc" }, { id: "asc" }],
    take: CATALOGUE_PROVIDER_LIMIT + 1,
    select: { programmeTitle: true, deliveryMode: true, startsOn: true, organisation: { select: { name: true } } },
  });
  const more = rows.length > CATALOGUE_PROVIDER_LIMIT ? (await db().deliveryPlan.count({ where })) - CATALOGUE_PROVIDER_LIMIT : 0;
  return {
    items: rows.slice(0, CATALOGUE_PROVIDER_LIMIT).map((p) => ({
      provider: p.organisation.name,
      programmeTitle: p.programmeTitle,
      deliveryMode: p.deliveryMode,
      startsOn: p.startsOn?.toISOString().slice(0, 10) ?? null,
    })),
    more,
  };
}
export type ApprovedProviders = Awaited<ReturnType<typeof approvedProviders>>;

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * One credential that has been published, with its endorsed specification in full, for the public page and the
 * open-data export; a withdrawn one too (its page says so), nothing of a credential never published.
 */
export async function publishedCredential(reference: string) {
  if (!REFERENCE.test(reference)) return null;
  const row = await db().credential.findFirst({
    where: {
      reference,
      publishedAt: { not: null },
      status: { in: ["ENDORSED", "UNDER_PERIODIC_REVIEW", "REVISION_REQUIRED", "WITHDRAWN"] },
    },
    select: {
      reference: true,
      title: true,
      summary: true,
      origin: true,
      status: true,
      endorsedAt: true,
      reviewDueAt: true,
      publishedAt: true,
      withdrawnAt: true,
      ownerOrganisation: { select: { name: true } },
      conditions: { orderBy: { createdAt: "asc" }, select: { text: true, status: true, dueOn: true, metAt: true } },
      endorsedVersion: {
        select: {
          number: true,
          purposeAndScope: true,
          targetGroup: true,
          targetProfessions: { orderBy: { profession: { name: "asc" } }, select: { profession: { select: { name: true } } } },
          entryRequirements: true,
          linksToOtherProvision: true,
          assessmentStrategy: true,
          academicLevel: true,
          credits: true,
          notionalHours: true,
          deliveryModes: true,
          supervisionRequirements: true,
          evidenceBase: true,
          changeSummary: true,
          learningOutcomes: { orderBy: { position: "asc" }, select: { position: true, text: true, pillars: true } },
          epas: { orderBy: { position: "asc" }, select: { position: true, title: true, description: true } },
        },
      },
    },
  });
  if (!row) return null;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const [coverage, providers] = await Promise.all([
    row.endorsedVersion
      ? db().specificationVersion.findFirst({
          where: { endorsedFor: { reference: row.reference } },
          select: COVERAGE_SELECT,
        })
      : null,
    row.status === "WITHDRAWN" ? null : approvedProviders(row.reference),
  ]);
  return {
    ...row,
    coverage: coverage ? coverageMatrix(coverage) : null,
    providers,
    endorsedAt: iso(row.endorsedAt),
    reviewDueAt: iso(row.reviewDueAt),
    publishedAt: iso(row.publishedAt),
    withdrawnAt: iso(row.withdrawnAt),
    conditions: row.conditions.map((c) => ({ ...c, dueOn: iso(c.dueOn), metAt: iso(c.metAt) })),
  };
}
export type PublishedCredential = NonNullable<Awaited<ReturnType<typeof publishedCredential>>>;

class NotPublished extends Error {}

/**
 * `publishedCredential`, cached under the catalogue's tag and the credential's own. An unknown reference is not
 * cached (the read throws inside the cache, which stores only results), so guessing references cannot fill it.
 */
export async function cachedPublishedCredential(reference: string): Promise<PublishedCredential | null> {
  if (!REFERENCE.test(reference)) return null;
  const read = unstable_cache(
    async (ref: string) => {
      const found = await publishedCredential(ref);
      if (!found) throw new NotPublished(ref);
      return found;
    },
    ["catalogue-credential"],
    { tags: [CATALOGUE_TAG, credentialTag(reference)], revalidate: CACHE_SECONDS },
  );
  try {
    return await read(reference);
  } catch (err) {
    if (err instanceof NotPublished) return null;
    throw err;
  }
}

/** The open-data form of a published credential: its endorsed specification as plain JSON. */
export function toOpenData({ endorsedVersion, ownerOrganisation, coverage, providers, ...credential }: PublishedCredential) {
  return {
    ...credential,
    expertGroup: ownerOrganisation.name,
    approvedProviders: providers?.items ?? [],
    endorsedSpecification: endorsedVersion && {
      ...endorsedVersion,
      targetProfessions: endorsedVersion.targetProfessions.map((t) => t.profession.name),
    },
    capabilityFramework: coverage
      ? {
          edition: coverage.edition,
          coreCapabilities: coverage.coverage.map((c) => ({
            number: c.capability.number,
            pillar: c.capability.pillar,
            status: c.status,
            coveredByOutcomes: c.outcomes,
            ...(c.provision ? { otherProvision: c.provision } : {}),
          })),
        }
      : null,
  };
}
