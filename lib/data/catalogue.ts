import "server-only";
import { unstable_cache } from "next/cache";
import { z } from "zod";
import { db, readDb } from "@/lib/db";
import { decodeCursor, encodeCursor, keysetBatches, type Cursor } from "@/lib/data/keyset";
import { likeLiteral } from "@/lib/data/paging";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DATE_RANGE, hasControlCharacters, ID_PATTERN } from "@/lib/validation/common";
import { CREDENTIAL_ORIGINS, PILLARS } from "@/lib/workflow";

// The public catalogue: published credentials that are endorsed for delivery. No sign-in, so anyone on the internet
// can ask for any page: every read here costs what one screen shows, however many credentials there are.

const listed: Prisma.CredentialWhereInput = {
  publishedAt: { not: null },
  status: { in: ["ENDORSED", "UNDER_PERIODIC_REVIEW", "REVISION_REQUIRED"] },
};

export const CATALOGUE_PAGE_SIZE = 20;
/**
 * The count stops here: counting every match of a search is a scan that grows with the data, counting up to this
 * many is not. Past it the page says "more than 1,000" and gives no page count — nobody pages that far; they search.
 */
export const CATALOGUE_COUNT_CAP = 1000;
export const CATALOGUE_SORTS = ["reference", "title", "newest"] as const;
export type CatalogueSort = (typeof CATALOGUE_SORTS)[number];

/** Cache tag of every cached catalogue read; a change to one credential's public data also invalidates its own tag. */
export const CATALOGUE_TAG = "catalogue";
export const credentialTag = (reference: string) => `catalogue:${reference}`;
/** A backstop for changes made outside a server action (the job worker starts periodic reviews): data is at most this old. */
export const CACHE_SECONDS = 600;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** Unknown or malformed values are ignored (the catalogue as if they were absent), never an error. */
const param = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.optional()).catch(undefined);

export const catalogueQuerySchema = z.object({
  q: param(
    z
      .string()
      .trim()
      .max(200)
      // A control character (a NUL byte, a line break that would run from the title into the reference) can only
      // be crafted: such a search is ignored like any malformed value.
      .refine((s) => !hasControlCharacters(s, false))
      .transform((s) => s || undefined),
  ),
  origin: param(z.enum(CREDENTIAL_ORIGINS)),
  pillar: param(z.enum(PILLARS)),
  /** A core capability's number ("1.4"); one the current framework edition does not have is ignored. */
  capability: param(z.string().regex(/^\d{1,2}\.\d{1,2}$/)),
  /** A profession's id on the Centre's list; one not on it is ignored. */
  profession: param(z.string().regex(ID_PATTERN)),
  sort: z.preprocess(first, z.enum(CATALOGUE_SORTS)).catch("reference"),
  after: param(z.string().max(1000)),
  before: param(z.string().max(1000)),
  /** Only a label ("Page 3 of 40"): the cursor, not this, says where the page starts. */
  page: z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000)).catch(1),
});
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

/** The core capabilities one can filter by: the current framework edition's, in its order. */
export const catalogueCapabilities = unstable_cache(
  () =>
    db().coreCapability.findMany({
      where: { edition: { isCurrent: true } },
      orderBy: { position: "asc" },
      select: { number: true, pillar: true, summary: true },
    }),
  ["catalogue-capabilities"],
  { tags: [CATALOGUE_TAG], revalidate: CACHE_SECONDS },
);

/**
 * The professions one can filter by: those on the list that a listed credential's endorsed specification names (a
 * retired one too, while a credential still names it), by name.
 */
export const catalogueProfessions = unstable_cache(
  () =>
    db().profession.findMany({
      where: { targetOf: { some: { specificationVersion: { endorsedFor: listed } } } },
      orderBy: { name: "asc" },
      take: 200,
      select: { id: true, name: true },
    }),
  ["catalogue-professions"],
  { tags: [CATALOGUE_TAG], revalidate: CACHE_SECONDS },
);

