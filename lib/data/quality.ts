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

/**
 * One page of a list whose rows a person reaches through what they own (a provider's plans, a reviewer's reviews), read
 * from those outward: `from` is the list's FROM and WHERE with the listed table as `a`, `order` its whole order. Read
 * as the national list is, through its index in order with each row checked against the owner, PostgreSQL expects the
 * owner's rows to turn up soon, and for an owner with few reads most of the country's: a reviewer on one review, every
 * action (120,000 pages, 130 ms a request); a provider's open returns, 48,000 pages and 68 ms. Each `from` joins the
 * listed rows to the owner's as a LATERAL subquery with OFFSET 0, which PostgreSQL cannot turn back into the walk: it
 * reads the owner's rows alone (a provider's few hundred returns) and sorts them. The page's ids and the count, then
 * the page's rows by `read`.
 */
async function pageThroughOwner<T extends { id: string }>(
  from: Prisma.Sql,
  order: Prisma.Sql,
  page: number,
  read: (ids: string[]) => Promise<T[]>,
) {
  const { skip, take } = pageWindow(page, QUALITY_PAGE_SIZE);
  const [ids, [{ total }]] = await Promise.all([
    db().$queryRaw<{ id: string }[]>`SELECT a.id ${from} ORDER BY ${order} LIMIT ${take} OFFSET ${skip}`,
    db().$queryRaw<[{ total: number }]>`SELECT count(*)::int AS total ${from}`,
  ]);
  return pageResult(await rowsOfPage(ids, read), total, page, QUALITY_PAGE_SIZE);
}

/** The reviews `actor` is on, when the list is theirs (a reviewer's own, or staff's "assigned to me"), else null. */
const reviewerOf = (actor: Actor, mine: boolean) =>
  actor.role === "REVIEWER" || (mine && actor.role === "CENTRE_STAFF") ? actor.id : null;
/** The provider whose plans the list is reached through, else null. */
const providerOf = (actor: Actor) => (actor.role === "PROVIDER" && actor.organisationId ? actor.organisationId : null);

const PLAN_NAME = { select: { programmeTitle: true, organisation: { select: { name: true } } } } as const;
const RETURN_ROW = { id: true, year: true, dueOn: true, status: true, plan: PLAN_NAME } satisfies Prisma.AnnualReturnSelect;
/** A review's id and the keys of the list's order, as `pageThroughOwner`'s `from` reads them. */
const REVIEW_KEYS = Prisma.sql`SELECT a.id, a.status, a."scheduledOn" FROM "QualityReview" a`;
const REVIEW_ROW = { id: true, scheduledOn: true, status: true, outcome: true, plan: PLAN_NAME } satisfies Prisma.QualityReviewSelect;

export async function listAnnualReturns(actor: Actor, filters: QualityFilters = {}) {
  const status = oneOf(ANNUAL_RETURN_STATES, filters.returns);
  const planId = rowId(filters.plan);
  const page = pageNumber(filters.returnsPage);
  const provider = providerOf(actor);
  if (provider && !planId) {
    return pageThroughOwner(
      Prisma.sql`FROM "DeliveryPlan" p CROSS JOIN LATERAL (SELECT a.id, a."dueOn" FROM "AnnualReturn" a WHERE a."planId" = p.id
          ${status ? Prisma.sql`AND a.status = ${status}::"AnnualReturnStatus"` : Prisma.empty} OFFSET 0) a
        WHERE p."organisationId" = ${provider}`,
      Prisma.sql`a."dueOn", a.id`,
      page,
      (ids) => db().annualReturn.findMany({ where: { id: { in: ids } }, select: RETURN_ROW }),
    );
  }
  const scope = annualReturnScope(actor);
  const where: Prisma.AnnualReturnWhereInput = { AND: [scope, status ? { status } : {}, planId ? { planId } : {}] };
  const count = () => db().annualReturn.count({ where });
  const [rows, total] = await Promise.all([
    db().annualReturn.findMany({
      where,
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      ...pageWindow(page, QUALITY_PAGE_SIZE),
      select: RETURN_ROW,
    }),
    planId ? count() : listTotal("annual-returns", scope, status ?? "", count),
  ]);
  return pageResult(rows, total, page, QUALITY_PAGE_SIZE);
}

export async function listQualityReviews(actor: Actor, filters: QualityFilters = {}) {
  const mine = filters.assigned === "me";
  const page = pageNumber(filters.reviewsPage);
  // Enum order puts planned and in-progress reviews (the work still to do) first.
  const order = Prisma.sql`a.status, a."scheduledOn", a.id`;
  const read = (ids: string[]) => db().qualityReview.findMany({ where: { id: { in: ids } }, select: REVIEW_ROW });
  const reviewer = reviewerOf(actor, mine);
  if (reviewer) {
    const from = Prisma.sql`FROM "QualityReviewer" r CROSS JOIN LATERAL (${REVIEW_KEYS} WHERE a.id = r."qualityReviewId" OFFSET 0) a
      WHERE r."reviewerId" = ${reviewer}`;
    return pageThroughOwner(from, order, page, read);
  }
  const provider = providerOf(actor);
  if (provider && !mine) {
    const from = Prisma.sql`FROM "DeliveryPlan" p CROSS JOIN LATERAL (${REVIEW_KEYS} WHERE a."planId" = p.id OFFSET 0) a
      WHERE p."organisationId" = ${provider}`;
    return pageThroughOwner(from, order, page, read);
  }
  const scope = qualityReviewScope(actor);
  const where: Prisma.QualityReviewWhereInput = { AND: [scope, mine ? assignedTo(actor) : {}] };
  const count = () => db().qualityReview.count({ where });
  const [rows, total] = await Promise.all([
    db().qualityReview.findMany({
      where,
      orderBy: [{ status: "asc" }, { scheduledOn: "asc" }, { id: "asc" }],
      ...pageWindow(page, QUALITY_PAGE_SIZE),
      select: REVIEW_ROW,
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

/** `actionFilter` as SQL on the listed actions `a`, for a reviewer's list read through their reviews. */
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
  const reviewer = reviewerOf(actor, mine);
  if (reviewer && !findingId) {
    return pageThroughOwner(
      Prisma.sql`FROM "QualityReviewer" r CROSS JOIN LATERAL (SELECT a.id, a.status, a."dueOn" FROM "QualityAction" a
          WHERE a."qualityReviewId" = r."qualityReviewId" ${actionFilterSql(shown, now)} OFFSET 0) a
        WHERE r."reviewerId" = ${reviewer}`,
      Prisma.sql`a.status, a."dueOn", a.id`,
      pageNumber(filters.actionsPage),
      (ids) => db().qualityAction.findMany({ where: { id: { in: ids } }, select: ACTION_ROW }),
    );
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
