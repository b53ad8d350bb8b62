import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readCataloguePage } from "@/lib/data/catalogue";
import { encodeCursor } from "@/lib/data/keyset";
import { listCompletions } from "@/lib/data/completions";
import { listCredentials } from "@/lib/data/credentials";
import { listDeliveryPlans } from "@/lib/data/delivery-plans";
import { listImpactReturns } from "@/lib/data/impact";
import { directoryPage } from "@/lib/data/practitioners";
import { listAnnualReturns, listQualityActions, listQualityReviews } from "@/lib/data/quality-lists";
import { ownerDatabaseUrl, resetDb, testDatabaseUrl } from "../support/db";
import { deliveryCast } from "../support/delivery-factory";

// Outside a Next server there is no data cache: the directory's pages, cached in the app, are read straight through.
vi.mock("next/cache", () => ({ unstable_cache: <F>(fn: F) => fn }));

// The main list queries, as the data layer sends them, must be able to use an index on the tables that hold
// national-scale volumes (tens of thousands of rows and more; see scripts/lib/seed-scale.ts). The test database is
// small, and PostgreSQL rightly scans small tables, so each captured query is planned with sequential scans
// switched off: a table that still gets one has no index for that filter and order.
const BIG_TABLES = [
  "Credential",
  "SpecificationVersion",
  "DeliveryPlan",
  "AnnualReturn",
  "QualityReview",
  "QualityAction",
  "Finding",
  "ImpactReturn",
  "Completion",
  "Practitioner",
  "AuditEvent",
  "Notification",
];

type Captured = { query: string; params: unknown[] };
let captured: Captured[] = [];
let owner: pg.Client;
type Holder = { apcDb?: { url: string; client: PrismaClient } };

beforeAll(async () => {
  await resetDb();
  const url = testDatabaseUrl();
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (e) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  (globalThis as Holder).apcDb = { url, client };
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
});
afterAll(() => owner?.end());

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Filter?: string;
  "Recheck Cond"?: string;
  Plans?: PlanNode[];
};
/** A plan's nodes, the root first. */
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];
const seqScans = (plan: PlanNode) =>
  nodesOf(plan).flatMap((n) =>
    n["Node Type"] === "Seq Scan" && n["Relation Name"] && BIG_TABLES.includes(n["Relation Name"]) ? [n["Relation Name"]] : [],
  );

/** The big tables read under a Sort node: rows put in order after reading them, rather than read in an index's order. */
const sortedTables = (node: PlanNode, underSort = false): string[] => {
  const sorting = underSort || node["Node Type"] === "Sort" || node["Node Type"] === "Incremental Sort";
  return [
    ...(sorting && node["Relation Name"] && BIG_TABLES.includes(node["Relation Name"]) ? [node["Relation Name"]] : []),
    ...(node.Plans ?? []).flatMap((child) => sortedTables(child, sorting)),
  ];
};

/**
 * What `find` reports of the plan of each statement `read` sends, planned with `settings` discouraging what the test
 * looks for, so only a missing index leaves it in the plan.
 */
