import "server-only";
import { db, readDb } from "@/lib/db";
import { expertCounts, providerCounts, reviewerCounts, staffCounts } from "@/lib/data/dashboard-counts";
import { reviewerAssignmentScope } from "@/lib/data/scope";
import { shared } from "@/lib/data/totals";
import { PROVIDER_TO_DO_PLAN_STATES, type Actor } from "@/lib/workflow";

/** One "needs your action" count on a dashboard. */
export type WorkItem = { key: string; label: string; count: number; href: string; urgent?: boolean };

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);

// Each role's dashboard runs one statement of COUNTs (dashboard-counts.ts), whatever the amount of data.
export async function workItems(actor: Actor): Promise<WorkItem[]> {
  const d = readDb();
  const org = actor.organisationId ?? "__none__";
  const now = new Date();
  switch (actor.role) {
    case "CENTRE_STAFF": {
      // The Centre's counts, the same for every member of staff: shared, like a list's total.
      const { draftPriorities, gateway, submitted, decisions, plans, annualReturns, periodic, impact, overdueActions } = await shared(
        ["staff-counts"],
        () => staffCounts(d, now),
      );
      return [
        { key: "priorities", label: "draft priorities to publish", count: draftPriorities, href: "/priorities?status=DRAFT" },
        { key: "gateway", label: "published priorities awaiting the gateway", count: gateway, href: "/priorities?gateway=NOT_ASSESSED" },
        { key: "assign", label: "submitted specifications needing reviewers", count: submitted, href: "/credentials?version=SUBMITTED" },
        { key: "decide", label: "endorsement reviews ready for a decision", count: decisions, href: "/credentials?version=IN_REVIEW" },
        { key: "plans", label: "delivery plans awaiting approval", count: plans, href: "/delivery-plans?status=SUBMITTED" },
        { key: "returns", label: "annual returns to accept or query", count: annualReturns, href: "/quality-reviews?returns=SUBMITTED" },
        { key: "periodic", label: "periodic reviews open", count: periodic, href: "/periodic-reviews" },
        { key: "impact", label: "impact returns to accept or query", count: impact, href: "/impact?status=SUBMITTED" },
        { key: "overdue", label: "quality actions overdue", count: overdueActions, href: "/quality-reviews?actions=overdue", urgent: true },
      ];
    }
    case "EXPERT": {
      const { commissions, drafts, openComments } = await expertCounts(d, org);
      return [
        { key: "commissions", label: "commissions awaiting your response", count: commissions, href: "/commissions?status=ISSUED" },
        { key: "drafts", label: "specification drafts to complete", count: drafts, href: "/credentials?version=DRAFT" },
        { key: "comments", label: "open comments on your drafts", count: openComments, href: "/credentials?version=DRAFT" },
      ];
    }
    case "PROVIDER": {
      const { plans, annualReturns, actions, overdueActions, impact } = await providerCounts(d, org, now);
      return [
        { key: "plans", label: "delivery plans to complete or revise", count: plans, href: "/delivery-plans?status=DRAFT" },
        { key: "returns", label: "annual returns due", count: annualReturns, href: "/quality-reviews?returns=OPEN" },
        { key: "actions", label: "quality actions needing your response", count: actions, href: "/quality-reviews?actions=open" },
        { key: "overdue", label: "quality actions overdue", count: overdueActions, href: "/quality-reviews?actions=overdue", urgent: true },
        { key: "impact", label: "impact returns to complete", count: impact, href: "/impact?status=DRAFT" },
      ];
    }
    case "REVIEWER": {
      const { assessments, dueSoon, qualityReviews, toClose, overdueActions } = await reviewerCounts(d, actor.id, now, daysFromNow(7));
      return [
        { key: "assessments", label: "endorsement assessments to complete", count: assessments, href: "/credentials?assigned=me" },
        { key: "dueSoon", label: "assessments due within 7 days", count: dueSoon, href: "/credentials?assigned=me", urgent: true },
        { key: "quality", label: "quality reviews to carry out", count: qualityReviews, href: "/quality-reviews?assigned=me" },
        { key: "actions", label: "quality-action responses to check", count: toClose, href: "/quality-reviews?actions=responded" },
        {
          key: "overdue",
          label: "quality actions overdue on your reviews",
          count: overdueActions,
          href: "/quality-reviews?actions=overdue&assigned=me",
          urgent: true,
        },
      ];
    }
    default:
      return [];
  }
}

export function unreadNotificationCount(userId: string) {
  return db().notification.count({ where: { userId, readAt: null } });
}

/** How many items each dashboard section lists; its "View all" link leads to the full, paged list. */
export const DASHBOARD_SECTION_SIZE = 5;

/** Experts: the first few of their expert group's credentials with the latest version's status, and how many there are. */
export async function organisationCredentials(actor: Actor) {
  const where = { ownerOrganisationId: actor.organisationId ?? "__none__" };
  const [rows, total] = await Promise.all([
    readDb().credential.findMany({
      where,
      orderBy: [{ reference: "asc" }, { id: "asc" }],
      take: DASHBOARD_SECTION_SIZE,
      select: {
        id: true,
        reference: true,
        title: true,
        status: true,
        versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, status: true } },
      },
    }),
    readDb().credential.count({ where }),
  ]);
  return { rows, total };
}

/**
 * Providers: their organisation's plans that need their action (most recently changed first), then the rest, up to
 * a dashboard section's worth; and how many there are. Both halves are read at once, so the query count is fixed.
 */
export async function organisationPlans(actor: Actor) {
  const where = { organisationId: actor.organisationId ?? "__none__" };
  const toDo = [...PROVIDER_TO_DO_PLAN_STATES];
  const page = (status: { in: typeof toDo } | { notIn: typeof toDo }) =>
    readDb().deliveryPlan.findMany({
      where: { ...where, status },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: DASHBOARD_SECTION_SIZE,
      select: { id: true, programmeTitle: true, status: true, credential: { select: { reference: true, title: true } } },
    });
  const [first, rest, total] = await Promise.all([page({ in: toDo }), page({ notIn: toDo }), readDb().deliveryPlan.count({ where })]);
  return { rows: [...first, ...rest].slice(0, DASHBOARD_SECTION_SIZE), total };
}

/** Reviewers: their first few endorsement assignments, open ones first, and how many there are. */
export async function reviewerAssignments(actor: Actor) {
  const where = reviewerAssignmentScope(actor);
  const [rows, total] = await Promise.all([
    readDb().reviewerAssignment.findMany({
      where,
      orderBy: [{ status: "asc" }, { dueOn: "asc" }, { id: "asc" }],
      take: DASHBOARD_SECTION_SIZE,
      select: {
        id: true,
        status: true,
        dueOn: true,
        review: {
          select: {
            specificationVersion: { select: { number: true, credential: { select: { id: true, reference: true, title: true } } } },
          },
        },
      },
    }),
    readDb().reviewerAssignment.count({ where }),
  ]);
  return { rows, total };
}
