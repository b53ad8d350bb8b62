import "server-only";
import { db } from "@/lib/db";
import { isSequenceId, keysetOf, keysetResult, type Keyset, type QueryParams } from "@/lib/data/paging";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  annualReturnScope,
  commissionScope,
  completionScope,
  credentialScope,
  deliveryPlanScope,
  gatewayProposalScope,
  impactReturnScope,
  periodicReviewScope,
  planChangeScope,
  priorityScope,
  qualityActionScope,
  qualityReviewScope,
  reviewerAssignmentScope,
  specificationScope,
  enhancedMonitoringScope,
  monitoringReportScope,
} from "@/lib/data/scope";
import type { Actor } from "@/lib/workflow";

export const HISTORY_PAGE_SIZE = 20;

/** Who an audit event names when no person did it, or when its person's account is gone. */
const SCHEDULED_JOB = "Scheduled job";
const UNKNOWN_USER = "Unknown user";

/**
 * One page of the audit trail of one or more entities (e.g. a credential and its versions), newest first, with
 * who did it, and how many events there are in all: one statement. Pages by keyset on the event id
 * (`?historyAfter=`), so an old record's hundredth page costs what its first does.
 */
export async function historyOf(actor: Actor, entityIds: string[], keyset: Keyset = {}, size = HISTORY_PAGE_SIZE) {
  const ids = await visibleEntityIds(actor, entityIds);
  const kept = keptFrom(actor);
  // One row more than the page, as keysetWindow reads, to learn whether another page follows; a page before the
  // cursor is read oldest first from it, then put back in the trail's order.
  const seek = keyset.after
    ? Prisma.sql`AND e.id < ${BigInt(keyset.after)} ORDER BY e.id DESC`
    : keyset.before
      ? Prisma.sql`AND e.id > ${BigInt(keyset.before)} ORDER BY e.id ASC`
      : Prisma.sql`ORDER BY e.id DESC`;
  const [{ total, events }] = await db().$queryRaw<[{ total: number; events: HistoryRow[] }]>`
    WITH page AS (
      SELECT e.id::text AS id, e."entityType", e.action, e."fromState", e."toState", e."actorId", e."actorRole", e.reason,
        e."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
        CASE WHEN e."actorId" IS NULL THEN ${SCHEDULED_JOB} ELSE coalesce(u.name, ${UNKNOWN_USER}) END AS "actorName"
      FROM "AuditEvent" e LEFT JOIN "User" u ON u.id = e."actorId"
      WHERE e."entityId" = ANY(${ids}::text[]) ${kept} ${seek} LIMIT ${size + 1}::int
    )
    SELECT (SELECT count(*)::int FROM "AuditEvent" e WHERE e."entityId" = ANY(${ids}::text[]) ${kept}) AS total,
      coalesce((SELECT json_agg(page ORDER BY page.id::bigint DESC) FROM page), '[]') AS events`;
  const rows = events.map((e) => ({ ...e, createdAt: new Date(e.createdAt) }));
  return keysetResult(rows, total, keyset, size);
}

/**
 * Events a role may not read on a record it can otherwise see, by entity type: a quality reviewer sees the plan under
 * review, but not the Centre's conversation with its provider, nor why it was placed under enhanced monitoring or sent
 * back to review after a change (records their scope keeps from them).
 */
const KEPT_FROM: Partial<Record<Actor["role"], Record<string, string[]>>> = {
  REVIEWER: { DeliveryPlan: ["comment", "placeUnderEnhancedMonitoring", "reviewChange"] },
};

function keptFrom(actor: Actor): Prisma.Sql {
  const kept = Object.entries(KEPT_FROM[actor.role] ?? {});
  if (kept.length === 0) return Prisma.empty;
  return Prisma.join(
    kept.map(([type, actions]) => Prisma.sql`AND NOT (e."entityType" = ${type} AND e.action = ANY(${actions}::text[]))`),
    " ",
  );
}

type HistoryRow = {
  id: string;
  entityType: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  actorId: string | null;
  actorRole: string | null;
  reason: string | null;
  createdAt: string;
  actorName: string;
};

