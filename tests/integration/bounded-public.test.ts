import { beforeAll, describe, expect, it, vi } from "vitest";
import { csvResponse, mapBatches } from "@/lib/csv";
import { CATALOGUE_COUNT_CAP, CATALOGUE_PAGE_SIZE, CATALOGUE_TAG, catalogueExport, readCataloguePage } from "@/lib/data/catalogue";
import { cachedPublishedCredential, publishedCredential } from "@/lib/data/catalogue-entry";
import { encodeCursor } from "@/lib/data/keyset";
import { concludePeriodicReview } from "@/lib/data/periodic-review-commands";
import { publishCredential } from "@/lib/data/publication";
import { LIST_TOTALS_TAG } from "@/lib/data/totals";
import { resetDb, testDb } from "../support/db";
import { organisation } from "../support/factory";
import { periodicCast, reviewOf } from "../support/periodic-factory";
import { countQueries, installCountingClient } from "../support/query-count";

// Anyone on the internet can ask for any catalogue page or download: the work each does must be what one screen (or
// one batch) holds, whatever the size of the catalogue.

/** Off, the cache reads through; on, it keeps each key's first result as Next.js does until a tag expires. */
const cache = vi.hoisted(() => ({ on: false, entries: new Map<string, unknown>() }));
vi.mock("next/cache", () => ({
  unstable_cache:
    (fn: (...args: unknown[]) => unknown, keys: string[]) =>
    (...args: unknown[]) => {
      if (!cache.on) return fn(...args);
      const key = JSON.stringify([keys, args]);
      if (!cache.entries.has(key)) cache.entries.set(key, fn(...args));
      return cache.entries.get(key);
    },
  updateTag: vi.fn(),
  revalidatePath: vi.fn(),
}));
vi.mock("@/lib/auth/session", () => ({ actingUser: async () => ({ id: "staff", role: "CENTRE_STAFF", organisationId: null }) }));

let groupId: string;
let published = 0;

/**
 * `n` more published, endorsed credentials (BP-000001, BP-000002, …), each with an endorsed version, in three
 * statements; and as many that are not listed (unpublished or withdrawn), which no page may show.
 */
async function addPublished(n: number) {
  const from = published + 1;
  const to = published + n;
  await testDb().$executeRaw`
    INSERT INTO "Credential" (id, reference, title, summary, "ownerOrganisationId", origin, status, "endorsedAt", "publishedAt", "withdrawnAt", "updatedAt")
    SELECT 'bp-c-' || g, 'BP-' || lpad(g::text, 6, '0'), 'Credential ' || (g * 7919 % 100003), 'What credential ' || g || ' is for, in a sentence or two.',
           ${groupId}, (ARRAY['COMMISSIONED','PILOT_PHASE_1','PILOT_PHASE_2'])[1 + g % 3]::"CredentialOrigin",
           (ARRAY['ENDORSED','UNDER_PERIODIC_REVIEW','REVISION_REQUIRED'])[1 + g % 3]::"CredentialStatus",
           timestamp '2026-01-01' - g * interval '1 hour', now(), NULL, now()
    FROM generate_series(${from}::int, ${to}::int) g
    UNION ALL
    SELECT 'bp-x-' || g, 'BX-' || lpad(g::text, 6, '0'), 'Hidden ' || g, NULL, ${groupId}, 'COMMISSIONED',
           (ARRAY['ENDORSED','WITHDRAWN','IN_DEVELOPMENT'])[1 + g % 3]::"CredentialStatus",
           now(), CASE WHEN g % 3 = 1 THEN now() END, CASE WHEN g % 3 = 1 THEN now() END, now()
    FROM generate_series(${from}::int, ${to}::int) g`;
  await testDb().$executeRaw`
    INSERT INTO "SpecificationVersion" (id, "credentialId", number, status, "academicLevel", credits, "updatedAt")
    SELECT 'bp-v-' || g, 'bp-c-' || g, 1, 'ENDORSED', 7, 30, now() FROM generate_series(${from}::int, ${to}::int) g`;
  await testDb().$executeRaw`
    UPDATE "Credential" SET "endorsedVersionId" = 'bp-v-' || substr(id, 6)
    WHERE id LIKE 'bp-c-%' AND substr(id, 6)::int BETWEEN ${from} AND ${to}`;
  published = to;
}

