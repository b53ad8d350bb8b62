import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  isSequenceId,
  keysetOf,
  keysetResult,
  keysetWindow,
  LIST_PAGE_SIZE,
  oneOf,
  type Keyset,
  type QueryParams,
} from "@/lib/data/paging";
import { withActorNames } from "@/lib/data/history";
import { activityScope } from "@/lib/data/scope";
import type { Actor } from "@/lib/workflow";

// The Centre's activity across the lifecycle: what happened, to which record (named and linked), by whom. Staff
// only (activityScope); a record page's own "History" is lib/data/history.ts.

export const ACTIVITY_PAGE_SIZE = LIST_PAGE_SIZE;

/** Where an audited record lives and what people call it. */
export type RecordLink = { label: string; href: string | null };

/** What one record's name and page are made of, read for every kind of record on the page in one statement. */
type NameParts = { type: string; id: string; a: string | null; b: string | null; n: number | null; linkId: string | null };

/**
 * For each audited record type: the table (as `x`) and joins its name needs, the parts it reads (`a` and `b` text,
 * `n` a number, `linkId` the record its page is under), and how they make its name and page.
 */
type Describe = {
  from: string;
  a?: string;
  b?: string;
  n?: string;
  linkId?: string;
  link: (r: NameParts, admin: boolean) => RecordLink;
};

const reviewHref = (credentialId: string | null) => `/credentials/${credentialId}/review`;
const PLAN = `JOIN "DeliveryPlan" p ON p.id = x."planId"`;
const CREDENTIAL = `JOIN "Credential" c ON c.id = x."credentialId"`;

