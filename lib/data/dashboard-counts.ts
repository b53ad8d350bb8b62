import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { PROVIDER_TO_DO_PLAN_STATES } from "@/lib/workflow";

// The counts under each dashboard's to-do list, each role's in one statement (a subquery per count): one round trip
// whatever the data. Each subquery asks what the matching list page filters on; the dashboard tests hold them to it.

/** `IN (...)` over a workflow's list of states, cast to the column's enum as Prisma's own queries do. */
export const inStates = (states: readonly string[], enumType: string) =>
  Prisma.sql`IN (${Prisma.join(states.map((s) => Prisma.sql`CAST(${s}::text AS ${Prisma.raw(`"${enumType}"`)})`))})`;

async function one<T extends Record<string, number>>(client: Db, query: Prisma.Sql): Promise<T> {
  const [row] = await client.$queryRaw<T[]>(query);
  return row;
}

export function staffCounts(client: Db, now: Date) {
  return one<{
    draftPriorities: number;
    gateway: number;
    submitted: number;
    decisions: number;
    plans: number;
    annualReturns: number;
    periodic: number;
    impact: number;
    overdueActions: number;
  }>(
    client,
    Prisma.sql`SELECT
      (SELECT count(*)::int FROM "Priority" p JOIN "PriorityRound" r ON r.id = p."roundId"
        WHERE p.status = 'DRAFT' AND r.status = 'OPEN') AS "draftPriorities",
      (SELECT count(*)::int FROM "Priority" WHERE status = 'PUBLISHED' AND "gatewayOutcome" = 'NOT_ASSESSED') AS gateway,
      (SELECT count(*)::int FROM "SpecificationVersion" WHERE status = 'SUBMITTED') AS submitted,
      (SELECT count(*)::int FROM "EndorsementReview" er JOIN "SpecificationVersion" v ON v.id = er."specificationVersionId"
        WHERE er.status = 'OPEN' AND v.status = 'IN_REVIEW'
          AND NOT EXISTS (SELECT 1 FROM "ReviewerAssignment" a WHERE a."reviewId" = er.id AND a.status = 'ASSIGNED')) AS decisions,
      (SELECT count(*)::int FROM "DeliveryPlan" WHERE status IN ('SUBMITTED', 'IN_REVIEW')) AS plans,
      (SELECT count(*)::int FROM "AnnualReturn" WHERE status = 'SUBMITTED') AS "annualReturns",
      (SELECT count(*)::int FROM "PeriodicReview" WHERE status IN ('SCHEDULED', 'IN_PROGRESS')) AS periodic,
      (SELECT count(*)::int FROM "ImpactReturn" WHERE status = 'SUBMITTED') AS impact,
      (SELECT count(*)::int FROM "QualityAction" WHERE status <> 'CLOSED' AND "dueOn" < ${now}) AS "overdueActions"`,
  );
}

export function expertCounts(client: Db, organisationId: string) {
  return one<{ commissions: number; drafts: number; openComments: number }>(
    client,
    Prisma.sql`SELECT
      (SELECT count(*)::int FROM "Commission" WHERE "organisationId" = ${organisationId} AND status = 'ISSUED') AS commissions,
      (SELECT count(*)::int FROM "SpecificationVersion" v JOIN "Credential" c ON c.id = v."credentialId"
        WHERE v.status = 'DRAFT' AND c."ownerOrganisationId" = ${organisationId}) AS drafts,
      (SELECT count(*)::int FROM "Comment" cm JOIN "SpecificationVersion" v ON v.id = cm."specificationVersionId"
        JOIN "Credential" c ON c.id = v."credentialId"
        WHERE cm.status = 'OPEN' AND v.status = 'DRAFT' AND c."ownerOrganisationId" = ${organisationId}) AS "openComments"`,
  );
}

