import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { listCompletions } from "@/lib/data/completions";
import { listCredentials } from "@/lib/data/credentials";
import { listDeliveryPlans } from "@/lib/data/delivery-plans";
import { listAnnualReturns, listQualityActions, listQualityReviews } from "@/lib/data/quality";
import { ownerDatabaseUrl, resetDb, testDatabaseUrl } from "../support/db";
import { deliveryCast } from "../support/delivery-factory";

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

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };
const seqScans = (node: PlanNode): string[] => [
  ...(node["Node Type"] === "Seq Scan" && node["Relation Name"] && BIG_TABLES.includes(node["Relation Name"])
    ? [node["Relation Name"]]
    : []),
  ...(node.Plans ?? []).flatMap(seqScans),
];

/** The big tables each statement `read` sends would still scan sequentially with sequential scans discouraged. */
async function scansOf(read: () => Promise<unknown>): Promise<string[]> {
  captured = [];
  await read();
  const found: string[] = [];
  for (const { query, params } of captured.filter((c) => /^\s*SELECT/i.test(c.query))) {
    await owner.query("BEGIN");
    try {
      await owner.query("SET LOCAL enable_seqscan = off");
      const { rows } = await owner.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${query}`, params);
      found.push(...seqScans(rows[0]["QUERY PLAN"][0].Plan));
    } finally {
      await owner.query("ROLLBACK");
    }
  }
  return found;
}

describe("the main list queries use an index on the big tables", async () => {
  const cast = () => deliveryCast();
  let c: Awaited<ReturnType<typeof cast>>;
  beforeAll(async () => {
    c = await cast();
  });
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
  };
  for (const [name, read] of Object.entries(lists)) {
    it(`${name}: no sequential scan of a big table`, async () => {
      expect(await scansOf(read)).toEqual([]);
    });
  }
});