const RECORDS: Record<string, Describe> = {
  Priority: { from: `"Priority" x`, a: "x.title", link: (r) => ({ label: `${r.a}`, href: `/priorities/${r.id}` }) },
  PriorityRound: { from: `"PriorityRound" x`, a: "x.name", link: (r) => ({ label: `${r.a}`, href: `/priorities/rounds/${r.id}` }) },
  Commission: { from: `"Commission" x`, a: "x.title", link: (r) => ({ label: `${r.a}`, href: `/commissions/${r.id}` }) },
  Credential: {
    from: `"Credential" x`,
    a: "x.reference",
    b: "x.title",
    link: (r) => ({ label: `${r.a} ${r.b}`, href: `/credentials/${r.id}` }),
  },
  SpecificationVersion: {
    from: `"SpecificationVersion" x ${CREDENTIAL}`,
    a: "c.reference",
    n: "x.number",
    linkId: `x."credentialId"`,
    link: (r) => ({ label: `${r.a} version ${r.n}`, href: `/credentials/${r.linkId}/versions/${r.n}` }),
  },
  EndorsementReview: {
    from: `"EndorsementReview" x JOIN "SpecificationVersion" v ON v.id = x."specificationVersionId" JOIN "Credential" c ON c.id = v."credentialId"`,
    a: "c.reference",
    n: "v.number",
    linkId: `v."credentialId"`,
    link: (r) => ({ label: `Endorsement review of ${r.a} version ${r.n}`, href: reviewHref(r.linkId) }),
  },
  ReviewerAssignment: {
    from: `"ReviewerAssignment" x JOIN "User" u ON u.id = x."reviewerId" JOIN "EndorsementReview" er ON er.id = x."reviewId"
      JOIN "SpecificationVersion" v ON v.id = er."specificationVersionId" JOIN "Credential" c ON c.id = v."credentialId"`,
    a: "u.name",
    b: "c.reference",
    linkId: `v."credentialId"`,
    link: (r) => ({ label: `${r.a}'s review of ${r.b}`, href: reviewHref(r.linkId) }),
  },
  EndorsementCondition: {
    from: `"EndorsementCondition" x ${CREDENTIAL}`,
    a: "c.reference",
    linkId: `x."credentialId"`,
    link: (r) => ({ label: `Condition on ${r.a}`, href: `${reviewHref(r.linkId)}/conditions/${r.id}` }),
  },
  DeliveryPlan: { from: `"DeliveryPlan" x`, a: `x."programmeTitle"`, link: (r) => ({ label: `${r.a}`, href: `/delivery-plans/${r.id}` }) },
  PlanRisk: {
    from: `"PlanRisk" x ${PLAN}`,
    a: `p."programmeTitle"`,
    linkId: "p.id",
    link: (r) => ({ label: `Risk rating of ${r.a}`, href: `/delivery-plans/${r.linkId}` }),
  },
  EnhancedMonitoring: {
    from: `"EnhancedMonitoring" x ${PLAN}`,
    a: `p."programmeTitle"`,
    linkId: "p.id",
    link: (r) => ({ label: `Enhanced monitoring of ${r.a}`, href: `/delivery-plans/${r.linkId}` }),
  },
  MonitoringReport: {
    from: `"MonitoringReport" x JOIN "EnhancedMonitoring" em ON em.id = x."monitoringId" JOIN "DeliveryPlan" p ON p.id = em."planId"`,
    a: `p."programmeTitle"`,
    n: "x.sequence",
    link: (r) => ({ label: `Monitoring report ${r.n}, ${r.a}`, href: `/delivery-plans/monitoring-reports/${r.id}` }),
  },
  RiskRuleSet: {
    from: `"RiskRuleSet" x`,
    n: "x.number",
    link: (r) => ({ label: `Risk rules version ${r.n}`, href: "/delivery-plans/risk-rules" }),
  },
  AnnualReturn: {
    from: `"AnnualReturn" x ${PLAN}`,
    a: `p."programmeTitle"`,
    n: "x.year",
    link: (r) => ({ label: `${r.n} annual return, ${r.a}`, href: `/quality-reviews/annual-returns/${r.id}` }),
  },
  QualityReview: {
    from: `"QualityReview" x ${PLAN}`,
    a: `p."programmeTitle"`,
    link: (r) => ({ label: `Quality review of ${r.a}`, href: `/quality-reviews/${r.id}` }),
  },
  Finding: {
    from: `"Finding" x`,
    linkId: `x."qualityReviewId"`,
    link: (r) => ({ label: "Quality review finding", href: `/quality-reviews/${r.linkId}` }),
  },
  QualityAction: {
    from: `"QualityAction" x`,
    linkId: `x."qualityReviewId"`,
    link: (r) => ({ label: "Quality action", href: `/quality-reviews/${r.linkId}/actions/${r.id}` }),
  },
  PeriodicReview: {
    from: `"PeriodicReview" x ${CREDENTIAL}`,
    a: "c.reference",
    link: (r) => ({ label: `Periodic review of ${r.a}`, href: `/periodic-reviews/${r.id}` }),
  },
  ImpactReturn: {
    from: `"ImpactReturn" x ${PLAN}`,
    a: "x.period",
    b: `p."programmeTitle"`,
    link: (r) => ({ label: `${r.a} impact return, ${r.b}`, href: `/impact/${r.id}` }),
  },
  Completion: {
    from: `"Completion" x ${CREDENTIAL}`,
    a: "c.reference",
    link: (r) => ({ label: `Completion of ${r.a}`, href: `/completions/${r.id}` }),
  },
  User: { from: `"User" x`, a: "x.name", link: (r, admin) => ({ label: `${r.a}`, href: admin ? `/admin/people/${r.id}` : null }) },
  Organisation: {
    from: `"Organisation" x`,
    a: "x.name",
    link: (r, admin) => ({ label: `${r.a}`, href: admin ? `/admin/organisations/${r.id}` : null }),
  },
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

/** Each event's record named and linked: every kind of record on the page in one statement (a subquery per kind). */
async function describe(events: { entityType: string; entityId: string }[], admin: boolean) {
  const byType = new Map<string, Set<string>>();
  for (const e of events) if (RECORDS[e.entityType]) byType.set(e.entityType, (byType.get(e.entityType) ?? new Set()).add(e.entityId));
  if (byType.size === 0) return new Map<string, RecordLink>();
  const part = (sql = "NULL") => Prisma.raw(sql);
  const selects = [...byType].map(([type, ids]) => {
    const d = RECORDS[type];
    return Prisma.sql`(SELECT ${type}::text AS type, x.id, (${part(d.a)})::text AS a, (${part(d.b)})::text AS b,
      (${part(d.n)})::int AS n, (${part(d.linkId)})::text AS "linkId"
      FROM ${part(d.from)} WHERE x.id IN (${Prisma.join([...ids])}))`;
  });
  const rows = await db().$queryRaw<NameParts[]>`${Prisma.join(selects, " UNION ALL ")}`;
  return new Map(rows.map((r) => [r.id, RECORDS[r.type].link(r, admin)]));
}
