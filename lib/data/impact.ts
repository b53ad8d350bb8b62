import "server-only";
import { keysetBatches } from "@/lib/data/keyset";
import { LIST_PAGE_SIZE, oneOf, pageNumber, pageResult, pageWindow } from "@/lib/data/paging";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, readDb } from "@/lib/db";
import { impactReturnScope } from "@/lib/data/scope";
import { listTotal } from "@/lib/data/totals";
import { IMPACT_RETURN_STATES, type Actor, type ImpactReturnStatus } from "@/lib/workflow";

// Impact returns: providers' figures per delivery and period; staff see them all and the portfolio totals.

export type ImpactFilters = { status?: string; page?: string };

export const IMPACT_PAGE_SIZE = LIST_PAGE_SIZE;
/** Rows per query when a CSV download streams every return. */
export const IMPACT_EXPORT_BATCH = 500;

/** "Draft" on the provider's dashboard means every return still with the provider, queried ones included. */
function statusesFor(value?: string): ImpactReturnStatus[] | undefined {
  const status = oneOf(IMPACT_RETURN_STATES, value);
  if (!status) return undefined;
  return status === "DRAFT" ? ["DRAFT", "QUERIED"] : [status];
}

function returnsWhere(actor: Actor, filters: ImpactFilters): Prisma.ImpactReturnWhereInput {
  const statuses = statusesFor(filters.status);
  return { AND: [impactReturnScope(actor), statuses ? { status: { in: statuses } } : {}] };
}

const RETURN_ROW = {
  id: true,
  period: true,
  enrolled: true,
  completed: true,
  withdrawn: true,
  deployed: true,
  status: true,
  credential: { select: { id: true, reference: true, title: true } },
  organisation: { select: { name: true } },
} satisfies Prisma.ImpactReturnSelect;

const RETURN_ORDER: Prisma.ImpactReturnOrderByWithRelationInput[] = [{ period: "desc" }, { credentialReference: "asc" }, { id: "asc" }];

export async function listImpactReturns(actor: Actor, filters: ImpactFilters = {}) {
  const where = returnsWhere(actor, filters);
  const page = pageNumber(filters.page);
  const [rows, total] = await Promise.all([
    db().impactReturn.findMany({ where, orderBy: RETURN_ORDER, ...pageWindow(page, IMPACT_PAGE_SIZE), select: RETURN_ROW }),
    listTotal("impact-returns", impactReturnScope(actor), statusesFor(filters.status)?.join() ?? "", () =>
      db().impactReturn.count({ where }),
    ),
  ]);
  return pageResult(rows, total, page, IMPACT_PAGE_SIZE);
}

type ReturnRow = Prisma.ImpactReturnGetPayload<{ select: typeof RETURN_ROW }>;

/**
 * Every return matching the filters (for the CSV download), newest period first, read a batch at a time: each batch
 * seeks past the last row of the one before on (period, id), so no batch costs more than the first.
 */
export function impactReturnBatches(actor: Actor, filters: ImpactFilters = {}, size = IMPACT_EXPORT_BATCH) {
  const where = returnsWhere(actor, filters);
  return keysetBatches<ReturnRow>(
    (last, take) =>
      readDb().impactReturn.findMany({
        where: last ? { AND: [where, { OR: [{ period: { lt: last.period } }, { period: last.period, id: { gt: last.id } }] }] } : where,
        orderBy: [{ period: "desc" }, { id: "asc" }],
        take,
        select: RETURN_ROW,
      }),
    size,
  );
}

export const countImpactReturns = (actor: Actor, filters: ImpactFilters = {}) =>
  readDb().impactReturn.count({ where: returnsWhere(actor, filters) });
