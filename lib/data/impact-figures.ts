import "server-only";
import { unstable_cache } from "next/cache";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, readDb } from "@/lib/db";
import { keysetBatches } from "@/lib/data/keyset";
import { credentialScope, impactReturnScope } from "@/lib/data/scope";
import { LIST_PAGE_SIZE, pageNumber, pageResult, pageWindow } from "@/lib/data/paging";
import { CACHE_SECONDS } from "@/lib/data/catalogue";
import type { Actor } from "@/lib/workflow";

// Individual (one credential) and collective (portfolio) impact. Every figure is summed by the database over
// ACCEPTED returns only, within what the user may see; rates are then ratios of those sums.
//
// At national scale the sums read hundreds of thousands of rows, so the figures a page shows are cached per scope
// (Centre staff share one entry, each provider has its own, and so does each credential's individual page) under
// IMPACT_FIGURES_TAG. Only accepting a return adds to them (ACCEPTED is final), and renaming a profession relabels
// them: those actions expire the tag, and CACHE_SECONDS bounds what a change made elsewhere can leave stale.

/** Cache tag of the cached impact figures. */
export const IMPACT_FIGURES_TAG = "impact-figures";

/** The part of an actor the impact scopes read (impactReturnScope): their role and organisation. */
const scopeActor = (role: Actor["role"], organisationId: string | null): Actor => ({ id: "", role, organisationId });

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
  const totals = await readDb().impactReturn.aggregate({ where: acceptedWhere(actor, scope), _count: { _all: true }, _sum: SUMS });
  return { returns: totals._count._all, ...figuresOf(totals._sum) };
}

/** Trend: one row per period, oldest first ("2024/25" sorts before "2025/26"). */
export async function impactByPeriod(actor: Actor, scope: ImpactScope = {}) {
  const rows = await readDb().impactReturn.groupBy({
    by: ["period"],
    where: acceptedWhere(actor, scope),
    _count: { _all: true },
    _sum: SUMS,
    orderBy: { period: "asc" },
  });
  return rows.map((r) => ({ period: r.period, returns: r._count._all, ...figuresOf(r._sum) }));
}

/** Where the figures of rows recorded before the list, matching none of its professions, are totalled. */
export const NOT_ON_THE_LIST = "Not on the list";

/**
 * Figures by profession from the list, grouped by the database on the profession's id (never on text anyone typed),
 * in name order; rows recorded before the list that match none of it come last, totalled together.
 */
export async function impactByProfession(actor: Actor, scope: ImpactScope = {}) {
  const rows = await readDb().impactByProfession.groupBy({
    by: ["professionId"],
    where: { impactReturn: acceptedWhere(actor, scope) },
    _sum: { enrolled: true, completed: true, deployed: true },
  });
  const ids = rows.flatMap((r) => (r.professionId ? [r.professionId] : []));
  const names = new Map(
    (await readDb().profession.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]),
  );
  const named = rows
    .flatMap((r) =>
      r.professionId ? [{ professionId: r.professionId, profession: names.get(r.professionId) ?? "", ...figuresOf(r._sum) }] : [],
    )
    .sort((a, b) => a.profession.localeCompare(b.profession));
  const unlisted = rows.find((r) => r.professionId === null);
  return unlisted ? [...named, { professionId: null, profession: NOT_ON_THE_LIST, ...figuresOf(unlisted._sum) }] : named;
}

type CredentialRef = { id: string; reference: string; title: string };

/** Credentials with accepted returns the user may see. */
const withImpact = (actor: Actor): Prisma.CredentialWhereInput => ({ impactReturns: { some: acceptedWhere(actor, {}) } });

/** The summed figures of each of these credentials (one grouped query, whatever their number of returns). */
async function withSums(actor: Actor, credentials: CredentialRef[]) {
  if (credentials.length === 0) return [];
  const sums = await readDb().impactReturn.groupBy({
    by: ["credentialId"],
    where: { AND: [acceptedWhere(actor, {}), { credentialId: { in: credentials.map((c) => c.id) } }] },
    _count: { _all: true },
    _sum: SUMS,
  });
  const byId = new Map(sums.map((r) => [r.credentialId, r]));
  return credentials.map((credential) => {
    const r = byId.get(credential.id);
    return { credential, returns: r?._count._all ?? 0, ...figuresOf(r?._sum ?? {}) };
  });
}

/**
 * The portfolio for the CSV download, one row per credential in reference order, `size` credentials at a time:
 * each batch seeks past the last reference, then sums only that batch's returns — two queries per batch.
 */
export function impactByCredentialBatches(actor: Actor, size: number) {
  type Row = { credential: CredentialRef; returns: number } & Figures;
  return keysetBatches<Row>(async (last, take) => {
    const credentials = await readDb().credential.findMany({
      where: last ? { AND: [withImpact(actor), { reference: { gt: last.credential.reference } }] } : withImpact(actor),
      orderBy: { reference: "asc" },
      take,
      select: { id: true, reference: true, title: true },
    });
    return withSums(actor, credentials);
  }, size);
}

/** The number of credentials `impactByCredentialBatches` yields. */
export const countCredentialsWithImpact = (actor: Actor) => readDb().credential.count({ where: withImpact(actor) });

const cachedCredentialCount = unstable_cache(
  (role: Actor["role"], organisationId: string | null) => countCredentialsWithImpact(scopeActor(role, organisationId)),
  ["impact-credential-count"],
  { tags: [IMPACT_FIGURES_TAG], revalidate: CACHE_SECONDS },
);

export const BY_CREDENTIAL_PAGE_SIZE = LIST_PAGE_SIZE;

/**
 * One page of the portfolio by credential (`?credentialsPage=`), in reference order: the page's credentials
 * among those with accepted returns the user may see, their count, and the sums for that page only.
 */
export async function impactByCredentialPage(actor: Actor, credentialsPage?: string) {
  const page = pageNumber(credentialsPage);
  const [credentials, total] = await Promise.all([
    readDb().credential.findMany({
      where: withImpact(actor),
      orderBy: [{ reference: "asc" }, { id: "asc" }],
      ...pageWindow(page, BY_CREDENTIAL_PAGE_SIZE),
      select: { id: true, reference: true, title: true },
    }),
    cachedCredentialCount(actor.role, actor.organisationId),
  ]);
  return pageResult(await withSums(actor, credentials), total, page, BY_CREDENTIAL_PAGE_SIZE);
}

async function readFigures(actor: Actor, scope: ImpactScope) {
  const [totals, byPeriod, byProfession] = await Promise.all([
    impactTotals(actor, scope),
    impactByPeriod(actor, scope),
    impactByProfession(actor, scope),
  ]);
  return { totals, byPeriod, byProfession };
}

const cachedFigures = unstable_cache(
  (role: Actor["role"], organisationId: string | null, credentialId: string | null) =>
    readFigures(scopeActor(role, organisationId), credentialId ? { credentialId } : {}),
  ["impact-figures"],
  { tags: [IMPACT_FIGURES_TAG], revalidate: CACHE_SECONDS },
);

/** Everything the individual or portfolio page shows: read in parallel, then cached for the actor's scope. */
export function impactFigures(actor: Actor, scope: ImpactScope = {}) {
  return cachedFigures(actor.role, actor.organisationId, scope.credentialId ?? null);
}

/** The credential an individual impact page is about, if the user may see it. */
export function impactCredential(actor: Actor, id: string) {
  return db().credential.findFirst({
    where: { AND: [{ id }, credentialScope(actor)] },
    select: { id: true, reference: true, title: true, status: true },
  });
}
