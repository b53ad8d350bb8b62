import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { credentialScope, impactReturnScope } from "@/lib/data/scope";
import { pageNumber, pageResult, pageWindow } from "@/lib/data/paging";
import type { Actor } from "@/lib/workflow";

// Individual (one credential) and collective (portfolio) impact. Every figure is summed by the database over
// ACCEPTED returns only, within what the user may see; rates are then ratios of those sums.

export type ImpactScope = { credentialId?: string };

type Sums = { enrolled?: number | null; completed?: number | null; withdrawn?: number | null; deployed?: number | null };

export type Figures = {
  enrolled: number;
  completed: number;
  withdrawn: number | null;
  deployed: number;
  /** completed ÷ enrolled */
  completionRate: number | null;
  /** deployed in advanced-practice roles ÷ completed */
  deploymentRate: number | null;
};

export function figuresOf(sum: Sums): Figures {
  const enrolled = sum.enrolled ?? 0;
  const completed = sum.completed ?? 0;
  const deployed = sum.deployed ?? 0;
  return {
    enrolled,
    completed,
    withdrawn: sum.withdrawn === undefined ? null : (sum.withdrawn ?? 0),
    deployed,
    completionRate: enrolled > 0 ? completed / enrolled : null,
    deploymentRate: completed > 0 ? deployed / completed : null,
  };
}

function acceptedWhere(actor: Actor, scope: ImpactScope): Prisma.ImpactReturnWhereInput {
  return { AND: [impactReturnScope(actor), { status: "ACCEPTED" }, scope.credentialId ? { credentialId: scope.credentialId } : {}] };
}

const SUMS = { enrolled: true, completed: true, withdrawn: true, deployed: true } as const;

export async function impactTotals(actor: Actor, scope: ImpactScope = {}) {
  const totals = await db().impactReturn.aggregate({ where: acceptedWhere(actor, scope), _count: { _all: true }, _sum: SUMS });
  return { returns: totals._count._all, ...figuresOf(totals._sum) };
}

/** Trend: one row per period, oldest first ("2024/25" sorts before "2025/26"). */
export async function impactByPeriod(actor: Actor, scope: ImpactScope = {}) {
  const rows = await db().impactReturn.groupBy({
    by: ["period"], where: acceptedWhere(actor, scope), _count: { _all: true }, _sum: SUMS, orderBy: { period: "asc" },
  });
  return rows.map((r) => ({ period: r.period, returns: r._count._all, ...figuresOf(r._sum) }));
}

export async function impactByProfession(actor: Actor, scope: ImpactScope = {}) {
  const rows = await db().impactByProfession.groupBy({
    by: ["profession"],
    where: { impactReturn: acceptedWhere(actor, scope) },
    _sum: { enrolled: true, completed: true, deployed: true },
    orderBy: { profession: "asc" },
  });
  return rows.map((r) => ({ profession: r.profession, ...figuresOf(r._sum) }));
}

/** The portfolio, one row per credential. */
export async function impactByCredential(actor: Actor) {
  const rows = await db().impactReturn.groupBy({
    by: ["credentialId"], where: acceptedWhere(actor, {}), _count: { _all: true }, _sum: SUMS,
  });
  const credentials = await db().credential.findMany({
    where: { id: { in: rows.map((r) => r.credentialId) } },
    select: { id: true, reference: true, title: true },
  });
  const byId = new Map(credentials.map((c) => [c.id, c]));
  return rows
    .map((r) => ({ credential: byId.get(r.credentialId)!, returns: r._count._all, ...figuresOf(r._sum) }))
    .sort((a, b) => a.credential.reference.localeCompare(b.credential.reference));
}

export const BY_CREDENTIAL_PAGE_SIZE = 25;

/**
 * One page of the portfolio by credential (`?credentialsPage=`), in reference order: the page's credentials
 * among those with accepted returns the user may see, their count, and the sums for that page only.
 */
export async function impactByCredentialPage(actor: Actor, credentialsPage?: string) {
  const where: Prisma.CredentialWhereInput = { impactReturns: { some: acceptedWhere(actor, {}) } };
  const page = pageNumber(credentialsPage);
  const [credentials, total] = await Promise.all([
    db().credential.findMany({
      where, orderBy: [{ reference: "asc" }, { id: "asc" }], ...pageWindow(page, BY_CREDENTIAL_PAGE_SIZE),
      select: { id: true, reference: true, title: true },
    }),
    db().credential.count({ where }),
  ]);
  const sums = await db().impactReturn.groupBy({
    by: ["credentialId"],
    where: { AND: [acceptedWhere(actor, {}), { credentialId: { in: credentials.map((c) => c.id) } }] },
    _count: { _all: true }, _sum: SUMS,
  });
  const byId = new Map(sums.map((r) => [r.credentialId, r]));
  const rows = credentials.map((credential) => {
    const r = byId.get(credential.id);
    return { credential, returns: r?._count._all ?? 0, ...figuresOf(r?._sum ?? {}) };
  });
  return pageResult(rows, total, page, BY_CREDENTIAL_PAGE_SIZE);
}

/** Everything the individual or portfolio page shows, in parallel. */
export async function impactFigures(actor: Actor, scope: ImpactScope = {}) {
  const [totals, byPeriod, byProfession] = await Promise.all([
    impactTotals(actor, scope),
    impactByPeriod(actor, scope),
    impactByProfession(actor, scope),
  ]);
  return { totals, byPeriod, byProfession };
}

/** The credential an individual impact page is about, if the user may see it. */
export function impactCredential(actor: Actor, id: string) {
  return db().credential.findFirst({
    where: { AND: [{ id }, credentialScope(actor)] },
    select: { id: true, reference: true, title: true, status: true },
  });
}
