import "server-only";
import { db } from "@/lib/db";
import { isSequenceId, keysetOf, keysetWindow, keysetResult, oneOf, type Keyset, type QueryParams } from "@/lib/data/paging";
import { withActorNames } from "@/lib/data/history";
import { activityScope } from "@/lib/data/scope";
import type { Actor } from "@/lib/workflow";

// The Centre's activity across the lifecycle: what happened, to which record (named and linked), by whom. Staff
// only (activityScope); a record page's own "History" is lib/data/history.ts.

export const ACTIVITY_PAGE_SIZE = 25;

/** Where an audited record lives and what people call it. */
export type RecordLink = { label: string; href: string | null };

type Ids = { id: { in: string[] } };
type Describe = (ids: Ids, admin: boolean) => Promise<[string, RecordLink][]>;

const reviewHref = (credentialId: string) => `/credentials/${credentialId}/review`;

/** For each audited record type: its rows' names and pages, in one query per type on the page. */
const RECORDS: Record<string, Describe> = {
  Priority: async (where) =>
    (await db().priority.findMany({ where, select: { id: true, title: true } })).map((r) => [
      r.id,
      { label: r.title, href: `/priorities/${r.id}` },
    ]),
  PriorityRound: async (where) =>
    (await db().priorityRound.findMany({ where, select: { id: true, name: true } })).map((r) => [
      r.id,
      { label: r.name, href: `/priorities/rounds/${r.id}` },
    ]),
  Commission: async (where) =>
    (await db().commission.findMany({ where, select: { id: true, title: true } })).map((r) => [
      r.id,
      { label: r.title, href: `/commissions/${r.id}` },
    ]),
  Credential: async (where) =>
    (await db().credential.findMany({ where, select: { id: true, reference: true, title: true } })).map((r) => [
      r.id,
      { label: `${r.reference} ${r.title}`, href: `/credentials/${r.id}` },
    ]),
  SpecificationVersion: async (where) =>
    (
      await db().specificationVersion.findMany({
        where,
        select: { id: true, number: true, credentialId: true, credential: { select: { reference: true } } },
      })
    ).map((r) => [
      r.id,
      { label: `${r.credential.reference} version ${r.number}`, href: `/credentials/${r.credentialId}/versions/${r.number}` },
    ]),
  EndorsementReview: async (where) =>
    (
      await db().endorsementReview.findMany({
        where,
        select: {
          id: true,
          specificationVersion: { select: { number: true, credentialId: true, credential: { select: { reference: true } } } },
        },
      })
    ).map(({ id, specificationVersion: v }) => [
      id,
      { label: `Endorsement review of ${v.credential.reference} version ${v.number}`, href: reviewHref(v.credentialId) },
    ]),
  ReviewerAssignment: async (where) =>
    (
      await db().reviewerAssignment.findMany({
        where,
        select: {
          id: true,
          reviewer: { select: { name: true } },
          review: { select: { specificationVersion: { select: { credentialId: true, credential: { select: { reference: true } } } } } },
        },
      })
    ).map(({ id, reviewer, review: { specificationVersion: v } }) => [
      id,
      { label: `${reviewer.name}'s review of ${v.credential.reference}`, href: reviewHref(v.credentialId) },
    ]),
  EndorsementCondition: async (where) =>
    (
      await db().endorsementCondition.findMany({
        where,
        select: { id: true, credentialId: true, credential: { select: { reference: true } } },
      })
    ).map((r) => [r.id, { label: `Condition on ${r.credential.reference}`, href: `${reviewHref(r.credentialId)}/conditions/${r.id}` }]),
  DeliveryPlan: async (where) =>
    (await db().deliveryPlan.findMany({ where, select: { id: true, programmeTitle: true } })).map((r) => [
      r.id,
      { label: r.programmeTitle, href: `/delivery-plans/${r.id}` },
    ]),
  PlanRisk: async (where) =>
    (await db().planRisk.findMany({ where, select: { id: true, plan: { select: { id: true, programmeTitle: true } } } })).map((r) => [
      r.id,
      { label: `Risk rating of ${r.plan.programmeTitle}`, href: `/delivery-plans/${r.plan.id}` },
    ]),
  EnhancedMonitoring: async (where) =>
    (await db().enhancedMonitoring.findMany({ where, select: { id: true, plan: { select: { id: true, programmeTitle: true } } } })).map(
      (r) => [r.id, { label: `Enhanced monitoring of ${r.plan.programmeTitle}`, href: `/delivery-plans/${r.plan.id}` }],
    ),
  MonitoringReport: async (where) =>
    (
      await db().monitoringReport.findMany({
        where,
        select: { id: true, sequence: true, monitoring: { select: { plan: { select: { programmeTitle: true } } } } },
      })
    ).map((r) => [
      r.id,
      { label: `Monitoring report ${r.sequence}, ${r.monitoring.plan.programmeTitle}`, href: `/delivery-plans/monitoring-reports/${r.id}` },
    ]),
  RiskRuleSet: async (where) =>
    (await db().riskRuleSet.findMany({ where, select: { id: true, number: true } })).map((r) => [
      r.id,
      { label: `Risk rules version ${r.number}`, href: "/delivery-plans/risk-rules" },
    ]),
  AnnualReturn: async (where) =>
    (await db().annualReturn.findMany({ where, select: { id: true, year: true, plan: { select: { programmeTitle: true } } } })).map((r) => [
      r.id,
      { label: `${r.year} annual return, ${r.plan.programmeTitle}`, href: `/quality-reviews/annual-returns/${r.id}` },
    ]),
  QualityReview: async (where) =>
    (await db().qualityReview.findMany({ where, select: { id: true, plan: { select: { programmeTitle: true } } } })).map((r) => [
      r.id,
      { label: `Quality review of ${r.plan.programmeTitle}`, href: `/quality-reviews/${r.id}` },
    ]),
  Finding: async (where) =>
    (await db().finding.findMany({ where, select: { id: true, qualityReviewId: true } })).map((r) => [
      r.id,
      { label: "Quality review finding", href: `/quality-reviews/${r.qualityReviewId}` },
    ]),
  QualityAction: async (where) =>
    (await db().qualityAction.findMany({ where, select: { id: true, qualityReviewId: true } })).map((r) => [
      r.id,
      { label: "Quality action", href: `/quality-reviews/${r.qualityReviewId}/actions/${r.id}` },
    ]),
  PeriodicReview: async (where) =>
    (await db().periodicReview.findMany({ where, select: { id: true, credential: { select: { reference: true } } } })).map((r) => [
      r.id,
      { label: `Periodic review of ${r.credential.reference}`, href: `/periodic-reviews/${r.id}` },
    ]),
  ImpactReturn: async (where) =>
    (await db().impactReturn.findMany({ where, select: { id: true, period: true, plan: { select: { programmeTitle: true } } } })).map(
      (r) => [r.id, { label: `${r.period} impact return, ${r.plan.programmeTitle}`, href: `/impact/${r.id}` }],
    ),
  Completion: async (where) =>
    (await db().completion.findMany({ where, select: { id: true, credential: { select: { reference: true } } } })).map((r) => [
      r.id,
      { label: `Completion of ${r.credential.reference}`, href: `/completions/${r.id}` },
    ]),
  User: async (where, admin) =>
    (await db().user.findMany({ where, select: { id: true, name: true } })).map((r) => [
      r.id,
      { label: r.name, href: admin ? `/admin/people/${r.id}` : null },
    ]),
  Organisation: async (where, admin) =>
    (await db().organisation.findMany({ where, select: { id: true, name: true } })).map((r) => [
      r.id,
      { label: r.name, href: admin ? `/admin/organisations/${r.id}` : null },
    ]),
};

