import "server-only";
import {
  CHOICE_LIMIT,
  containing,
  LIST_PAGE_SIZE,
  oneOf,
  pageNumber,
  pageResult,
  pageWindow,
  RECORD_TABLE_SIZE,
  rowId,
  rowsOfPage,
  type Choice,
} from "@/lib/data/paging";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { listTotal } from "@/lib/data/totals";
import { annualReturnScope, deliveryPlanScope, qualityActionScope, qualityReviewScope } from "@/lib/data/scope";
import {
  ANNUAL_RETURN_STATES,
  availableTransitions,
  DELIVERING_PLAN_STATES,
  qualityActionMachine,
  qualityReviewMachine,
  type Actor,
  type QualityActionStatus,
} from "@/lib/workflow";

// Assurance of approved deliveries: annual returns, quality reviews and the actions their findings raise.
// Each list is one page plus a count — two queries, whatever the number of rows.

export type QualityFilters = {
  returns?: string;
  /** Only this delivery plan's annual returns (the plan page's "View all"). */
  plan?: string;
  /** Only this finding's quality actions (a review page's "View all"). */
  finding?: string;
  actions?: string;
  assigned?: string;
  returnsPage?: string;
  reviewsPage?: string;
  actionsPage?: string;
};

export const QUALITY_PAGE_SIZE = LIST_PAGE_SIZE;

const assignedTo = (actor: Actor): Prisma.QualityReviewWhereInput => ({ reviewers: { some: { reviewerId: actor.id } } });

export async function listAnnualReturns(actor: Actor, filters: QualityFilters = {}) {
  const status = oneOf(ANNUAL_RETURN_STATES, filters.returns);
  const planId = rowId(filters.plan);
  const scope = annualReturnScope(actor);
  const where: Prisma.AnnualReturnWhereInput = { AND: [scope, status ? { status } : {}, planId ? { planId } : {}] };
  const count = () => db().annualReturn.count({ where });
  const page = pageNumber(filters.returnsPage);
  const [rows, total] = await Promise.all([
    db().annualReturn.findMany({
      where,
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      ...pageWindow(page, QUALITY_PAGE_SIZE),
      select: {
        id: true,
        year: true,
        dueOn: true,
        status: true,
        plan: { select: { programmeTitle: true, organisation: { select: { name: true } } } },
      },
    }),
    planId ? count() : listTotal("annual-returns", scope, status ?? "", count),
  ]);
  return pageResult(rows, total, page, QUALITY_PAGE_SIZE);
}

export async function listQualityReviews(actor: Actor, filters: QualityFilters = {}) {
  const scope = qualityReviewScope(actor);
  const mine = filters.assigned === "me";
  const where: Prisma.QualityReviewWhereInput = { AND: [scope, mine ? assignedTo(actor) : {}] };
  const count = () => db().qualityReview.count({ where });
  const page = pageNumber(filters.reviewsPage);
  const [rows, total] = await Promise.all([
    db().qualityReview.findMany({
      where,
      // Enum order puts planned and in-progress reviews (the work still to do) first.
      orderBy: [{ status: "asc" }, { scheduledOn: "asc" }, { id: "asc" }],
      ...pageWindow(page, QUALITY_PAGE_SIZE),
      select: {
        id: true,
        scheduledOn: true,
        status: true,
        outcome: true,
        plan: { select: { programmeTitle: true, organisation: { select: { name: true } } } },
      },
    }),
    mine ? count() : listTotal("quality-reviews", scope, "", count),
  ]);
  return pageResult(rows, total, page, QUALITY_PAGE_SIZE);
}

const ACTION_FILTERS = ["open", "responded", "overdue"] as const;

function actionFilter(value: (typeof ACTION_FILTERS)[number] | undefined, now: Date): Prisma.QualityActionWhereInput {
  switch (value) {
    case "open":
      return { status: "OPEN" };
    case "responded":
      return { status: "RESPONDED" };
    case "overdue":
      // Past the due day: the dates compare as dates, so an action is not overdue here on the day it is due.
      return { status: { not: "CLOSED" }, dueOn: { lt: now } };
    default:
      return {};
  }
}

