import "server-only";
import { addDays, startOfDay } from "@/lib/dates";
import { db, type Db } from "@/lib/db";
import { actionsOf, inStates, openReviewOf, theirQualityReviews } from "@/lib/data/dashboard-counts";
import { Prisma } from "@/lib/generated/prisma/client";
import { proposalTasks } from "@/lib/data/proposals";
import { staffSources } from "@/lib/data/to-do-staff";
import { credentialName, credentialOf, type Source, type Task, type TaskRow, type ToDo, type Urgency } from "@/lib/data/to-do-shared";
import { openAppealWindows } from "@/lib/data/appeals";
import { planChangeLink } from "@/lib/data/plan-changes";
import { remappingLink } from "@/lib/data/remapping";
import { monitoringReportLink } from "@/lib/data/enhanced-monitoring";
import { PROVIDER_REMAPPING_STATES, PROVIDER_REPORT_STATES, PROVIDER_TO_DO_PLAN_STATES, type Actor } from "@/lib/workflow";

// The top of every dashboard: the records that wait for this person, each with what to do, its name, when it is
// due and a link straight to the task, most urgent first. Each kind of task reads its few most urgent rows, so the
// list costs the same whatever the size of the portfolio; the kinds a role's own statement can join (a UNION ALL of
// one subquery per kind, names joined in) read together, so the list is a few statements rather than one for each
// kind and each related record it names. The counts per stage follow below it.

/** How many tasks the dashboard lists; the counts below lead to the rest. */
export const TO_DO_SIZE = 10;
/** Due within this many days counts as "due soon". */
export const DUE_SOON_DAYS = 14;

export type { ToDo, Urgency };

const take = TO_DO_SIZE;

export function urgencyOf(dueOn: Date | null, now = new Date()): Urgency {
  if (!dueOn) return "LATER";
  const today = startOfDay(now);
  if (dueOn.getTime() < today.getTime()) return "OVERDUE";
  return dueOn.getTime() <= addDays(today, DUE_SOON_DAYS).getTime() ? "DUE_SOON" : "LATER";
}

const ORDER: Record<Urgency, number> = { OVERDUE: 0, DUE_SOON: 1, LATER: 2 };

/** Overdue first, then due within 14 days, then the rest; earliest due first within each, undated last. */
export function byUrgency(a: ToDo, b: ToDo): number {
  return (
    ORDER[a.urgency] - ORDER[b.urgency] ||
    (a.dueOn?.getTime() ?? Number.MAX_SAFE_INTEGER) - (b.dueOn?.getTime() ?? Number.MAX_SAFE_INTEGER) ||
    a.key.localeCompare(b.key)
  );
}

const PROVIDER_TASKS = {
  plan: (r: TaskRow): Task => ({
    key: `plan-${r.id}`,
    task: r.status === "DRAFT" ? "Complete and submit the delivery plan" : "Revise the delivery plan",
    name: r.name,
    dueOn: null,
    href: `/delivery-plans/${r.id}`,
  }),
  change: (r: TaskRow): Task => ({
    key: `change-${r.id}`,
    task: "Answer the Centre's question on the change",
    name: r.name,
    dueOn: null,
    href: planChangeLink(r.id),
  }),
  return: (r: TaskRow): Task => ({
    key: `return-${r.id}`,
    task: r.status === "QUERIED" ? "Answer the query on the annual return" : "Submit the annual return",
    name: `${r.number} annual return, ${r.name}`,
    dueOn: r.dueOn,
    href: `/quality-reviews/annual-returns/${r.id}`,
  }),
  action: (r: TaskRow): Task => ({
    key: `action-${r.id}`,
    task: "Respond to the quality action",
    name: r.name,
    dueOn: r.dueOn,
    href: `/quality-reviews/${r.linkId}/actions/${r.id}`,
  }),
  impact: (r: TaskRow): Task => ({
    key: `impact-${r.id}`,
    task: r.status === "QUERIED" ? "Answer the query on the impact return" : "Complete the impact return",
    name: `${r.detail} impact return, ${r.name}`,
    dueOn: null,
    href: `/impact/${r.id}`,
  }),
  remap: (r: TaskRow): Task => ({
    key: `remap-${r.id}`,
    task: r.status === "RETURNED" ? "Revise the re-mapping the Centre returned" : `Re-map the plan to version ${r.number}`,
    name: r.name,
    dueOn: r.dueOn,
    href: remappingLink(r.id),
  }),
  "monitoring-report": (r: TaskRow): Task => ({
    key: `monitoring-report-${r.id}`,
    task: r.status === "QUERIED" ? "Answer the query on the monitoring report" : "Write the monitoring report",
    name: `Monitoring report ${r.number}, ${r.name}`,
    dueOn: r.dueOn,
    href: monitoringReportLink(r.id),
  }),
};
type ProviderRow = TaskRow & { kind: keyof typeof PROVIDER_TASKS };