/**
 * The URL's query, validated; a capability the current edition does not have, or a profession no listed credential
 * names, is dropped like any unknown value.
 */
export async function catalogueQuery(input: unknown): Promise<CatalogueQuery> {
  const query = catalogueQuerySchema.parse(input ?? {});
  const [capabilities, professions] = await Promise.all([
    query.capability ? catalogueCapabilities() : null,
    query.profession ? catalogueProfessions() : null,
  ]);
  return {
    ...query,
    capability: capabilities && !capabilities.some((c) => c.number === query.capability) ? undefined : query.capability,
    profession: professions && !professions.some((p) => p.id === query.profession) ? undefined : query.profession,
  };
}

/** What one card shows, and nothing more. */
const CARD = {
  id: true,
  reference: true,
  title: true,
  summary: true,
  endorsedAt: true,
  ownerOrganisation: { select: { name: true } },
  endorsedVersion: { select: { academicLevel: true, credits: true } },
} satisfies Prisma.CredentialSelect;
type CardRow = Prisma.CredentialGetPayload<{ select: typeof CARD }>;

/** Dates as ISO strings: the same shape whether read fresh or from the cache (which stores JSON). */
const toCard = ({ ownerOrganisation, endorsedVersion, endorsedAt, ...c }: CardRow) => ({
  ...c,
  endorsedAt: endorsedAt?.toISOString() ?? null,
  expertGroup: ownerOrganisation.name,
  academicLevel: endorsedVersion?.academicLevel ?? null,
  credits: endorsedVersion?.credits ?? null,
});
export type CatalogueCard = ReturnType<typeof toCard>;

/**
 * What the search matches: `searchText` is a credential's title, reference and summary with ASCII letters lower-cased
 * (a generated column: lower(… COLLATE "C")), so the phrase is lower-cased the same way and matched as it is.
 */
const lowerAscii = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

type Filters = Pick<CatalogueQuery, "q" | "origin" | "pillar" | "capability" | "profession">;

function filterWhere({ q, origin, pillar, capability, profession }: Filters): Prisma.CredentialWhereInput {
  const outcomes: Prisma.LearningOutcomeWhereInput[] = [
    // An outcome is in a pillar when its authors put it there or it meets a core capability of that pillar.
    ...(pillar ? [{ OR: [{ pillars: { has: pillar } }, { capabilities: { some: { coreCapability: { pillar } } } }] }] : []),
    ...(capability ? [{ capabilities: { some: { coreCapability: { number: capability } } } }] : []),
  ];
  const version: Prisma.CredentialWhereInput[] = [
    ...outcomes.map((o) => ({ endorsedVersion: { learningOutcomes: { some: o } } })),
    ...(profession ? [{ endorsedVersion: { targetProfessions: { some: { professionId: profession } } } }] : []),
  ];
  return {
    ...listed,
    ...(version.length > 0 ? { AND: version } : {}),
    ...(q ? { searchText: { contains: likeLiteral(lowerAscii(q)) } } : {}),
    ...(origin ? { origin } : {}),
  };
}

/** Each sort: its order (id breaks ties, so the order is total) and how to seek past a row in it. */
const SORTS: Record<
  CatalogueSort,
  {
    order: (dir: Prisma.SortOrder) => Prisma.CredentialOrderByWithRelationInput[];
    /** Ascending (false) or descending (true) on the key. */
    descending: boolean;
    keyOf: (row: { reference: string; title: string; endorsedAt: Date | null; id: string }) => string | null;
    /** Rows after the cursor in the order `dir`. */
    seek: (c: Cursor, dir: Prisma.SortOrder) => Prisma.CredentialWhereInput | undefined;
  }