/** `actionFilter` as SQL on the alias `a`, for the reviewer's reading below. */
function actionFilterSql(value: (typeof ACTION_FILTERS)[number] | undefined, now: Date): Prisma.Sql {
  switch (value) {
    case "open":
      return Prisma.sql`AND a.status = 'OPEN'`;
    case "responded":
      return Prisma.sql`AND a.status = 'RESPONDED'`;
    case "overdue":
      return Prisma.sql`AND a.status <> 'CLOSED' AND a."dueOn" < ${now}`;
    default:
      return Prisma.empty;
  }
}

/**
 * One page of the actions on the reviews `reviewerId` is on, and their count, read from their reviews outward. Read
 * like everyone else's list, PostgreSQL walked the list's index in order expecting a reviewer's actions to turn up
 * soon: for a reviewer on one review that was every action in the country (120,000 pages, about 130 ms a request).
 */
async function reviewerActionsPage(reviewerId: string, shown: (typeof ACTION_FILTERS)[number] | undefined, now: Date, page: number) {
  const from = Prisma.sql`FROM "QualityReviewer" r JOIN "QualityAction" a ON a."qualityReviewId" = r."qualityReviewId" ${actionFilterSql(shown, now)}
    WHERE r."reviewerId" = ${reviewerId}`;
  const { skip, take } = pageWindow(page, QUALITY_PAGE_SIZE);
  const [ids, [{ total }]] = await Promise.all([
    db().$queryRaw<{ id: string }[]>`SELECT a.id ${from} ORDER BY a.status, a."dueOn", a.id LIMIT ${take} OFFSET ${skip}`,
    db().$queryRaw<[{ total: number }]>`SELECT count(*)::int AS total ${from}`,
  ]);
  const rows = await rowsOfPage(ids, (page) => db().qualityAction.findMany({ where: { id: { in: page } }, select: ACTION_ROW }));
  return pageResult(rows, total, page, QUALITY_PAGE_SIZE);
}

const ACTION_ROW = {
  id: true,
  qualityReviewId: true,
  description: true,
  dueOn: true,
  status: true,
  organisation: { select: { name: true } },
} satisfies Prisma.QualityActionSelect;

export async function listQualityActions(actor: Actor, filters: QualityFilters = {}, now: Date = new Date()) {
  const findingId = rowId(filters.finding);
  const scope = qualityActionScope(actor);
  const mine = filters.assigned === "me";
  const shown = oneOf(ACTION_FILTERS, filters.actions);
  // A reviewer's own list, or a member of staff's "assigned to me": the actions of the reviews they are on.
  if (!findingId && (actor.role === "REVIEWER" || (mine && actor.role === "CENTRE_STAFF"))) {
    return reviewerActionsPage(actor.id, shown, now, pageNumber(filters.actionsPage));
  }
  const where: Prisma.QualityActionWhereInput = {
    AND: [scope, findingId ? { findingId } : {}, actionFilter(shown, now), mine ? { qualityReview: assignedTo(actor) } : {}],
  };
  const count = () => db().qualityAction.count({ where });
  const page = pageNumber(filters.actionsPage);
  const [rows, total] = await Promise.all([
    db().qualityAction.findMany({
      where,
      orderBy: [{ status: "asc" }, { dueOn: "asc" }, { id: "asc" }],
      ...pageWindow(page, QUALITY_PAGE_SIZE),
      select: ACTION_ROW,
    }),
    findingId || mine ? count() : listTotal("quality-actions", scope, shown ?? "", count),
  ]);
  return pageResult(rows, total, page, QUALITY_PAGE_SIZE);
}

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
  const [plans, planCount] = await Promise.all([
    db().deliveryPlan.findMany({
      where: planWhere,
      orderBy: [{ credential: { reference: "asc" } }, { programmeTitle: "asc" }, { id: "asc" }],
      take: CHOICE_LIMIT,
      select: planSelect,
    }),
    db().deliveryPlan.count({ where: planWhere }),
  ]);
  return { plan: null, plans: { options: plans, total: planCount, search: search.plans }, reviewers: { options: [], total: 0 } };
}