/** What reading one page costs and returns. */
async function measure(input: Record<string, string>) {
  let page: Awaited<ReturnType<typeof readCataloguePage>> | undefined;
  const queries = await countQueries(async () => {
    page = await readCataloguePage(input);
  });
  return { queries, rows: page!.items.length, bytes: JSON.stringify(page).length };
}

/** Every page from the first, following "Next", then back again following "Previous". */
async function walk(input: Record<string, string>) {
  const pages = [await readCataloguePage(input)];
  while (pages.at(-1)!.next) pages.push(await readCataloguePage({ ...input, after: pages.at(-1)!.next!, page: String(pages.length + 1) }));
  const back = [pages.at(-1)!];
  while (back.at(-1)!.previous)
    back.push(await readCataloguePage({ ...input, before: back.at(-1)!.previous!, page: String(pages.length - back.length) }));
  return { pages, back: back.reverse() };
}
const refs = (pages: { items: { reference: string }[] }[]) => pages.flatMap((p) => p.items.map((c) => c.reference));

beforeAll(async () => {
  installCountingClient();
  await resetDb();
  groupId = (await organisation("EXPERT_GROUP")).id;
});

describe("the public catalogue reads one page, whatever its size", () => {
  it(
    "pages forward and back through every listed credential in each sort, once each, and never a hidden one",
    { timeout: 60_000 },
    async () => {
      await addPublished(45);
      const all = await testDb().credential.findMany({
        where: { id: { startsWith: "bp-c-" } },
        select: { reference: true, title: true, endorsedAt: true, id: true },
      });
      const by = (cmp: (a: (typeof all)[0], b: (typeof all)[0]) => number) => [...all].sort(cmp).map((c) => c.reference);
      const expected = {
        reference: by((a, b) => (a.reference < b.reference ? -1 : 1)),
        title: by((a, b) => (a.title === b.title ? (a.id < b.id ? -1 : 1) : a.title < b.title ? -1 : 1)),
        newest: by((a, b) => b.endorsedAt!.getTime() - a.endorsedAt!.getTime()),
      };
      for (const sort of ["reference", "title", "newest"] as const) {
        const { pages, back } = await walk({ sort });
        expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5]);
        expect(refs(pages)).toEqual(expected[sort]);
        expect(refs(back)).toEqual(expected[sort]);
        expect(pages.map((p) => [p.page, p.pageCount, p.total])).toEqual([
          [1, 3, 45],
          [2, 3, 45],
          [3, 3, 45],
        ]);
      }
      const pilots = await walk({ origin: "PILOT_PHASE_1" });
      expect(refs(pilots.pages)).toEqual(expected.reference.filter((r) => Number(r.slice(3)) % 3 === 1));
      expect((await readCataloguePage({ q: "bp-000044" })).items.map((c) => c.reference)).toEqual(["BP-000044"]);
    },
  );

  it("ignores what it does not know: a bad sort, route, cursor or page, a repeated parameter, a NUL byte", async () => {
    const first = refs([await readCataloguePage({})]);
    const firstNewest = refs([await readCataloguePage({ sort: "newest" })]);
    const cases: [Record<string, string | string[]>, string[]][] = [
      [{ sort: "password", origin: "SECRET", page: "-3" }, first],
      [{ after: "not-a-cursor", page: "1e99" }, first],
      [{ before: encodeCursor({ key: "BP-000030", id: "bp-c-30" }).slice(3) }, first],
      [{ q: "BP\0" }, first],
      [{ sort: ["newest", "title"], q: ["", "x"] }, firstNewest],
      [{ sort: "newest", after: encodeCursor({ key: "not a date", id: "bp-c-1" }) }, firstNewest],
      // A date JavaScript can hold but PostgreSQL cannot (the database refused it: a 500 before).
      [{ sort: "newest", after: encodeCursor({ key: "-271821-04-20T00:00:00.000Z", id: "bp-c-1" }) }, firstNewest],
      [{ sort: "newest", before: encodeCursor({ key: "+275760-09-13T00:00:00.000Z", id: "bp-c-1" }) }, firstNewest],
    ];
    for (const [query, expected] of cases) {
      const page = await readCataloguePage(query);
      expect(refs([page])).toEqual(expected);
      expect(page.page).toBe(1);
    }
  });

  it(
    "sends the same queries and returns the same rows and bytes for 45 and for 2,100 credentials, on any page",
    { timeout: 60_000 },
    async () => {
      const deep = (n: number) => ({
        after: encodeCursor({ key: `BP-${String(n - 30).padStart(6, "0")}`, id: `bp-c-${n - 30}` }),
        page: "9",
      });
      const reads = () => ({
        first: {},
        searched: { q: "credential", sort: "title" },
        newest: { sort: "newest" },
        deep: deep(published),
      });
      const measureAll = async () => {
        const out = [];
        for (const read of Object.values(reads())) out.push(await measure(read));
        return out;
      };
      const small = await measureAll();
      await addPublished(2_055);
      const large = await measureAll();
      expect(large.map((m) => [m.queries, m.rows])).toEqual(small.map((m) => [m.queries, m.rows]));
      for (const [i, m] of large.entries()) {
        expect(m.rows).toBe(CATALOGUE_PAGE_SIZE);
        expect(m.bytes).toBeLessThan(small[i].bytes * 1.2);
      }
    },
  );

  it("counts a route's matches once for all its pages and sorts; a search is counted on each page", async () => {
    cache.on = true;
    try {
      const route = { origin: "PILOT_PHASE_1" };
      const at = (n: number) => ({ ...route, after: encodeCursor({ key: `BP-${String(n).padStart(6, "0")}`, id: `bp-c-${n}` }) });
      const cold = await measure(at(40));
      expect((await measure(at(100))).queries).toBe(cold.queries - 1);
      expect((await measure({ ...at(100), sort: "title" })).queries).toBe(cold.queries - 1);
      const searched = { ...at(100), q: "credential" };
      expect((await measure(searched)).queries).toBe(cold.queries);
      expect((await measure(searched)).queries).toBe(cold.queries);
      expect((await readCataloguePage(at(100))).total).toBe((await readCataloguePage({ ...at(100), q: "BP-" })).total);
    } finally {
      cache.on = false;
      cache.entries.clear();
    }
  });

  it("counts up to a cap: past it, the page says 'more than' and gives no page count", async () => {
    const page = await readCataloguePage({});
    expect(published).toBeGreaterThan(CATALOGUE_COUNT_CAP);
    expect(page).toMatchObject({ total: CATALOGUE_COUNT_CAP, totalCapped: true, pageCount: null });
    expect(await readCataloguePage({ q: "BP-00004" })).toMatchObject({ total: 10, totalCapped: false, pageCount: 1 });
  });
});

