import "server-only";
import { addDays, startOfDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { proposalTasks } from "@/lib/data/proposals";
import { staffSources } from "@/lib/data/to-do-staff";
import { credentialName, newest, type Source, type ToDo, type Urgency } from "@/lib/data/to-do-shared";
import { openAppealWindows } from "@/lib/data/appeals";
import { planChangeLink } from "@/lib/data/plan-changes";
import { remappingLink } from "@/lib/data/remapping";
import { monitoringReportLink } from "@/lib/data/enhanced-monitoring";
import { PROVIDER_REMAPPING_STATES, PROVIDER_REPORT_STATES, PROVIDER_TO_DO_PLAN_STATES, type Actor } from "@/lib/workflow";

// The top of every dashboard: the records that wait for this person, each with what to do, its name, when it is
// due and a link straight to the task, most urgent first. Each kind of task is one query for its few most urgent
// rows, so the list costs the same whatever the size of the portfolio; the counts per stage follow below it.

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
        async () =>
          (
            await d.commission.findMany({
              where: { organisationId: org, status: "ISSUED" },
              orderBy: [{ dueOn: "asc" }, { id: "asc" }],
              take,
              select: { id: true, title: true, dueOn: true },
            })
          ).map((c) => ({
            key: `commission-${c.id}`,
            task: "Accept or decline the commission",
            name: c.title,
            dueOn: c.dueOn,
            href: `/commissions/${c.id}`,
          })),
        async () =>
          (
            await d.specificationVersion.findMany({
              where: { status: "DRAFT", credential: { ownerOrganisationId: org } },
              orderBy: [{ credential: { commission: { dueOn: "asc" } } }, { id: "asc" }],
              take,
              select: {
                id: true,
                number: true,
                credential: { select: { id: true, reference: true, title: true, commission: { select: { dueOn: true } } } },
              },
            })
          ).map((v) => ({
            key: `draft-${v.id}`,
            task: "Complete and submit the specification",
            name: `${credentialName(v.credential)}, version ${v.number}`,
            dueOn: v.credential.commission?.dueOn ?? null,
            href: `/credentials/${v.credential.id}/versions/${v.number}/edit`,
          })),
      ];
    case "PROVIDER":
      return [
        () => proposalTasks(actor, take),
        async () =>
          (
            await d.deliveryPlan.findMany({
              where: { organisationId: org, status: { in: [...PROVIDER_TO_DO_PLAN_STATES] } },
              orderBy: newest,
              take,
              select: { id: true, programmeTitle: true, status: true },
            })
          ).map((p) => ({
            key: `plan-${p.id}`,
            task: p.status === "DRAFT" ? "Complete and submit the delivery plan" : "Revise the delivery plan",
            name: p.programmeTitle,
            dueOn: null,
            href: `/delivery-plans/${p.id}`,
          })),
        async () =>
          (
            await d.planChange.findMany({
              where: { organisationId: org, status: "MORE_INFORMATION_REQUESTED" },
              orderBy: newest,
              take,
              select: { id: true, plan: { select: { programmeTitle: true } } },
            })
          ).map((ch) => ({
            key: `change-${ch.id}`,
            task: "Answer the Centre's question on the change",
            name: ch.plan.programmeTitle,
            dueOn: null,
            href: planChangeLink(ch.id),
          })),
        async () =>
          (
            await d.annualReturn.findMany({
              where: { plan: { organisationId: org }, status: { in: ["OPEN", "QUERIED"] } },
              orderBy: [{ dueOn: "asc" }, { id: "asc" }],
              take,
              select: { id: true, year: true, dueOn: true, status: true, plan: { select: { programmeTitle: true } } },
            })
          ).map((r) => ({
            key: `return-${r.id}`,
            task: r.status === "QUERIED" ? "Answer the query on the annual return" : "Submit the annual return",
            name: `${r.year} annual return, ${r.plan.programmeTitle}`,
            dueOn: r.dueOn,
            href: `/quality-reviews/annual-returns/${r.id}`,
          })),
        async () =>
          (
            await d.qualityAction.findMany({
              where: { organisationId: org, status: "OPEN" },
              orderBy: [{ dueOn: "asc" }, { id: "asc" }],
              take,
              select: {
                id: true,
                qualityReviewId: true,
                dueOn: true,
                qualityReview: { select: { plan: { select: { programmeTitle: true } } } },
              },
            })
          ).map((a) => ({
            key: `action-${a.id}`,
            task: "Respond to the quality action",
            name: a.qualityReview.plan.programmeTitle,
            dueOn: a.dueOn,
            href: `/quality-reviews/${a.qualityReviewId}/actions/${a.id}`,
          })),
        async () =>
          (
            await d.impactReturn.findMany({
              where: { organisationId: org, status: { in: ["DRAFT", "QUERIED"] } },
              orderBy: newest,
              take,
              select: { id: true, period: true, status: true, plan: { select: { programmeTitle: true } } },
            })
          ).map((r) => ({
            key: `impact-${r.id}`,
            task: r.status === "QUERIED" ? "Answer the query on the impact return" : "Complete the impact return",
            name: `${r.period} impact return, ${r.plan.programmeTitle}`,
            dueOn: null,
            href: `/impact/${r.id}`,
          })),
        async () =>
          (
            await d.remappingTask.findMany({
              where: { organisationId: org, status: { in: [...PROVIDER_REMAPPING_STATES] } },
              orderBy: [{ dueOn: "asc" }, { id: "asc" }],
              take,
              select: {
                id: true,
                status: true,
                dueOn: true,
                plan: { select: { programmeTitle: true } },
                toVersion: { select: { number: true } },
              },
            })
          ).map((t) => ({
            key: `remap-${t.id}`,
            task:
              t.status === "RETURNED" ? "Revise the re-mapping the Centre returned" : `Re-map the plan to version ${t.toVersion.number}`,
            name: t.plan.programmeTitle,
            dueOn: t.dueOn,
            href: remappingLink(t.id),
          })),
        async () =>
          (
            await d.monitoringReport.findMany({
              where: { status: { in: [...PROVIDER_REPORT_STATES] }, monitoring: { plan: { organisationId: org } } },
              orderBy: [{ dueOn: "asc" }, { id: "asc" }],
              take,
              select: {
                id: true,
                status: true,
                sequence: true,
                dueOn: true,
                monitoring: { select: { plan: { select: { programmeTitle: true } } } },
              },
            })
          ).map((r) => ({
            key: `monitoring-report-${r.id}`,
            task: r.status === "QUERIED" ? "Answer the query on the monitoring report" : "Write the monitoring report",
            name: `Monitoring report ${r.sequence}, ${r.monitoring.plan.programmeTitle}`,
            dueOn: r.dueOn,
            href: monitoringReportLink(r.id),
          })),
      ];
    case "REVIEWER": {
      const onTheirReviews = { qualityReview: { reviewers: { some: { reviewerId: actor.id } } } };
      return [
        async () =>
          (
            await d.reviewerAssignment.findMany({
              where: { reviewerId: actor.id, status: "ASSIGNED" },
              orderBy: [{ dueOn: "asc" }, { id: "asc" }],
              take,
              select: {
                id: true,
                dueOn: true,
                review: {
                  select: { specificationVersion: { select: { credential: { select: { id: true, reference: true, title: true } } } } },
                },
              },
            })
          ).map((a) => ({
            key: `assessment-${a.id}`,
            task: "Assess the candidate specification",
            name: credentialName(a.review.specificationVersion.credential),
            dueOn: a.dueOn,
            href: `/credentials/${a.review.specificationVersion.credential.id}/review/assessment`,
          })),
        async () =>
          (
            await d.qualityReview.findMany({
              where: { status: { in: ["PLANNED", "IN_PROGRESS"] }, reviewers: { some: { reviewerId: actor.id } } },
              orderBy: [{ scheduledOn: "asc" }, { id: "asc" }],
              take,
              select: { id: true, scheduledOn: true, plan: { select: { programmeTitle: true } } },
            })
          ).map((r) => ({
            key: `quality-${r.id}`,
            task: "Carry out the quality review",
            name: r.plan.programmeTitle,
            dueOn: r.scheduledOn,
            href: `/quality-reviews/${r.id}`,
          })),
        async () =>
          (
            await d.qualityAction.findMany({
              where: { status: "RESPONDED", ...onTheirReviews },
              orderBy: [{ dueOn: "asc" }, { id: "asc" }],
              take,
              select: { id: true, qualityReviewId: true, dueOn: true, organisation: { select: { name: true } } },
            })
          ).map((a) => ({
            key: `action-${a.id}`,
            task: "Check the response to the quality action",
            name: a.organisation.name,
            dueOn: a.dueOn,
            href: `/quality-reviews/${a.qualityReviewId}/actions/${a.id}`,
          })),
      ];
    }
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
