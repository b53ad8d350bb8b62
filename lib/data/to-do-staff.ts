import "server-only";
import type { Db } from "@/lib/db";
import { startOfDay } from "@/lib/dates";
import { planChangeLink } from "@/lib/data/plan-changes";
import { remappingLink } from "@/lib/data/remapping";
import { monitoringReportLink } from "@/lib/data/enhanced-monitoring";
import { qualityReviewsFallingDue } from "@/lib/data/plan-risks";
import { proposalTasks } from "@/lib/data/proposals";
import { shared } from "@/lib/data/totals";
import { credentialOf, type Source, type Task, type TaskRow } from "@/lib/data/to-do-shared";
import type { Actor } from "@/lib/workflow";

// Centre staff's tasks for the dashboard's to-do list (see to-do.ts). Each kind of task still reads its own few most
// urgent rows, but the kinds read in one statement (a UNION ALL of one subquery per kind, names joined in): as
// separate Prisma queries, with a query per related record named, they took 26 statements.

type Row = TaskRow & { kind: keyof typeof TASKS };

const TASKS = {
  priority: (r: TaskRow): Task => ({
    key: `priority-${r.id}`,
    task: "Publish the draft priority",
    name: r.name,
    dueOn: null,
    href: `/priorities/${r.id}`,
  }),
  gateway: (r: TaskRow): Task => ({
    key: `gateway-${r.id}`,
    task: "Assess against the gateway criteria",
    name: r.name,
    dueOn: null,
    href: `/priorities/${r.id}/gateway`,
  }),
  assign: (r: TaskRow): Task => ({
    key: `assign-${r.id}`,
    task: "Assign reviewers",
    name: `${credentialOf(r)}, version ${r.number}`,
    dueOn: null,
    href: `/credentials/${r.linkId}/review`,
  }),
  decide: (r: TaskRow): Task => ({
    key: `decide-${r.id}`,
    task: "Decide on endorsement",
    name: `${credentialOf(r)}, version ${r.number}`,
    dueOn: null,
    href: `/credentials/${r.linkId}/review`,
  }),
  panel: (r: TaskRow): Task => ({
    key: `panel-${r.id}`,
    task: "Prepare the endorsement panel's agenda and pack",
    name: r.name,
    dueOn: r.dueOn,
    href: `/panels/${r.id}`,
  }),
  "panel-held": (r: TaskRow): Task => {
    const awaiting = r.number ?? 0;
    return {
      key: `panel-held-${r.id}`,
      task:
        awaiting > 0
          ? `Record the panel's recommendations (${awaiting} ${awaiting === 1 ? "item awaits" : "items await"} one)`
          : "Record the panel's attendance and minutes",
      name: r.name,
      dueOn: r.dueOn,
      href: `/panels/${r.id}`,
    };
  },
  plan: (r: TaskRow): Task => ({
    key: `plan-${r.id}`,
    task: r.status === "SUBMITTED" ? "Start the review of the delivery plan" : "Decide on the delivery plan",
    name: r.name,
    dueOn: null,
    href: `/delivery-plans/${r.id}`,
  }),
  change: (r: TaskRow): Task => ({
    key: `change-${r.id}`,
    task: r.detail === "MAJOR" ? "Approve or reject the major change" : "Triage the reported change",
    name: r.name,
    dueOn: null,
    href: planChangeLink(r.id),
  }),
  remap: (r: TaskRow): Task => ({
    key: `remap-${r.id}`,
    task: `Decide on the re-mapping to version ${r.number}`,
    name: r.name,
    dueOn: null,
    href: remappingLink(r.id),
  }),
  "monitoring-report": (r: TaskRow): Task => ({
    key: `monitoring-report-${r.id}`,
    task: "Accept or query the monitoring report",
    name: `Monitoring report ${r.number}, ${r.name}`,
    dueOn: null,
    href: monitoringReportLink(r.id),
  }),
  return: (r: TaskRow): Task => ({
    key: `return-${r.id}`,
    task: "Accept or query the annual return",
    name: `${r.number} annual return, ${r.name}`,
    dueOn: null,
    href: `/quality-reviews/annual-returns/${r.id}`,
  }),
  periodic: (r: TaskRow): Task => ({
    key: `periodic-${r.id}`,
    task: "Carry out the periodic review",
    name: credentialOf(r),
    dueOn: r.dueOn,
    href: `/periodic-reviews/${r.id}`,
  }),
  impact: (r: TaskRow): Task => ({
    key: `impact-${r.id}`,
    task: "Accept or query the impact return",
    name: `${r.detail} impact return, ${r.name}`,
    dueOn: null,
    href: `/impact/${r.id}`,
  }),
  action: (r: TaskRow): Task => ({
    key: `action-${r.id}`,
    task: "Follow up the overdue quality action",
    name: r.name,
    dueOn: r.dueOn,
    href: `/quality-reviews/${r.linkId}/actions/${r.id}`,
  }),
};

