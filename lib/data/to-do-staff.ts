import "server-only";
import type { Db } from "@/lib/db";
import { startOfDay } from "@/lib/dates";
import { planChangeLink } from "@/lib/data/plan-changes";
import { remappingLink } from "@/lib/data/remapping";
import { monitoringReportLink } from "@/lib/data/enhanced-monitoring";
import { qualityReviewsFallingDue } from "@/lib/data/plan-risks";
import { proposalTasks } from "@/lib/data/proposals";
import { credentialName, newest, type Source } from "@/lib/data/to-do-shared";
import type { Actor } from "@/lib/workflow";

// Centre staff's tasks for the dashboard's to-do list (see to-do.ts): each kind is one query for its few most
// urgent rows.

export function staffSources(d: Db, actor: Actor, now: Date, take: number): Source[] {
  return [
    () => proposalTasks(actor, take),
    async () =>
      (
        await d.priority.findMany({
          where: { status: "DRAFT", round: { status: "OPEN" } },
          orderBy: newest,
          take,
          select: { id: true, title: true },
        })
      ).map((p) => ({
        key: `priority-${p.id}`,
        task: "Publish the draft priority",
        name: p.title,
        dueOn: null,
        href: `/priorities/${p.id}`,
      })),
    async () =>
      (
        await d.priority.findMany({
          where: { status: "PUBLISHED", gatewayOutcome: "NOT_ASSESSED" },
          orderBy: newest,
          take,
          select: { id: true, title: true },
        })
      ).map((p) => ({
        key: `gateway-${p.id}`,
        task: "Assess against the gateway criteria",
        name: p.title,
        dueOn: null,
        href: `/priorities/${p.id}/gateway`,
      })),
    async () =>
      (
        await d.specificationVersion.findMany({
          where: { status: "SUBMITTED" },
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
          take,
          select: { id: true, number: true, credential: { select: { id: true, reference: true, title: true } } },
        })
      ).map((v) => ({
        key: `assign-${v.id}`,
        task: "Assign reviewers",
        name: `${credentialName(v.credential)}, version ${v.number}`,
        dueOn: null,
        href: `/credentials/${v.credential.id}/review`,
      })),
    async () =>
      (
        await d.endorsementReview.findMany({
          where: { status: "OPEN", specificationVersion: { status: "IN_REVIEW" }, assignments: { none: { status: "ASSIGNED" } } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take,
          select: {
            id: true,
            specificationVersion: { select: { number: true, credential: { select: { id: true, reference: true, title: true } } } },
          },
        })
      ).map(({ id, specificationVersion: v }) => ({
        key: `decide-${id}`,
        task: "Decide on endorsement",
        name: `${credentialName(v.credential)}, version ${v.number}`,
        dueOn: null,
        href: `/credentials/${v.credential.id}/review`,
      })),
    async () =>
      (
        await d.panelMeeting.findMany({
          where: { status: "SCHEDULED", meetsOn: { gt: startOfDay(now) } },
          orderBy: [{ meetsOn: "asc" }, { id: "asc" }],
          take,
          select: { id: true, title: true, meetsOn: true },
        })
      ).map((m) => ({
        key: `panel-${m.id}`,
        task: "Prepare the endorsement panel's agenda and pack",
        name: m.title,
        dueOn: m.meetsOn,
        href: `/panels/${m.id}`,
      })),
    async () =>
      (
        await d.panelMeeting.findMany({
          where: { status: "SCHEDULED", meetsOn: { lte: startOfDay(now) } },
          orderBy: [{ meetsOn: "asc" }, { id: "asc" }],
          take,
          select: { id: true, title: true, meetsOn: true, _count: { select: { items: { where: { status: "ON_AGENDA" } } } } },
        })
      ).map((m) => ({
        key: `panel-held-${m.id}`,
        task:
          m._count.items > 0
            ? `Record the panel's recommendations (${m._count.items} ${m._count.items === 1 ? "item awaits" : "items await"} one)`
            : "Record the panel's attendance and minutes",
        name: m.title,
        dueOn: m.meetsOn,
        href: `/panels/${m.id}`,
      })),
    async () =>
      (
        await d.deliveryPlan.findMany({
          where: { status: { in: ["SUBMITTED", "IN_REVIEW"] } },
          orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
          take,
          select: { id: true, programmeTitle: true, status: true },
        })
      ).map((p) => ({
        key: `plan-${p.id}`,
        task: p.status === "SUBMITTED" ? "Start the review of the delivery plan" : "Decide on the delivery plan",
        name: p.programmeTitle,
        dueOn: null,
        href: `/delivery-plans/${p.id}`,
      })),
    async () =>
      (
        await d.planChange.findMany({
          where: { status: "REPORTED" },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take,
          select: { id: true, kind: true, plan: { select: { programmeTitle: true } } },
        })
      ).map((ch) => ({
        key: `change-${ch.id}`,
        task: ch.kind === "MAJOR" ? "Approve or reject the major change" : "Triage the reported change",
        name: ch.plan.programmeTitle,
        dueOn: null,
        href: planChangeLink(ch.id),
      })),
    async () =>
      (
        await d.remappingTask.findMany({
          where: { status: "SUBMITTED" },
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
          take,
          select: { id: true, dueOn: true, plan: { select: { programmeTitle: true } }, toVersion: { select: { number: true } } },
        })
      ).map((t) => ({
        key: `remap-${t.id}`,
        task: `Decide on the re-mapping to version ${t.toVersion.number}`,
        name: t.plan.programmeTitle,
        dueOn: null,
        href: remappingLink(t.id),
      })),
    async () =>
      (await qualityReviewsFallingDue(d, now, take)).map((r) => ({
        key: `review-due-${r.id}`,
        task: "Schedule the quality review its risk rating sets",
        name: r.plan.programmeTitle,
        dueOn: r.nextReviewDueOn,
        href: `/delivery-plans/${r.plan.id}`,
      })),
    async () =>
      (
        await d.monitoringReport.findMany({
          where: { status: "SUBMITTED" },
          orderBy: [{ dueOn: "asc" }, { id: "asc" }],
          take,
          select: { id: true, sequence: true, monitoring: { select: { plan: { select: { programmeTitle: true } } } } },
        })
      ).map((r) => ({
        key: `monitoring-report-${r.id}`,
        task: "Accept or query the monitoring report",
        name: `Monitoring report ${r.sequence}, ${r.monitoring.plan.programmeTitle}`,
        dueOn: null,
        href: monitoringReportLink(r.id),
      })),
    async () =>
      (
        await d.annualReturn.findMany({
          where: { status: "SUBMITTED" },
          orderBy: [{ dueOn: "asc" }, { id: "asc" }],
          take,
          select: { id: true, year: true, plan: { select: { programmeTitle: true } } },
        })
      ).map((r) => ({
        key: `return-${r.id}`,
        task: "Accept or query the annual return",
        name: `${r.year} annual return, ${r.plan.programmeTitle}`,
        dueOn: null,
        href: `/quality-reviews/annual-returns/${r.id}`,
      })),
    async () =>
      (
        await d.periodicReview.findMany({
          where: { status: { in: ["SCHEDULED", "IN_PROGRESS"] } },
          orderBy: [{ dueAt: "asc" }, { id: "asc" }],
          take,
          select: { id: true, dueAt: true, credential: { select: { reference: true, title: true } } },
        })
      ).map((r) => ({
        key: `periodic-${r.id}`,
        task: "Carry out the periodic review",
        name: credentialName(r.credential),
        dueOn: r.dueAt,
        href: `/periodic-reviews/${r.id}`,
      })),
    async () =>
      (
        await d.impactReturn.findMany({
          where: { status: "SUBMITTED" },
          orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
          take,
          select: { id: true, period: true, plan: { select: { programmeTitle: true } } },
        })
      ).map((r) => ({
        key: `impact-${r.id}`,
        task: "Accept or query the impact return",
        name: `${r.period} impact return, ${r.plan.programmeTitle}`,
        dueOn: null,
        href: `/impact/${r.id}`,
      })),
    async () =>
      (
        await d.qualityAction.findMany({
          where: { status: { not: "CLOSED" }, dueOn: { lt: startOfDay(now) } },
          orderBy: [{ dueOn: "asc" }, { id: "asc" }],
          take,
          select: { id: true, qualityReviewId: true, dueOn: true, organisation: { select: { name: true } } },
        })
      ).map((a) => ({
        key: `action-${a.id}`,
        task: "Follow up the overdue quality action",
        name: a.organisation.name,
        dueOn: a.dueOn,
        href: `/quality-reviews/${a.qualityReviewId}/actions/${a.id}`,
      })),
  ];
}