describe("the catalogue download streams", () => {
  async function download(batch: number) {
    let text = "";
    let total = "";
    const queries = await countQueries(async () => {
      const { total: count, batches } = await catalogueExport({ origin: "COMMISSIONED" }, batch);
      const response = csvResponse({
        filename: "c.csv",
        headers: ["Reference"],
        total: count,
        batches: mapBatches(batches, (c) => [c.reference]),
      });
      total = response.headers.get("X-Total-Rows")!;
      text = await response.text();
    });
    return { queries, lines: text.trimEnd().split("\r\n"), total: Number(total) };
  }

  it("holds every matching row and says how many, reading one batch per query", { timeout: 60_000 }, async () => {
    const expected = await testDb().credential.count({ where: { id: { startsWith: "bp-c-" }, origin: "COMMISSIONED" } });
    const big = await download(500);
    expect(big.total).toBe(expected);
    expect(big.lines).toHaveLength(expected + 1);
    expect(big.lines[0]).toBe("Reference");
    expect(new Set(big.lines.slice(1)).size).toBe(expected);
    // One count, then the same queries for each batch (the last batch short, or empty when the rows divide exactly).
    const batches = (size: number) => Math.floor(expected / size) + 1;
    const small = await download(100);
    expect(small.lines).toEqual(big.lines);
    const perBatch = (big.queries - 1) / batches(500);
    expect(perBatch).toBeGreaterThan(0);
    expect(Number.isInteger(perBatch)).toBe(true);
    expect(small.queries).toBe(1 + perBatch * batches(100));
  });

  it("sends the first rows before it has read the last: the next batch is read only when the client asks", async () => {
    const { total, batches } = await catalogueExport({}, 100);
    const response = csvResponse({ filename: "c.csv", headers: ["Reference"], total, batches: mapBatches(batches, (c) => [c.reference]) });
    const reader = response.body!.getReader();
    const oneBatch =
      (await countQueries(async () => {
        const probe = await catalogueExport({}, 100);
        await probe.batches.next();
      })) - 1;
    const sent = await countQueries(async () => {
      expect(new TextDecoder().decode((await reader.read()).value)).toBe("Reference\r\n");
      expect(new TextDecoder().decode((await reader.read()).value).split("\r\n")).toHaveLength(101);
    });
    // The first batch, and at most the next one being read ahead — not the 21 or more the whole file needs.
    expect(total).toBeGreaterThan(2000);
    expect(sent).toBeLessThanOrEqual(2 * oneBatch);
    await reader.cancel();
  });
});