/** A provider organisation's tasks of every kind in one statement, each kind its own few most urgent rows. */
function providerTaskRows(d: Db, org: string) {
  return d.$queryRaw<ProviderRow[]>`
    (SELECT 'plan'::text AS kind, p.id, p."programmeTitle" AS name, NULL::text AS reference, NULL::int AS number,
        p.status::text AS status, NULL::text AS detail, NULL::text AS "linkId", NULL::timestamp(3) AS "dueOn"
      FROM "DeliveryPlan" p
      WHERE p."organisationId" = ${org} AND p.status ${inStates(PROVIDER_TO_DO_PLAN_STATES, "DeliveryPlanStatus")}
      ORDER BY p."updatedAt" DESC, p.id LIMIT ${take})
    UNION ALL
    (SELECT 'change', ch.id, p."programmeTitle", NULL, NULL, NULL, NULL, NULL, NULL
      FROM "PlanChange" ch JOIN "DeliveryPlan" p ON p.id = ch."planId"
      WHERE ch."organisationId" = ${org} AND ch.status = 'MORE_INFORMATION_REQUESTED'
      ORDER BY ch."updatedAt" DESC, ch.id LIMIT ${take})
    UNION ALL
    (SELECT 'return', ar.id, p."programmeTitle", NULL, ar.year, ar.status::text, NULL, NULL, ar."dueOn"
      FROM "DeliveryPlan" p
        -- Each of the organisation's plans' own returns (OFFSET 0 keeps them a lookup per plan): joined freely, the
        -- returns were read in due order across the whole country, in the hope of meeting a few of theirs early.
        -- The columns read are those of the partial index AnnualReturn_planId_dueOn_id_open_idx, so it is read alone.
        CROSS JOIN LATERAL (SELECT a.id, a.year, a.status, a."dueOn" FROM "AnnualReturn" a
          WHERE a."planId" = p.id AND a.status IN ('OPEN', 'QUERIED') OFFSET 0) ar
      WHERE p."organisationId" = ${org}
      ORDER BY ar."dueOn", ar.id LIMIT ${take})
    UNION ALL
    (SELECT 'action', qa.id, p."programmeTitle", NULL, NULL, NULL, NULL, qa."qualityReviewId", qa."dueOn"
      FROM "QualityAction" qa JOIN "QualityReview" q ON q.id = qa."qualityReviewId" JOIN "DeliveryPlan" p ON p.id = q."planId"
      WHERE qa."organisationId" = ${org} AND qa.status = 'OPEN'
      ORDER BY qa."dueOn", qa.id LIMIT ${take})
    UNION ALL
    (SELECT 'impact', ir.id, p."programmeTitle", NULL, NULL, ir.status::text, ir.period, NULL, NULL
      FROM "ImpactReturn" ir JOIN "DeliveryPlan" p ON p.id = ir."planId"
      WHERE ir."organisationId" = ${org} AND ir.status IN ('DRAFT', 'QUERIED')
      ORDER BY ir."updatedAt" DESC, ir.id LIMIT ${take})
    UNION ALL
    (SELECT 'remap', t.id, p."programmeTitle", NULL, v.number, t.status::text, NULL, NULL, t."dueOn"
      FROM "RemappingTask" t JOIN "DeliveryPlan" p ON p.id = t."planId" JOIN "SpecificationVersion" v ON v.id = t."toVersionId"
      WHERE t."organisationId" = ${org} AND t.status ${inStates(PROVIDER_REMAPPING_STATES, "RemappingStatus")}
      ORDER BY t."dueOn", t.id LIMIT ${take})
    UNION ALL
    (SELECT 'monitoring-report', mr.id, p."programmeTitle", NULL, mr.sequence, mr.status::text, NULL, NULL, mr."dueOn"
      FROM "MonitoringReport" mr JOIN "EnhancedMonitoring" em ON em.id = mr."monitoringId" JOIN "DeliveryPlan" p ON p.id = em."planId"
      WHERE p."organisationId" = ${org} AND mr.status ${inStates(PROVIDER_REPORT_STATES, "MonitoringReportStatus")}
      ORDER BY mr."dueOn", mr.id LIMIT ${take})`;
}

const REVIEWER_TASKS = {
  assessment: (r: TaskRow): Task => ({
    key: `assessment-${r.id}`,
    task: "Assess the candidate specification",
    name: credentialOf(r),
    dueOn: r.dueOn,
    href: `/credentials/${r.linkId}/review/assessment`,
  }),
  quality: (r: TaskRow): Task => ({
    key: `quality-${r.id}`,
    task: "Carry out the quality review",
    name: r.name,
    dueOn: r.dueOn,
    href: `/quality-reviews/${r.id}`,
  }),
  action: (r: TaskRow): Task => ({
    key: `action-${r.id}`,
    task: "Check the response to the quality action",
    name: r.name,
    dueOn: r.dueOn,
    href: `/quality-reviews/${r.linkId}/actions/${r.id}`,
  }),
};
type ReviewerRow = TaskRow & { kind: keyof typeof REVIEWER_TASKS };

