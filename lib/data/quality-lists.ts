import "server-only";
import { LIST_PAGE_SIZE, oneOf, pageNumber, pageResult, pageWindow, rowId, rowsOfPage } from "@/lib/data/paging";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { listTotal } from "@/lib/data/totals";
import { annualReturnScope, qualityActionScope, qualityReviewScope } from "@/lib/data/scope";
import { ANNUAL_RETURN_STATES, type Actor } from "@/lib/workflow";

// The quality page's three lists: annual returns, quality reviews and the actions their findings raise. Each is one
// page plus a count, whatever the number of rows; a provider's and a reviewer's are read from what they own outward.

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