> = {
  reference: {
    // A reference is unique, so it alone is a total order (one its unique index holds) and the cursor's id is not needed.
    order: (dir) => [{ reference: dir }],
    descending: false,
    keyOf: (r) => r.reference,
    seek: (c, dir) => (c.key === null ? undefined : { reference: beyond(dir, c.key) }),
  },
  title: {
    order: (dir) => [{ title: dir }, { id: dir }],
    descending: false,
    keyOf: (r) => r.title,
    seek: (c, dir) =>
      c.key === null
        ? undefined
        : { title: from(dir, c.key), OR: [{ title: beyond(dir, c.key) }, { title: c.key, id: beyond(dir, c.id) }] },
  },
  newest: {
    // PostgreSQL sorts NULL first in descending order (and matches the index); a listed credential always has a date.
    order: (dir) => [{ endorsedAt: dir }, { id: dir }],
    descending: true,
    keyOf: (r) => r.endorsedAt?.toISOString() ?? null,
    seek: (c, dir) => {
      if (c.key === null) {
        return dir === "desc"
          ? { OR: [{ endorsedAt: null, id: { lt: c.id } }, { endorsedAt: { not: null } }] }
          : { endorsedAt: null, id: { gt: c.id } };
      }
      const at = new Date(c.key);
      // No listed credential was endorsed outside the service's range of dates: such a cursor was made up (and one
      // beyond PostgreSQL's range of timestamps would make the query fail).
      if (Number.isNaN(at.getTime()) || at.getUTCFullYear() < DATE_RANGE.from || at.getUTCFullYear() > DATE_RANGE.to) return undefined;
      const past = { OR: [{ endorsedAt: beyond(dir, at) }, { endorsedAt: at, id: beyond(dir, c.id) }] };
      return dir === "desc" ? { endorsedAt: from(dir, at), ...past } : { OR: [...past.OR, { endorsedAt: null }] };
    },
  },
};
/** Strictly after `value` in the order `dir`. */
const beyond = <T>(dir: Prisma.SortOrder, value: T): { gt?: T; lt?: T } => (dir === "asc" ? { gt: value } : { lt: value });
/**
 * At or after `value` in the order `dir`: implied by `beyond`'s OR, but a plain range PostgreSQL can start an index
 * scan at, where the OR alone has it read the index from its first entry and filter up to the cursor.
 */
const from = <T>(dir: Prisma.SortOrder, value: T): { gte?: T; lte?: T } => (dir === "asc" ? { gte: value } : { lte: value });
const flip = (dir: Prisma.SortOrder): Prisma.SortOrder => (dir === "asc" ? "desc" : "asc");

/**
 * One page of the catalogue: two queries whatever the page or the size of the catalogue — the page's cards (an index
 * seek from the cursor, `CATALOGUE_PAGE_SIZE + 1` rows to learn whether another page follows) and a capped count,
 * read from the cache when only a route and a pillar filter the catalogue.
 */
export async function readCataloguePage(input: unknown) {
  const query = await catalogueQuery(input);
  const sort = SORTS[query.sort];
  const forward: Prisma.SortOrder = sort.descending ? "desc" : "asc";
  const before = decodeCursor(query.before);
  const seekBefore = before && sort.seek(before, flip(forward));
  const backward = seekBefore !== undefined;
  const after = decodeCursor(query.after);
  const seek = backward ? seekBefore : after && sort.seek(after, forward);
  const where = filterWhere(query);
  const [rows, counted] = await Promise.all([
    db().credential.findMany({
      where: seek ? { AND: [where, seek] } : where,
      orderBy: sort.order(backward ? flip(forward) : forward),
      take: CATALOGUE_PAGE_SIZE + 1,
      select: CARD,
    }),
    !query.q && !query.capability && !query.profession ? cachedCount(query.origin, query.pillar) : countMatches(where),
  ]);
  const more = rows.length > CATALOGUE_PAGE_SIZE;
  const page = rows.slice(0, CATALOGUE_PAGE_SIZE);
  if (backward) page.reverse();
  const hasPrevious = backward ? more : seek !== undefined;
  const hasNext = backward ? seek !== undefined : more;
  const cursorOf = (r: CardRow) => encodeCursor({ key: sort.keyOf(r), id: r.id });
  const total = Math.min(counted, CATALOGUE_COUNT_CAP);
  const pageCount = counted > CATALOGUE_COUNT_CAP ? null : Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE));
  const labelled = Math.max(2, query.page);
  const pageNumber = !hasPrevious
    ? 1
    : pageCount === null
      ? labelled
      : Math.max(2, hasNext ? Math.min(labelled, pageCount - 1) : pageCount);
  return {
    query,
    items: page.map(toCard),
    total,
    /** True when there are more than `CATALOGUE_COUNT_CAP` matches; `total` is then the cap. */
    totalCapped: counted > CATALOGUE_COUNT_CAP,
    page: pageNumber,
    pageCount,
    previous: hasPrevious && page.length > 0 ? cursorOf(page[0]) : undefined,
    next: hasNext && page.length > 0 ? cursorOf(page[page.length - 1]) : undefined,
  };
}
export type CataloguePage = Awaited<ReturnType<typeof readCataloguePage>>;