/** Audit events with their id as text and the name of who acted ("Scheduled job" for the worker), in one query. */
export async function withActorNames<E extends { id: bigint; actorId: string | null }>(events: E[]) {
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => Boolean(id)))];
  const actors = await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return events.map((e) => ({
    ...e,
    id: String(e.id),
    actorName: e.actorId ? (names.get(e.actorId) ?? UNKNOWN_USER) : SCHEDULED_JOB,
  }));
}

type Ids = { id: { in: string[] } };
const ID = { id: true } as const;

/** For each audited entity outside the Centre's own records: its rows among `ids` that the actor may see. */
const VISIBLE: Record<string, (actor: Actor, ids: Ids) => Promise<{ id: string }[]>> = {
  Priority: (a, ids) => db().priority.findMany({ where: { AND: [ids, priorityScope(a)] }, select: ID }),
  Commission: (a, ids) => db().commission.findMany({ where: { AND: [ids, commissionScope(a)] }, select: ID }),
  Credential: (a, ids) => db().credential.findMany({ where: { AND: [ids, credentialScope(a)] }, select: ID }),
  SpecificationVersion: (a, ids) => db().specificationVersion.findMany({ where: { AND: [ids, specificationScope(a)] }, select: ID }),
  ReviewerAssignment: (a, ids) => db().reviewerAssignment.findMany({ where: { AND: [ids, reviewerAssignmentScope(a)] }, select: ID }),
  DeliveryPlan: (a, ids) => db().deliveryPlan.findMany({ where: { AND: [ids, deliveryPlanScope(a)] }, select: ID }),
  AnnualReturn: (a, ids) => db().annualReturn.findMany({ where: { AND: [ids, annualReturnScope(a)] }, select: ID }),
  QualityReview: (a, ids) => db().qualityReview.findMany({ where: { AND: [ids, qualityReviewScope(a)] }, select: ID }),
  Finding: (a, ids) => db().finding.findMany({ where: { AND: [ids, { qualityReview: qualityReviewScope(a) }] }, select: ID }),
  QualityAction: (a, ids) => db().qualityAction.findMany({ where: { AND: [ids, qualityActionScope(a)] }, select: ID }),
  PeriodicReview: (a, ids) => db().periodicReview.findMany({ where: { AND: [ids, periodicReviewScope(a)] }, select: ID }),
  ImpactReturn: (a, ids) => db().impactReturn.findMany({ where: { AND: [ids, impactReturnScope(a)] }, select: ID }),
  Completion: (a, ids) => db().completion.findMany({ where: { AND: [ids, completionScope(a)] }, select: ID }),
  GatewayProposal: (a, ids) => db().gatewayProposal.findMany({ where: { AND: [ids, gatewayProposalScope(a)] }, select: ID }),
  PlanChange: (a, ids) => db().planChange.findMany({ where: { AND: [ids, planChangeScope(a)] }, select: ID }),
  EnhancedMonitoring: (a, ids) => db().enhancedMonitoring.findMany({ where: { AND: [ids, enhancedMonitoringScope(a)] }, select: ID }),
  MonitoringReport: (a, ids) => db().monitoringReport.findMany({ where: { AND: [ids, monitoringReportScope(a)] }, select: ID }),
};

/**
 * The asked-for entities whose history the actor may read: staff (and jobs) read any; anyone else only entities
 * their scope shows them, by the entity type the audit trail records. A type not listed above is the Centre's only.
 */
async function visibleEntityIds(actor: Actor, entityIds: string[]): Promise<string[]> {
  if (actor.role === "CENTRE_STAFF" || actor.role === "SYSTEM") return entityIds;
  const audited = await db().auditEvent.findMany({
    where: { entityId: { in: entityIds } },
    distinct: ["entityType", "entityId"],
    select: { entityType: true, entityId: true },
  });
  const byType = new Map<string, string[]>();
  for (const e of audited) byType.set(e.entityType, [...(byType.get(e.entityType) ?? []), e.entityId]);
  const visible = await Promise.all([...byType].map(([type, ids]) => VISIBLE[type]?.(actor, { id: { in: ids } }) ?? []));
  return visible.flat().map((row) => row.id);
}

/** The history page asked for in the URL (`?historyAfter=<event id>`). */
export const historyCursor = (params: QueryParams) => keysetOf(params, "history", isSequenceId);