/** Record types a person can narrow the activity list to (`?type=`). */
export const ACTIVITY_TYPES = Object.keys(RECORDS) as readonly string[];

export type ActivityQuery = { type?: string; keyset?: Keyset };

/** `?type=` and the `?after=`/`?before=` cursor from the URL; anything unknown is ignored. */
export const activityQuery = (params: QueryParams): ActivityQuery => ({
  type: oneOf(ACTIVITY_TYPES, params.type),
  keyset: keysetOf(params, "", isSequenceId),
});

/**
 * One page of the activity, newest first, each event with its record's name and page and the person who acted.
 * Keyset-paged on the event id and never counted in full: the trail only grows, and the first page costs what the
 * thousandth does.
 */
export async function activity(actor: Actor & { isAdmin?: boolean }, query: ActivityQuery = {}, size = ACTIVITY_PAGE_SIZE) {
  const keyset = query.keyset ?? {};
  const events = await db().auditEvent.findMany({
    where: { AND: [activityScope(actor), query.type ? { entityType: query.type } : {}] },
    orderBy: { id: "desc" },
    ...keysetWindow(keyset, size, BigInt),
    select: {
      id: true,
      entityType: true,
      entityId: true,
      action: true,
      fromState: true,
      toState: true,
      actorId: true,
      actorRole: true,
      reason: true,
      createdAt: true,
    },
  });
  const page = keysetResult(events, 0, keyset, size);
  const [records, rows] = await Promise.all([describe(page.rows, Boolean(actor.isAdmin)), withActorNames(page.rows)]);
  return { next: page.next, previous: page.previous, rows: rows.map((e) => ({ ...e, record: records.get(e.entityId) ?? null })) };
}

export type ActivityRow = Awaited<ReturnType<typeof activity>>["rows"][number];

async function describe(events: { entityType: string; entityId: string }[], admin: boolean) {
  const byType = new Map<string, Set<string>>();
  for (const e of events) if (RECORDS[e.entityType]) byType.set(e.entityType, (byType.get(e.entityType) ?? new Set()).add(e.entityId));
  const described = await Promise.all([...byType].map(([type, ids]) => RECORDS[type]({ id: { in: [...ids] } }, admin)));
  return new Map(described.flat());
}
