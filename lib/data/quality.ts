import "server-only";
import { pageNumber, pageResult, pageWindow, rowId } from "@/lib/data/paging";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { annualReturnScope, deliveryPlanScope, qualityActionScope, qualityReviewScope } from "@/lib/data/scope";
import { ANNUAL_RETURN_STATES, availableTransitions, qualityActionMachine, qualityReviewMachine, type Actor } from "@/lib/workflow";

// Assurance of approved deliveries: annual returns, quality reviews and the actions their findings raise.
// Each list is one page plus a count — two queries, whatever the number of rows.

export type QualityFilters = {
  returns?: string;
  /** Only this delivery plan's annual returns (the plan page's "View all"). */
  plan?: string;
  actions?: string;
  assigned?: string;
  returnsPage?: string;
  reviewsPage?: string;
  actionsPage?: string;
};

export const QUALITY_PAGE_SIZE = 25;

const assignedTo = (actor: Actor): Prisma.QualityReviewWhereInput => ({ reviewers: { some: { reviewerId: actor.id } } });

export async function listAnnualReturns(actor: Actor, filters: QualityFilters = {}) {
  const status = ANNUAL_RETURN_STATES.find((s) => s === filters.returns);
  const planId = rowId(filters.plan);
  const where: Prisma.AnnualReturnWhereInput = { AND: [annualReturnScope(actor), status ? { status } : {}, planId ? { planId } : {}] };
  const page = pageNumber(filters.returnsPage);
  const [rows, total] = await Promise.all([
    db().annualReturn.findMany({
      where,
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      ...pageWindow(page, QUALITY_PAGE_SIZE),
      select: {
        id: true, year: true, dueOn: true, status: true,
        plan: { select: { programmeTitle: true, organisation: { select: { name: true } } } },
      },
    }),
    db().annualReturn.count({ where }),
  ]);
  return pageResult(rows, total, page, QUALITY_PAGE_SIZE);
}

export async function listQualityReviews(actor: Actor, filters: QualityFilters = {}) {
  const where: Prisma.QualityReviewWhereInput = {
    AND: [qualityReviewScope(actor), filters.assigned === "me" ? assignedTo(actor) : {}],
  };
  const page = pageNumber(filters.reviewsPage);
  const [rows, total] = await Promise.all([
    db().qualityReview.findMany({
      where,
      // Enum order puts planned and in-progress reviews (the work still to do) first.
      orderBy: [{ status: "asc" }, { scheduledOn: "asc" }, { id: "asc" }],
      ...pageWindow(page, QUALITY_PAGE_SIZE),
      select: {
        id: true, scheduledOn: true, status: true, outcome: true,
        plan: { select: { programmeTitle: true, organisation: { select: { name: true } } } },
      },
    }),
    db().qualityReview.count({ where }),
  ]);
  return pageResult(rows, total, page, QUALITY_PAGE_SIZE);
}

function actionFilter(value: string | undefined, now: Date): Prisma.QualityActionWhereInput {
  switch (value) {
    case "open":
      return { status: "OPEN" };
    case "responded":
      return { status: "RESPONDED" };
    case "overdue":
      // The same rule as the workflow's isOverdue, as SQL.
      return { status: { not: "CLOSED" }, dueOn: { lt: now } };
    default:
      return {};
  }
}

export async function listQualityActions(actor: Actor, filters: QualityFilters = {}, now: Date = new Date()) {
  const where: Prisma.QualityActionWhereInput = {
    AND: [
      qualityActionScope(actor),
      actionFilter(filters.actions, now),
      filters.assigned === "me" ? { qualityReview: assignedTo(actor) } : {},
    ],
  };
  const page = pageNumber(filters.actionsPage);
  const [rows, total] = await Promise.all([
    db().qualityAction.findMany({
      where,
      orderBy: [{ status: "asc" }, { dueOn: "asc" }, { id: "asc" }],
      ...pageWindow(page, QUALITY_PAGE_SIZE),
      select: { id: true, qualityReviewId: true, description: true, dueOn: true, status: true, organisation: { select: { name: true } } },
    }),
    db().qualityAction.count({ where }),
  ]);
  return pageResult(rows, total, page, QUALITY_PAGE_SIZE);
}

/** One review for its page: plan, reviewers, findings with their actions, and what this user may do to each. */
export async function getQualityReview(actor: Actor, id: string) {
  const review = await db().qualityReview.findFirst({
    where: { AND: [{ id }, qualityReviewScope(actor)] },
    select: {
      id: true, status: true, version: true, scheduledOn: true, outcome: true, summary: true, reportedAt: true, closedAt: true,
      plan: {
        select: {
          id: true, status: true, version: true, programmeTitle: true, organisationId: true,
          organisation: { select: { name: true } }, credential: { select: { reference: true, title: true } },
        },
      },
      reviewers: { select: { reviewer: { select: { id: true, name: true, organisation: { select: { name: true } } } } } },
      findings: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true, area: true, rating: true, evidence: true, createdAt: true,
          actions: {
            orderBy: { createdAt: "asc" },
            select: { id: true, description: true, dueOn: true, status: true, version: true, response: true, reason: true, respondedAt: true },
          },
        },
      },
      _count: { select: { findings: true } },
    },
  });
  if (!review) return null;
  const reviewerIds = review.reviewers.map((r) => r.reviewer.id);
  const can = availableTransitions(qualityReviewMachine, review.status, {
    providerOrganisationId: review.plan.organisationId, reviewerIds, findingCount: review._count.findings, outcome: review.outcome, actor,
  }).map((t) => t.name);
  const actionCtx = { organisationId: review.plan.organisationId, reviewerIds, actor };
  const findings = review.findings.map((f) => ({
    ...f,
    actions: f.actions.map((a) => ({ ...a, can: availableTransitions(qualityActionMachine, a.status, actionCtx).map((t) => t.name) })),
  }));
  return { ...review, findings, reviewerIds, can };
}

/** Approved deliveries staff can schedule a review for, and every reviewer (with organisation, for the conflict check). */
export async function schedulingOptions(actor: Actor) {
  const [plans, reviewers] = await Promise.all([
    db().deliveryPlan.findMany({
      where: { AND: [deliveryPlanScope(actor), { status: { in: ["APPROVED", "APPROVED_WITH_CONDITIONS"] } }] },
      orderBy: [{ credential: { reference: "asc" } }, { programmeTitle: "asc" }],
      select: {
        id: true, programmeTitle: true, organisationId: true, organisation: { select: { name: true } },
        credential: { select: { reference: true, title: true } },
      },
    }),
    db().user.findMany({
      where: { role: "REVIEWER", active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true, organisationId: true, organisation: { select: { name: true } } },
    }),
  ]);
  return { plans, reviewers };
}
