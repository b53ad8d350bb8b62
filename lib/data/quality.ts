import "server-only";
import { CHOICE_LIMIT, containing, pageNumber, pageResult, RECORD_TABLE_SIZE, rowsOfPage, type Choice } from "@/lib/data/paging";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { deliveryPlanScope, qualityActionScope, qualityReviewScope } from "@/lib/data/scope";
import {
  availableTransitions,
  DELIVERING_PLAN_STATES,
  qualityActionMachine,
  qualityReviewMachine,
  type Actor,
  type QualityActionStatus,
} from "@/lib/workflow";

// Assurance of approved deliveries: a quality review's page with its findings and their actions, one action's page,
// and the choices for scheduling a review. The quality page's lists are in lib/data/quality-lists.ts.

/** Findings on one page of a review; each shows its first few actions and links to the rest. */
export const FINDINGS_PAGE_SIZE = 10;

const ACTION_SELECT = {
  id: true,
  description: true,
  dueOn: true,
  status: true,
  version: true,
  response: true,
  reason: true,
  respondedAt: true,
} satisfies Prisma.QualityActionSelect;

const REVIEW_SELECT = {
  id: true,
  status: true,
  version: true,
  scheduledOn: true,
  outcome: true,
  summary: true,
  reportedAt: true,
  closedAt: true,
  plan: {
    select: {
      id: true,
      status: true,
      version: true,
      programmeTitle: true,
      organisationId: true,
      organisation: { select: { name: true } },
      credential: { select: { reference: true, title: true } },
    },
  },
  reviewers: { select: { reviewer: { select: { id: true, name: true, organisation: { select: { name: true } } } } } },
} satisfies Prisma.QualityReviewSelect;

type ReviewRow = Prisma.QualityReviewGetPayload<{ select: typeof REVIEW_SELECT }>;

function reviewRules(review: ReviewRow, findingCount: number, actor: Actor) {
  const reviewerIds = review.reviewers.map((r) => r.reviewer.id);
  const can = availableTransitions(qualityReviewMachine, review.status, {
    providerOrganisationId: review.plan.organisationId,
    reviewerIds,
    findingCount,
    outcome: review.outcome,
    planStatus: review.plan.status,
    actor,
  }).map((t) => t.name);
  const actionCtx = { organisationId: review.plan.organisationId, reviewerIds, actor };
  const actionCan = (status: QualityActionStatus) => availableTransitions(qualityActionMachine, status, actionCtx).map((t) => t.name);
  return { reviewerIds, can, actionCan };
}

/**
 * One review for its page: plan, reviewers, one page of findings (`?findings=`) each with its first
 * RECORD_TABLE_SIZE actions and their count, and what this user may do to each. The page's finding ids are read
 * alone, then those findings joined with their first actions and their count (a lateral LIMIT and COUNT in SQL):
 * joined in one statement with the page's LIMIT/OFFSET, PostgreSQL would build the actions of every finding the page
 * skips or sorts (250 ms for a review with 10,000 findings); read apart, Prisma would read every action of the
 * page's findings and cut them in memory.
 */
export async function getQualityReview(actor: Actor, id: string, findingsPage?: string | string[]) {
  const page = pageNumber(findingsPage);
  const inReview: Prisma.FindingWhereInput = { qualityReviewId: id, qualityReview: qualityReviewScope(actor) };
  const [review, pageIds, findingCount] = await Promise.all([
    db().qualityReview.findFirst({ where: { AND: [{ id }, qualityReviewScope(actor)] }, select: REVIEW_SELECT }),
    db().finding.findMany({
      where: inReview,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * FINDINGS_PAGE_SIZE,
      take: FINDINGS_PAGE_SIZE,
      select: { id: true },
    }),
    db().finding.count({ where: inReview }),
  ]);
  if (!review) return null;
  const findingRows = await rowsOfPage(pageIds, (ids) =>
    db().finding.findMany({
      where: { id: { in: ids } },
      relationLoadStrategy: "join",
      select: {
        id: true,
        area: true,
        rating: true,
        evidence: true,
        createdAt: true,
        actions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: RECORD_TABLE_SIZE, select: ACTION_SELECT },
        _count: { select: { actions: true } },
      },
    }),
  );
  const { reviewerIds, can, actionCan } = reviewRules(review, findingCount, actor);
  const findings = findingRows.map(({ actions, _count, ...f }) => ({
    ...f,
    actions: actions.map((a) => ({ ...a, can: actionCan(a.status) })),
    actionCount: _count.actions,
  }));
  return {
    ...review,
    findings,
    findingCount,
    findingsPage: page,
    findingsPageCount: pageResult(findings, findingCount, page, FINDINGS_PAGE_SIZE).pageCount,
    reviewerIds,
    can,
  };
}