async function plansOf(read: () => Promise<unknown>, settings: string[], find: (plan: PlanNode) => string[]): Promise<string[]> {
  captured = [];
  await read();
  const found: string[] = [];
  for (const { query, params } of captured.filter((c) => /^\s*SELECT/i.test(c.query))) {
    await owner.query("BEGIN");
    try {
      for (const setting of settings) await owner.query(`SET LOCAL ${setting} = off`);
      const { rows } = await owner.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${query}`, params);
      found.push(...find(rows[0]["QUERY PLAN"][0].Plan));
    } finally {
      await owner.query("ROLLBACK");
    }
  }
  return found;
}

/** The big tables each statement `read` sends would still scan sequentially with sequential scans discouraged. */
const scansOf = (read: () => Promise<unknown>) => plansOf(read, ["enable_seqscan"], seqScans);

// One delivery's people, shared by both groups of lists below (the lists read only; none changes a row).
const reviewer = { id: "list-index-reviewer", role: "REVIEWER" as const, organisationId: null };
let c: Awaited<ReturnType<typeof deliveryCast>>;
beforeAll(async () => {
  c = await deliveryCast();
});

describe("the main list queries use an index on the big tables", async () => {
  const lists: Record<string, () => Promise<unknown>> = {
    "credentials, filtered by status (staff)": () => listCredentials(c.staff, { status: "ENDORSED", page: "3" }),
    "delivery plans (provider)": () => listDeliveryPlans(c.provider, {}),
    "delivery plans, filtered by status (staff)": () => listDeliveryPlans(c.staff, { status: "APPROVED", page: "3" }),
    "completions (staff)": () => listCompletions(c.staff, {}),
    "completions, filtered by status (staff)": () => listCompletions(c.staff, { status: "RECOGNISED", page: "3" }),
    "completions (provider)": () => listCompletions(c.provider, {}),
    "annual returns (staff)": () => listAnnualReturns(c.staff, {}),
    "quality reviews (staff)": () => listQualityReviews(c.staff, {}),
    "quality actions (provider)": () => listQualityActions(c.provider, {}),
    // Read from the provider's plans, or the reviewer's reviews, outward.
    "annual returns, open (provider)": () => listAnnualReturns(c.provider, { returns: "OPEN" }),
    "quality reviews (provider)": () => listQualityReviews(c.provider, {}),
    "quality reviews (reviewer)": () => listQualityReviews(reviewer, {}),
    "quality actions (reviewer)": () => listQualityActions(reviewer, {}),
  };
  for (const [name, read] of Object.entries(lists)) {
    it(`${name}: no sequential scan of a big table`, async () => {
      expect(await scansOf(read)).toEqual([]);
    });
  }
});

// A deep page (`?page=1000`) skips the earlier pages' rows. Read in an index that holds the list's whole order (its
// sort, then id), they are skipped as index entries; any Sort means every matching row is read and ordered first.
describe("deep pages of the long lists skip rows in an index's order, never sorting them", async () => {
  const lists: Record<string, () => Promise<unknown>> = {
    "delivery plans (staff)": () => listDeliveryPlans(c.staff, { page: "40" }),
    "delivery plans, filtered by status (staff)": () => listDeliveryPlans(c.staff, { status: "APPROVED", page: "40" }),
    "delivery plans (provider)": () => listDeliveryPlans(c.provider, { page: "40" }),
    "completions (staff)": () => listCompletions(c.staff, { page: "40" }),
    "completions, filtered by status (staff)": () => listCompletions(c.staff, { status: "RECOGNISED", page: "40" }),
    "completions (provider)": () => listCompletions(c.provider, { page: "40" }),
    "the public directory": () => directoryPage({ page: "40" }),
    "annual returns (staff)": () => listAnnualReturns(c.staff, { returnsPage: "40" }),
    "quality reviews (staff)": () => listQualityReviews(c.staff, { reviewsPage: "40" }),
    "quality actions (staff)": () => listQualityActions(c.staff, { actionsPage: "40" }),
    "quality actions (provider)": () => listQualityActions(c.provider, { actionsPage: "40" }),
    // Ordered by period and the credential's reference, copied onto each return so that one index holds the order.
    "impact returns (staff)": () => listImpactReturns(c.staff, { page: "40" }),
    "impact returns, filtered by status (staff)": () => listImpactReturns(c.staff, { status: "SUBMITTED", page: "40" }),
  };
  for (const [name, read] of Object.entries(lists)) {
    it(`${name}: no sort of a big table`, async () => {
      expect(await plansOf(read, ["enable_seqscan", "enable_sort", "enable_incremental_sort"], sortedTables)).toEqual([]);
    });
  }
});

const indexesOf = (plan: PlanNode) => nodesOf(plan).flatMap((n) => (n["Index Name"] ? [n["Index Name"]] : []));

describe("the public catalogue's search", () => {
  // Matching a phrase anywhere in every listed credential's text is a scan that grows with the catalogue. The test
  // database is too small for the planner to prefer the trigram index over the status index in the page's own
  // statements, so the test checks the two halves: both statements match the one indexed column, and a match on that
  // column is answered from the index.
  it("matches a phrase on the searched text, which the trigram index answers", async () => {
    const collect = (plan: PlanNode) => nodesOf(plan).flatMap((n) => [n.Filter, n["Recheck Cond"]].filter((f): f is string => Boolean(f)));
    const filters = await plansOf(() => readCataloguePage({ q: "Critical care" }), [], collect);
    expect(filters.filter((f) => f.includes(`"searchText" ~~ '%critical care%'`))).toHaveLength(2);
    await owner.query("BEGIN");
    try {
      await owner.query("SET LOCAL enable_seqscan = off");
      const { rows } = await owner.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(
        `EXPLAIN (FORMAT JSON) SELECT id FROM "Credential" WHERE "searchText" LIKE '%critical care%'`,
      );
      expect(indexesOf(rows[0]["QUERY PLAN"][0].Plan)).toEqual(["Credential_searchText_idx"]);
    } finally {
      await owner.query("ROLLBACK");
    }
  });
});

// The catalogue pages by keyset: a page after the cursor must start reading the sort's index at the cursor. Written
// only as "after (key, id)" — key > k OR (key = k AND id > i) — PostgreSQL reads the index from its first entry and
// filters its way to the cursor, so a deep page costs as much as every page before it.
describe("a catalogue page after a cursor starts its index scan at the cursor", () => {
  const conditions = (plan: PlanNode) =>
    nodesOf(plan).flatMap((n) =>
      n["Relation Name"] === "Credential" && n["Index Name"] ? [`${n["Index Name"]}: ${n["Index Cond"] ?? ""}`] : [],
    );
  const sorts = {
    title: { key: "Midwifery", index: /^Credential_title_id_idx: .*title >= / },
    reference: { key: "APC-0500", index: /^Credential_reference_key: .*reference > / },
    newest: { key: "2026-01-01T00:00:00.000Z", index: /^Credential_endorsedAt_id_idx: .*"endorsedAt" <= / },
  };
  for (const [sort, { key, index }] of Object.entries(sorts)) {
    it(`sorted by ${sort}`, async () => {
      const after = encodeCursor({ key, id: "cursor-id" });
      const read = () => readCataloguePage({ sort, after });
      const found = await plansOf(read, ["enable_seqscan", "enable_sort", "enable_incremental_sort"], conditions);
      expect(found.some((scan) => index.test(scan))).toBe(true);
    });
  }
});
