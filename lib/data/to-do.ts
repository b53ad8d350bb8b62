import "server-only";
import { addDays, startOfDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { planChangeLink } from "@/lib/data/plan-changes";
import { remappingLink } from "@/lib/data/remapping";
import { PROVIDER_REMAPPING_STATES, PROVIDER_TO_DO_PLAN_STATES, type Actor } from "@/lib/workflow";

// The top of every dashboard: the records that wait for this person, each with what to do, its name, when it is
// due and a link straight to the task, most urgent first. Each kind of task is one query for its few most urgent
// rows, so the list costs the same whatever the size of the portfolio; the counts per stage follow below it.

/** How many tasks the dashboard lists; the counts below lead to the rest. */
export const TO_DO_SIZE = 10;
/** Due within this many days counts as "due soon". */
export const DUE_SOON_DAYS = 14;

export type Urgency = "OVERDUE" | "DUE_SOON" | "LATER";
export type ToDo = { key: string; task: string; name: string; dueOn: Date | null; href: string; urgency: Urgency };

type Source = () => Promise<Omit<ToDo, "urgency">[]>;

const take = TO_DO_SIZE;
const newest = [{ updatedAt: "desc" as const }, { id: "asc" as const }];

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

const credentialName = (c: { reference: string; title: string }) => `${c.reference} ${c.title}`;

function sourcesFor(actor: Actor): Source[] {
  const d = db();
  const org = actor.organisationId ?? "__none__";
  const now = new Date();
  switch (actor.role) {
    case "CENTRE_STAFF":
      return [
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
    case "EXPERT":
      return [
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
