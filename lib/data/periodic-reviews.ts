import "server-only";
import { LIST_PAGE_SIZE, oneOf, pageNumber, pageResult, pageWindow } from "@/lib/data/paging";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { periodicReviewScope } from "@/lib/data/scope";
import { PERIODIC_REVIEW_STATES, type Actor } from "@/lib/workflow";

// Periodic reviews of endorsed credentials' currency: a Centre staff list.

export type PeriodicReviewFilters = { status?: string; page?: string };

export const PERIODIC_REVIEWS_PAGE_SIZE = LIST_PAGE_SIZE;

export async function listPeriodicReviews(actor: Actor, filters: PeriodicReviewFilters = {}) {
  const status = oneOf(PERIODIC_REVIEW_STATES, filters.status);
  const where: Prisma.PeriodicReviewWhereInput = { AND: [periodicReviewScope(actor), status ? { status } : {}] };
  const page = pageNumber(filters.page);
  const [rows, total] = await Promise.all([
    db().periodicReview.findMany({
      where,
      // Enum order puts scheduled and in-progress reviews first, the soonest due at the top.
      orderBy: [{ status: "asc" }, { dueAt: "asc" }, { id: "asc" }],
      ...pageWindow(page, PERIODIC_REVIEWS_PAGE_SIZE),
      select: {
        id: true,
        dueAt: true,
        status: true,
        outcome: true,
        credential: { select: { id: true, reference: true, title: true } },
      },
    }),
    db().periodicReview.count({ where }),
  ]);
  return pageResult(rows, total, page, PERIODIC_REVIEWS_PAGE_SIZE);
}

/** One periodic review for its page: the credential, the currency checks recorded (with who recorded them). */
export async function getPeriodicReview(actor: Actor, id: string) {
  const review = await db().periodicReview.findFirst({
    where: { AND: [{ id }, periodicReviewScope(actor)] },
    select: {
      id: true,
      status: true,
      version: true,
      dueAt: true,
      outcome: true,
      rationale: true,
      concludedAt: true,
      createdAt: true,
      credential: {
        select: {
          id: true,
          reference: true,
          title: true,
          status: true,
          endorsedAt: true,
          reviewDueAt: true,
          withdrawnAt: true,
          ownerOrganisation: { select: { name: true } },
          endorsedVersion: { select: { number: true } },
        },
      },
      checks: { select: { kind: true, finding: true, changeNeeded: true, recordedById: true, recordedAt: true } },
    },
  });
  if (!review) return null;
  const recorders = await db().user.findMany({
    where: { id: { in: review.checks.map((c) => c.recordedById) } },
    select: { id: true, name: true },
  });
  const names = new Map(recorders.map((u) => [u.id, u.name]));
  return {
    ...review,
    checks: review.checks.map((c) => ({ ...c, recordedBy: names.get(c.recordedById) ?? "Unknown user" })),
  };
}

export type PeriodicReviewDetail = NonNullable<Awaited<ReturnType<typeof getPeriodicReview>>>;
