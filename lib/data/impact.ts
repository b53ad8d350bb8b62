import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { impactReturnScope } from "@/lib/data/scope";
import { IMPACT_RETURN_STATES, type Actor, type ImpactReturnStatus } from "@/lib/workflow";

// Impact returns: providers' figures per delivery and period; staff see them all and the portfolio totals.

export type ImpactFilters = { status?: string; page?: string };

export const IMPACT_PAGE_SIZE = 50;
const pageNumber = (v?: string) => Math.max(1, Number.parseInt(v ?? "", 10) || 1);

/** "Draft" on the provider's dashboard means every return still with the provider, queried ones included. */
function statusesFor(value?: string): ImpactReturnStatus[] | undefined {
  const status = IMPACT_RETURN_STATES.find((s) => s === value);
  if (!status) return undefined;
  return status === "DRAFT" ? ["DRAFT", "QUERIED"] : [status];
}

export async function listImpactReturns(actor: Actor, filters: ImpactFilters = {}) {
  const statuses = statusesFor(filters.status);
  const where: Prisma.ImpactReturnWhereInput = { AND: [impactReturnScope(actor), statuses ? { status: { in: statuses } } : {}] };
  const page = pageNumber(filters.page);
  const [rows, total] = await Promise.all([
    db().impactReturn.findMany({
      where,
      orderBy: [{ period: "desc" }, { credential: { reference: "asc" } }, { id: "asc" }],
      skip: (page - 1) * IMPACT_PAGE_SIZE,
      take: IMPACT_PAGE_SIZE,
      select: {
        id: true, period: true, enrolled: true, completed: true, withdrawn: true, deployed: true, status: true,
        credential: { select: { id: true, reference: true, title: true } },
        organisation: { select: { name: true } },
      },
    }),
    db().impactReturn.count({ where }),
  ]);
  return { rows, total, page, pageCount: Math.ceil(total / IMPACT_PAGE_SIZE) };
}

/** Sums over accepted returns, done by the database in one query; completion rate is completed ÷ enrolled. */
export async function acceptedImpactTotals(actor: Actor) {
  const totals = await db().impactReturn.aggregate({
    where: { AND: [impactReturnScope(actor), { status: "ACCEPTED" }] },
    _count: { _all: true },
    _sum: { enrolled: true, completed: true, deployed: true },
  });
  const enrolled = totals._sum.enrolled ?? 0;
  const completed = totals._sum.completed ?? 0;
  return {
    returns: totals._count._all,
    enrolled,
    completed,
    deployed: totals._sum.deployed ?? 0,
    completionRate: enrolled > 0 ? completed / enrolled : null,
  };
}
