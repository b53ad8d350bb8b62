import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { deliveryPlanScope } from "@/lib/data/scope";
import { DELIVERY_PLAN_STATES, type Actor, type DeliveryPlanStatus } from "@/lib/workflow";

// Delivery plans: staff see every provider's, providers their own organisation's.

export type DeliveryPlanFilters = { status?: string; page?: string };

export const DELIVERY_PLANS_PAGE_SIZE = 50;
const pageNumber = (v?: string) => Math.max(1, Number.parseInt(v ?? "", 10) || 1);

/**
 * The dashboards' grouped filters: "submitted" is everything awaiting the Centre (in review included), "draft" is
 * everything back with the provider (changes requested included). Any other state filters exactly.
 */
const STATUS_GROUPS: Partial<Record<DeliveryPlanStatus, DeliveryPlanStatus[]>> = {
  SUBMITTED: ["SUBMITTED", "IN_REVIEW"],
  DRAFT: ["DRAFT", "CHANGES_REQUESTED"],
};

function statusesFor(value?: string): DeliveryPlanStatus[] | undefined {
  const status = DELIVERY_PLAN_STATES.find((s) => s === value);
  return status ? (STATUS_GROUPS[status] ?? [status]) : undefined;
}

export async function listDeliveryPlans(actor: Actor, filters: DeliveryPlanFilters = {}) {
  const statuses = statusesFor(filters.status);
  const where: Prisma.DeliveryPlanWhereInput = { AND: [deliveryPlanScope(actor), statuses ? { status: { in: statuses } } : {}] };
  const page = pageNumber(filters.page);
  const [rows, total] = await Promise.all([
    db().deliveryPlan.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * DELIVERY_PLANS_PAGE_SIZE,
      take: DELIVERY_PLANS_PAGE_SIZE,
      select: {
        id: true, programmeTitle: true, status: true, flaggedAt: true, flagReason: true,
        organisation: { select: { name: true } },
        credential: { select: { id: true, reference: true, title: true } },
      },
    }),
    db().deliveryPlan.count({ where }),
  ]);
  return { rows, total, page, pageCount: Math.ceil(total / DELIVERY_PLANS_PAGE_SIZE) };
}