/** How many credentials match, up to one past the cap. */
const countMatches = (where: Prisma.CredentialWhereInput) => db().credential.count({ where, take: CATALOGUE_COUNT_CAP + 1 });

/**
 * The count of a route and pillar, the same on every page and in every sort of it (a pillar's count reads every listed
 * credential's outcomes): a few dozen cache entries in all, invalidated with the pages.
 */
const cachedCount = unstable_cache(
  (origin: CatalogueQuery["origin"], pillar: CatalogueQuery["pillar"]) => countMatches(filterWhere({ origin, pillar })),
  ["catalogue-count"],
  { tags: [CATALOGUE_TAG], revalidate: CACHE_SECONDS },
);

/** The first page of each route, pillar and sort, the pages nearly every visitor sees: a few dozen cache entries in all. */
const cachedFirstPage = unstable_cache(
  (origin: CatalogueQuery["origin"], pillar: CatalogueQuery["pillar"], sort: CatalogueSort) => readCataloguePage({ origin, pillar, sort }),
  ["catalogue-first-page"],
  { tags: [CATALOGUE_TAG], revalidate: CACHE_SECONDS },
);

/**
 * The page for the URL's query. Only first pages without a search, capability or profession filter are cached:
 * caching every search, filter or cursor would let anyone fill the cache with entries nobody reads again.
 */
export async function cataloguePage(input: unknown): Promise<CataloguePage> {
  const query = await catalogueQuery(input);
  return !query.q && !query.capability && !query.profession && !query.after && !query.before
    ? cachedFirstPage(query.origin, query.pillar, query.sort)
    : readCataloguePage(query);
}

/** Rows per query when the whole catalogue is downloaded. */
export const CATALOGUE_EXPORT_BATCH = 500;

const EXPORT_ROW = {
  id: true,
  reference: true,
  title: true,
  summary: true,
  origin: true,
  endorsedAt: true,
  reviewDueAt: true,
  publishedAt: true,
  ownerOrganisation: { select: { name: true } },
  endorsedVersion: {
    select: {
      number: true,
      academicLevel: true,
      credits: true,
      notionalHours: true,
      targetProfessions: { orderBy: { profession: { name: "asc" } }, select: { profession: { select: { name: true } } } },
    },
  },
} satisfies Prisma.CredentialSelect;

/**
 * Every listed credential matching the search and route filter, in reference order, a batch at a time (keyset on
 * the unique reference), with how many there are when the download starts.
 */
export async function catalogueExport(input: unknown, size = CATALOGUE_EXPORT_BATCH) {
  const where = filterWhere(await catalogueQuery(input));
  return {
    total: await readDb().credential.count({ where }),
    batches: keysetBatches<Prisma.CredentialGetPayload<{ select: typeof EXPORT_ROW }>>(
      (last, take) =>
        readDb().credential.findMany({
          where: last ? { AND: [where, { reference: { gt: last.reference } }] } : where,
          orderBy: { reference: "asc" },
          take,
          select: EXPORT_ROW,
        }),
      size,
    ),
  };
}