describe("publishing and withdrawing change the public catalogue", () => {
  it("a published credential appears; once withdrawn it leaves the list and its page says it was withdrawn", async () => {
    const c = await periodicCast();
    const { reference } = c.credential;
    const listed = async () => (await readCataloguePage({ q: reference })).items.map((x) => x.reference);
    expect(await listed()).toEqual([]);
    expect(await publishedCredential(reference)).toBeNull();

    const row = await testDb().credential.findUniqueOrThrow({ where: { id: c.credential.id } });
    await publishCredential(c.staff, { id: row.id, version: row.version });
    expect(await listed()).toEqual([reference]);
    expect((await cachedPublishedCredential(reference))?.status).toBe("ENDORSED");

    const review = await reviewOf(c, { checks: "all" });
    await concludePeriodicReview(c.staff, { id: review.id, version: review.version, outcome: "WITHDRAWN", rationale: "Superseded." });
    expect(await listed()).toEqual([]);
    expect(await publishedCredential(reference)).toMatchObject({ status: "WITHDRAWN", withdrawnAt: expect.any(String) });
    expect(await publishedCredential("no-such-credential")).toBeNull();
    expect(await publishedCredential("bad\0reference")).toBeNull();
  });

  it("an action expires the catalogue's cache tag (and the lists' totals) only after its command succeeded", async () => {
    const { updateTag } = await import("next/cache");
    const { runAction } = await import("@/lib/actions");
    const { AppError } = await import("@/lib/errors");
    vi.mocked(updateTag).mockClear();
    const order: string[] = [];
    vi.mocked(updateTag).mockImplementation((tag) => {
      order.push(`expire ${tag}`);
    });
    await runAction(
      async () => {
        order.push("command");
      },
      new FormData(),
      { tags: () => [CATALOGUE_TAG] },
    );
    expect(order).toEqual(["command", `expire ${CATALOGUE_TAG}`, `expire ${LIST_TOTALS_TAG}`]);
    const refused = await runAction(
      async () => {
        throw new AppError("NOT_ALLOWED", "No.");
      },
      new FormData(),
      { tags: () => [CATALOGUE_TAG] },
    );
    expect(refused.ok).toBe(false);
    expect(order).toHaveLength(3);
  });
});