export function providerCounts(client: Db, organisationId: string, now: Date) {
  return one<{ plans: number; annualReturns: number; actions: number; overdueActions: number; impact: number }>(
    client,
    Prisma.sql`SELECT
      (SELECT count(*)::int FROM "DeliveryPlan"
        WHERE "organisationId" = ${organisationId} AND status ${inStates(PROVIDER_TO_DO_PLAN_STATES, "DeliveryPlanStatus")}) AS plans,
      (SELECT count(*)::int FROM "DeliveryPlan" p
        -- A lookup per plan of the organisation's (as in its to-do list), not a scan of every return in the country.
        CROSS JOIN LATERAL (SELECT 1 FROM "AnnualReturn" a WHERE a."planId" = p.id AND a.status IN ('OPEN', 'QUERIED') OFFSET 0) ar
        WHERE p."organisationId" = ${organisationId}) AS "annualReturns",
      (SELECT count(*)::int FROM "QualityAction" WHERE "organisationId" = ${organisationId} AND status = 'OPEN') AS actions,
      (SELECT count(*)::int FROM "QualityAction"
        WHERE "organisationId" = ${organisationId} AND status <> 'CLOSED' AND "dueOn" < ${now}) AS "overdueActions",
      (SELECT count(*)::int FROM "ImpactReturn" WHERE "organisationId" = ${organisationId} AND status IN ('DRAFT', 'QUERIED')) AS impact`,
  );
}

/**
 * A reviewer's quality reviews, as the FROM item `qr`, and what hangs off each one read through a LATERAL subquery:
 * PostgreSQL starts from the reviewer's few reviews instead of checking every open review or action in the country
 * against the reviewer (it takes the average reviewer's hundred reviews for a hash join: 17 ms a dashboard at
 * national scale for a reviewer on one review). OFFSET 0 keeps each subquery a lookup per review.
 */
export const theirQualityReviews = (reviewerId: string) =>
  Prisma.sql`(SELECT "qualityReviewId" FROM "QualityReviewer" WHERE "reviewerId" = ${reviewerId}) qr`;

/** The review behind `qr` while it is planned or in progress: `q` (id, planId, scheduledOn). */
export const openReviewOf = Prisma.sql`CROSS JOIN LATERAL (SELECT q.id, q."planId", q."scheduledOn" FROM "QualityReview" q
    WHERE q.id = qr."qualityReviewId" AND q.status IN ('PLANNED', 'IN_PROGRESS') OFFSET 0) q`;

/**
 * The actions on the findings of the review behind `qr` that match `condition` (on `qa`): `qa` (id, organisationId,
 * qualityReviewId, dueOn).
 */
export function actionsOf(condition: Prisma.Sql) {
  return Prisma.sql`CROSS JOIN LATERAL (SELECT qa.id, qa."organisationId", qa."qualityReviewId", qa."dueOn"
    FROM "Finding" f JOIN "QualityAction" qa ON qa."findingId" = f.id
    WHERE f."qualityReviewId" = qr."qualityReviewId" AND qa."qualityReviewId" = qr."qualityReviewId" AND ${condition} OFFSET 0) qa`;
}

export function reviewerCounts(client: Db, reviewerId: string, now: Date, dueSoonBefore: Date) {
  const theirs = theirQualityReviews(reviewerId);
  return one<{ assessments: number; dueSoon: number; qualityReviews: number; toClose: number; overdueActions: number }>(
    client,
    Prisma.sql`SELECT
      (SELECT count(*)::int FROM "ReviewerAssignment" WHERE "reviewerId" = ${reviewerId} AND status = 'ASSIGNED') AS assessments,
      (SELECT count(*)::int FROM "ReviewerAssignment"
        WHERE "reviewerId" = ${reviewerId} AND status = 'ASSIGNED' AND "dueOn" < ${dueSoonBefore}) AS "dueSoon",
      (SELECT count(*)::int FROM ${theirs} ${openReviewOf}) AS "qualityReviews",
      (SELECT count(*)::int FROM ${theirs} ${actionsOf(Prisma.sql`qa.status = 'RESPONDED'`)}) AS "toClose",
      (SELECT count(*)::int FROM ${theirs} ${actionsOf(Prisma.sql`qa.status <> 'CLOSED' AND qa."dueOn" < ${now}`)}) AS "overdueActions"`,
  );
}