/** One quality action of a review, with its finding and what this user may do to it; null when outside their scope. */
export async function getQualityAction(actor: Actor, reviewId: string, actionId: string) {
  const action = await db().qualityAction.findFirst({
    where: { AND: [{ id: actionId, qualityReviewId: reviewId }, qualityActionScope(actor)] },
    select: {
      ...ACTION_SELECT,
      finding: { select: { area: true, rating: true, evidence: true } },
      qualityReview: { select: REVIEW_SELECT },
    },
  });
  if (!action) return null;
  const { qualityReview: review, ...rest } = action;
  // The action's own transitions do not depend on the review's finding count.
  return { ...rest, review, can: reviewRules(review, 0, actor).actionCan(action.status) };
}

type PlanToReview = {
  id: string;
  programmeTitle: string;
  organisationId: string;
  organisation: { name: string };
  credential: { reference: string; title: string };
};
type ReviewerOption = { id: string; name: string; organisationId: string | null; organisation: { name: string } | null };

/**
 * Approved deliveries staff can schedule a review for (narrowed by programme, provider or credential), or — once
 * one is chosen — that plan and the active reviewers (narrowed by name or organisation), each at most CHOICE_LIMIT,
 * with their organisation for the conflict check.
 */
export async function schedulingOptions(
  actor: Actor,
  search: { plans?: string; reviewers?: string; planId?: string } = {},
): Promise<{ plan: PlanToReview | null; plans: Choice<PlanToReview>; reviewers: Choice<ReviewerOption> }> {
  const approved: Prisma.DeliveryPlanWhereInput = { AND: [deliveryPlanScope(actor), { status: { in: [...DELIVERING_PLAN_STATES] } }] };
  const planSelect = {
    id: true,
    programmeTitle: true,
    organisationId: true,
    organisation: { select: { name: true } },
    credential: { select: { reference: true, title: true } },
  } as const;
  const planWhere: Prisma.DeliveryPlanWhereInput = search.plans
    ? {
        AND: [
          approved,
          {
            OR: [
              { programmeTitle: containing(search.plans) },
              { organisation: { name: containing(search.plans) } },
              { credential: { reference: containing(search.plans) } },
              { credential: { title: containing(search.plans) } },
            ],
          },
        ],
      }
    : approved;
  const reviewerWhere: Prisma.UserWhereInput = {
    AND: [
      { role: "REVIEWER", active: true },
      search.reviewers ? { OR: [{ name: containing(search.reviewers) }, { organisation: { name: containing(search.reviewers) } }] } : {},
    ],
  };
  if (search.planId) {
    const [plan, reviewers, reviewerCount] = await Promise.all([
      db().deliveryPlan.findFirst({ where: { AND: [approved, { id: search.planId }] }, select: planSelect }),
      db().user.findMany({
        where: reviewerWhere,
        orderBy: [{ name: "asc" }, { id: "asc" }],
        take: CHOICE_LIMIT,
        select: { id: true, name: true, organisationId: true, organisation: { select: { name: true } } },
      }),
      db().user.count({ where: reviewerWhere }),
    ]);
    if (plan)
      return { plan, plans: { options: [], total: 0 }, reviewers: { options: reviewers, total: reviewerCount, search: search.reviewers } };
  }
  // The options' ids first, then those plans: read whole, PostgreSQL built every delivering plan's organisation and
  // credential before sorting them by the credential's reference (44 ms at national scale); for ids alone it reads the
  // credentials in reference order and stops at the limit.
  const [ids, planCount] = await Promise.all([
    db().deliveryPlan.findMany({
      where: planWhere,
      orderBy: [{ credential: { reference: "asc" } }, { programmeTitle: "asc" }, { id: "asc" }],
      take: CHOICE_LIMIT,
      select: { id: true },
    }),
    db().deliveryPlan.count({ where: planWhere }),
  ]);
  const plans = await rowsOfPage(ids, (page) => db().deliveryPlan.findMany({ where: { id: { in: page } }, select: planSelect }));
  return { plan: null, plans: { options: plans, total: planCount, search: search.plans }, reviewers: { options: [], total: 0 } };
}