/** A reviewer's assessments, quality reviews and responses to check, in one statement. */
function reviewerTaskRows(d: Db, reviewerId: string) {
  const theirs = theirQualityReviews(reviewerId);
  return d.$queryRaw<ReviewerRow[]>`
    (SELECT 'assessment'::text AS kind, a.id, c.title AS name, c.reference, NULL::int AS number, NULL::text AS status,
        NULL::text AS detail, c.id AS "linkId", a."dueOn"::timestamp(3) AS "dueOn"
      FROM "ReviewerAssignment" a JOIN "EndorsementReview" er ON er.id = a."reviewId"
        JOIN "SpecificationVersion" v ON v.id = er."specificationVersionId" JOIN "Credential" c ON c.id = v."credentialId"
      WHERE a."reviewerId" = ${reviewerId} AND a.status = 'ASSIGNED'
      ORDER BY a."dueOn", a.id LIMIT ${take})
    UNION ALL
    (SELECT 'quality', q.id, p."programmeTitle", NULL, NULL, NULL, NULL, NULL, q."scheduledOn"
      FROM ${theirs} ${openReviewOf} JOIN "DeliveryPlan" p ON p.id = q."planId"
      ORDER BY q."scheduledOn", q.id LIMIT ${take})
    UNION ALL
    (SELECT 'action', qa.id, o.name, NULL, NULL, NULL, NULL, qa."qualityReviewId", qa."dueOn"
      FROM ${theirs} ${actionsOf(Prisma.sql`qa.status = 'RESPONDED'`)} JOIN "Organisation" o ON o.id = qa."organisationId"
      ORDER BY qa."dueOn", qa.id LIMIT ${take})`;
}

const EXPERT_TASKS = {
  commission: (r: TaskRow): Task => ({
    key: `commission-${r.id}`,
    task: "Accept or decline the commission",
    name: r.name,
    dueOn: r.dueOn,
    href: `/commissions/${r.id}`,
  }),
  draft: (r: TaskRow): Task => ({
    key: `draft-${r.id}`,
    task: "Complete and submit the specification",
    name: `${credentialOf(r)}, version ${r.number}`,
    dueOn: r.dueOn,
    href: `/credentials/${r.linkId}/versions/${r.number}/edit`,
  }),
};
type ExpertRow = TaskRow & { kind: keyof typeof EXPERT_TASKS };

/** An expert group's commissions to answer and drafts to complete, in one statement. */
function expertTaskRows(d: Db, org: string) {
  return d.$queryRaw<ExpertRow[]>`
    (SELECT 'commission'::text AS kind, cm.id, cm.title AS name, NULL::text AS reference, NULL::int AS number,
        NULL::text AS status, NULL::text AS detail, NULL::text AS "linkId", cm."dueOn"::timestamp(3) AS "dueOn"
      FROM "Commission" cm WHERE cm."organisationId" = ${org} AND cm.status = 'ISSUED'
      ORDER BY cm."dueOn", cm.id LIMIT ${take})
    UNION ALL
    (SELECT 'draft', v.id, c.title, c.reference, v.number, NULL, NULL, c.id, cm."dueOn"
      FROM "SpecificationVersion" v JOIN "Credential" c ON c.id = v."credentialId"
        LEFT JOIN "Commission" cm ON cm."credentialId" = c.id
      WHERE v.status = 'DRAFT' AND c."ownerOrganisationId" = ${org}
      ORDER BY cm."dueOn", v.id LIMIT ${take})`;
}

function sourcesFor(actor: Actor): Source[] {
  const d = db();
  const org = actor.organisationId ?? "__none__";
  const now = new Date();
  switch (actor.role) {
    case "CENTRE_STAFF":
      return staffSources(d, actor, now, take);
    case "EXPERT":
      return [
        () => proposalTasks(actor, take),
        async () =>
          (await openAppealWindows(actor, now, take)).map(({ review, deadline }) => ({
            key: `appeal-${review.id}`,
            task: "Appeal the decline, if there are grounds",
            name: `${credentialName(review.specificationVersion.credential)}, version ${review.specificationVersion.number}`,
            dueOn: deadline,
            href: `/credentials/${review.specificationVersion.credential.id}/review/appeal`,
          })),
        async () => (await expertTaskRows(d, org)).map((r) => EXPERT_TASKS[r.kind](r)),
      ];
    case "PROVIDER":
      return [() => proposalTasks(actor, take), async () => (await providerTaskRows(d, org)).map((r) => PROVIDER_TASKS[r.kind](r))];
    case "REVIEWER":
      return [async () => (await reviewerTaskRows(d, actor.id)).map((r) => REVIEWER_TASKS[r.kind](r))];
    default:
      return [];
  }
}

/** The person's most urgent tasks, at most TO_DO_SIZE of them. */
export async function toDoList(actor: Actor, now = new Date()): Promise<ToDo[]> {
  const found = (await Promise.all(sourcesFor(actor).map((source) => source()))).flat();
  return found
    .map((t) => ({ ...t, urgency: urgencyOf(t.dueOn, now) }))
    .sort(byUrgency)
    .slice(0, TO_DO_SIZE);
}