/**
 * Every kind's few most urgent rows, each kind's subquery with its own order and limit. The first names the columns
 * and their types; in the others a missing part is a bare NULL.
 */
function staffTaskRows(d: Db, now: Date, take: number) {
  const today = startOfDay(now);
  return d.$queryRaw<Row[]>`
    (SELECT 'priority'::text AS kind, p.id, p.title AS name, NULL::text AS reference, NULL::int AS number,
        NULL::text AS status, NULL::text AS detail, NULL::text AS "linkId", NULL::timestamp(3) AS "dueOn"
      FROM "Priority" p JOIN "PriorityRound" r ON r.id = p."roundId"
      WHERE p.status = 'DRAFT' AND r.status = 'OPEN'
      ORDER BY p."updatedAt" DESC, p.id LIMIT ${take})
    UNION ALL
    (SELECT 'gateway', p.id, p.title, NULL, NULL, NULL, NULL, NULL, NULL
      FROM "Priority" p WHERE p.status = 'PUBLISHED' AND p."gatewayOutcome" = 'NOT_ASSESSED'
      ORDER BY p."updatedAt" DESC, p.id LIMIT ${take})
    UNION ALL
    (SELECT 'assign', v.id, c.title, c.reference, v.number, NULL, NULL, c.id, NULL
      FROM "SpecificationVersion" v JOIN "Credential" c ON c.id = v."credentialId"
      WHERE v.status = 'SUBMITTED'
      ORDER BY v."submittedAt", v.id LIMIT ${take})
    UNION ALL
    (SELECT 'decide', er.id, c.title, c.reference, v.number, NULL, NULL, c.id, NULL
      FROM "EndorsementReview" er JOIN "SpecificationVersion" v ON v.id = er."specificationVersionId"
        JOIN "Credential" c ON c.id = v."credentialId"
      WHERE er.status = 'OPEN' AND v.status = 'IN_REVIEW'
        AND NOT EXISTS (SELECT 1 FROM "ReviewerAssignment" a WHERE a."reviewId" = er.id AND a.status = 'ASSIGNED')
      ORDER BY er."createdAt", er.id LIMIT ${take})
    UNION ALL
    (SELECT 'panel', m.id, m.title, NULL, NULL, NULL, NULL, NULL, m."meetsOn"
      FROM "PanelMeeting" m WHERE m.status = 'SCHEDULED' AND m."meetsOn" > ${today}
      ORDER BY m."meetsOn", m.id LIMIT ${take})
    UNION ALL
    (SELECT 'panel-held', m.id, m.title, NULL,
        (SELECT count(*)::int FROM "PanelAgendaItem" i WHERE i."meetingId" = m.id AND i.status = 'ON_AGENDA'), NULL, NULL, NULL, m."meetsOn"
      FROM "PanelMeeting" m WHERE m.status = 'SCHEDULED' AND m."meetsOn" <= ${today}
      ORDER BY m."meetsOn", m.id LIMIT ${take})
    UNION ALL
    (SELECT 'plan', p.id, p."programmeTitle", NULL, NULL, p.status::text, NULL, NULL, NULL
      FROM "DeliveryPlan" p WHERE p.status IN ('SUBMITTED', 'IN_REVIEW')
      ORDER BY p."updatedAt", p.id LIMIT ${take})
    UNION ALL
    (SELECT 'change', ch.id, p."programmeTitle", NULL, NULL, NULL, ch.kind::text, NULL, NULL
      FROM "PlanChange" ch JOIN "DeliveryPlan" p ON p.id = ch."planId"
      WHERE ch.status = 'REPORTED'
      ORDER BY ch."createdAt", ch.id LIMIT ${take})
    UNION ALL
    (SELECT 'remap', t.id, p."programmeTitle", NULL, v.number, NULL, NULL, NULL, NULL
      FROM "RemappingTask" t JOIN "DeliveryPlan" p ON p.id = t."planId" JOIN "SpecificationVersion" v ON v.id = t."toVersionId"
      WHERE t.status = 'SUBMITTED'
      ORDER BY t."submittedAt", t.id LIMIT ${take})
    UNION ALL
    (SELECT 'monitoring-report', mr.id, p."programmeTitle", NULL, mr.sequence, NULL, NULL, NULL, NULL
      FROM "MonitoringReport" mr JOIN "EnhancedMonitoring" em ON em.id = mr."monitoringId" JOIN "DeliveryPlan" p ON p.id = em."planId"
      WHERE mr.status = 'SUBMITTED'
      ORDER BY mr."dueOn", mr.id LIMIT ${take})
    UNION ALL
    (SELECT 'return', ar.id, p."programmeTitle", NULL, ar.year, NULL, NULL, NULL, NULL
      FROM "AnnualReturn" ar JOIN "DeliveryPlan" p ON p.id = ar."planId"
      WHERE ar.status = 'SUBMITTED'
      ORDER BY ar."dueOn", ar.id LIMIT ${take})
    UNION ALL
    (SELECT 'periodic', pr.id, c.title, c.reference, NULL, NULL, NULL, NULL, pr."dueAt"
      FROM "PeriodicReview" pr JOIN "Credential" c ON c.id = pr."credentialId"
      WHERE pr.status IN ('SCHEDULED', 'IN_PROGRESS')
      ORDER BY pr."dueAt", pr.id LIMIT ${take})
    UNION ALL
    (SELECT 'impact', ir.id, p."programmeTitle", NULL, NULL, NULL, ir.period, NULL, NULL
      FROM "ImpactReturn" ir JOIN "DeliveryPlan" p ON p.id = ir."planId"
      WHERE ir.status = 'SUBMITTED'
      ORDER BY ir."submittedAt", ir.id LIMIT ${take})
    UNION ALL
    (SELECT 'action', qa.id, o.name, NULL, NULL, NULL, NULL, qa."qualityReviewId", qa."dueOn"
      FROM "QualityAction" qa JOIN "Organisation" o ON o.id = qa."organisationId"
      WHERE qa.status <> 'CLOSED' AND qa."dueOn" < ${today}
      ORDER BY qa."dueOn", qa.id LIMIT ${take})`;
}

export function staffSources(d: Db, actor: Actor, now: Date, take: number): Source[] {
  return [
    () => proposalTasks(actor, take),
    // The Centre's tasks, the same for every member of staff: shared, like a list's total (dates come back as text).
    async () =>
      (await shared(["staff-tasks", String(take)], async () => (await staffTaskRows(d, now, take)).map((r) => TASKS[r.kind](r)))).map(
        (t) => ({ ...t, dueOn: t.dueOn === null ? null : new Date(t.dueOn) }),
      ),
    async () =>
      (await qualityReviewsFallingDue(d, now, take)).map((r) => ({
        key: `review-due-${r.id}`,
        task: "Schedule the quality review its risk rating sets",
        name: r.plan.programmeTitle,
        dueOn: r.nextReviewDueOn,
        href: `/delivery-plans/${r.plan.id}`,
      })),
  ];
}
