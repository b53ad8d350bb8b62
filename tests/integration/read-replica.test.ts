import { PrismaPg } from "@prisma/adapter-pg";
import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as catalogueCsv } from "@/app/(public)/catalogue/export.csv/route";
import { workItems } from "@/lib/data/dashboard";
import { impactCsv } from "@/lib/data/impact-export";
import { impactFigures } from "@/lib/data/impact-figures";
import { publishPriority } from "@/lib/data/priorities";
import { db, readDb } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, recreateDatabase, resetDb, testDb, testDatabaseUrl } from "../support/db";
import * as make from "../support/factory";

// DATABASE_REPLICA_URL: a second database stands in for the replica, holding other rows than the primary, so each
// read shows which of the two it came from.

vi.mock("@/lib/security/client-address", () => ({ clientAddress: async () => "192.0.2.20" }));
// Outside a Next server there is no data cache: the impact figures, cached in the app, are read straight through.
vi.mock("next/cache", () => ({ unstable_cache: <F>(fn: F) => fn }));

const replicaName = `${new URL(testDatabaseUrl()).pathname.slice(1)}_replica`;
const replicaUrl = databaseUrl(process.env.TEST_APP_SERVER_URL!, replicaName);
const saved = process.env.DATABASE_REPLICA_URL;
let replica: PrismaClient;
let replicaOwner: pg.Client;

beforeAll(async () => {
  await recreateDatabase(process.env.TEST_DATABASE_SERVER_URL!, replicaName, process.env.TEST_TEMPLATE_DB ?? "apc_template");
  replica = new PrismaClient({ adapter: new PrismaPg({ connectionString: replicaUrl }) });
  // Rows are emptied as the owner: the app role may not TRUNCATE.
  replicaOwner = new pg.Client({ connectionString: databaseUrl(process.env.TEST_DATABASE_SERVER_URL!, replicaName) });
  await replicaOwner.connect();
});

beforeEach(async () => {
  await resetDb();
  await replicaOwner.query(`TRUNCATE "PriorityRound", "Organisation" CASCADE`);
  process.env.DATABASE_REPLICA_URL = replicaUrl;
});

afterAll(async () => {
  if (saved === undefined) delete process.env.DATABASE_REPLICA_URL;
  else process.env.DATABASE_REPLICA_URL = saved;
  await Promise.all([
    replica.$disconnect(),
    replicaOwner.end(),
    (globalThis as { apcReadDb?: { client: PrismaClient } }).apcReadDb?.client.$disconnect(),
  ]);
  const server = new pg.Client({ connectionString: process.env.TEST_DATABASE_SERVER_URL });
  await server.connect();
  await server.query(`DROP DATABASE IF EXISTS "${replicaName}" WITH (FORCE)`);
  await server.end();
});

/** A draft priority in an open round, in the given database. */
async function draftPriority(client: PrismaClient, title: string) {
  const round = await client.priorityRound.create({ data: { name: `Round for ${title}`, status: "OPEN" } });
  return client.priority.create({
    data: {
      roundId: round.id,
      title,
      workforceNeed: "Need",
      populationNeed: "Population",
      longTermPlanLink: "LTP",
      professions: ["Nursing"],
      rank: 1,
    },
  });
}

/** A credential listed in the public catalogue, in the given database. */
async function listedCredential(client: PrismaClient, reference: string) {
  const group = await client.organisation.create({ data: { name: `Group ${reference}`, kind: "EXPERT_GROUP" } });
  return client.credential.create({
    data: {
      reference,
      title: `Credential ${reference}`,
      ownerOrganisationId: group.id,
      origin: "COMMISSIONED",
      status: "ENDORSED",
      publishedAt: new Date(),
    },
  });
}

/** An accepted impact return with these many enrolled, in the given database. */
async function acceptedImpactReturn(client: PrismaClient, reference: string, enrolled: number) {
  const credential = await listedCredential(client, reference);
  const version = await client.specificationVersion.create({ data: { credentialId: credential.id, number: 1, status: "ENDORSED" } });
  const provider = await client.organisation.create({ data: { name: `Provider ${reference}`, kind: "EDUCATION_PROVIDER" } });
  const plan = await client.deliveryPlan.create({
    data: {
      credentialId: credential.id,
      specificationVersionId: version.id,
      organisationId: provider.id,
      programmeTitle: "MSc",
      status: "APPROVED",
    },
  });
  return client.impactReturn.create({
    data: {
      planId: plan.id,
      organisationId: provider.id,
      credentialId: credential.id,
      credentialReference: reference,
      period: "2025/26",
      enrolled,
      completed: 0,
      withdrawn: 0,
      deployed: 0,
      status: "ACCEPTED",
    },
  });
}

const draftPriorities = async (actor: Parameters<typeof workItems>[0]) =>
  (await workItems(actor)).find((i) => i.key === "priorities")?.count;

describe("a read replica (DATABASE_REPLICA_URL)", () => {
  it("the staff dashboard's counts come from the replica", async () => {
    const { staff } = await make.cast();
    await draftPriority(testDb(), "On the primary");
    await draftPriority(replica, "On the replica");
    await draftPriority(replica, "Also on the replica");
    expect(await draftPriorities(staff)).toBe(2);
  });

  it("the catalogue CSV download streams the replica's credentials", async () => {
    await listedCredential(testDb(), "APC-1001");
    await listedCredential(replica, "APC-2001");
    await listedCredential(replica, "APC-2002");
    const response = await catalogueCsv(new NextRequest("http://localhost/catalogue/export.csv"));
    const lines = (await response.text()).trim().split("\r\n").slice(1);
    expect(response.headers.get("X-Total-Rows")).toBe("2");
    expect(lines.map((l) => l.split(",")[0])).toEqual(["APC-2001", "APC-2002"]);
  });

  it("the impact portfolio's figures and their CSV come from the replica", async () => {
    const { staff } = await make.cast();
    await acceptedImpactReturn(testDb(), "APC-1002", 5);
    await acceptedImpactReturn(replica, "APC-2003", 40);
    expect((await impactFigures(staff)).totals).toMatchObject({ returns: 1, enrolled: 40 });
    const csv = await impactCsv(staff, "returns");
    expect(csv?.total).toBe(1);
    const rows = [];
    for await (const batch of csv!.batches) rows.push(...batch);
    expect(rows.map((r) => [r[0], r[4]])).toEqual([["APC-2003", 40]]);
  });

  it("a command reads and writes the primary, while the dashboard still reads the replica", async () => {
    const { staff } = await make.cast();
    await draftPriority(replica, "Not yet published on the replica");
    const onPrimary = await draftPriority(testDb(), "Frailty");
    // Only the primary has this priority: reading it from the replica would refuse it as not found.
    await publishPriority(staff, { id: onPrimary.id, version: 1 });
    expect(await testDb().priority.findUniqueOrThrow({ where: { id: onPrimary.id }, select: { status: true } })).toEqual({
      status: "PUBLISHED",
    });
    expect(await replica.priority.findUnique({ where: { id: onPrimary.id } })).toBeNull();
    expect(await draftPriorities(staff)).toBe(1);
  });

  it("without the variable, or with it empty, reads use the primary's client", async () => {
    expect(readDb()).not.toBe(db());
    delete process.env.DATABASE_REPLICA_URL;
    expect(readDb()).toBe(db());
    process.env.DATABASE_REPLICA_URL = "";
    expect(readDb()).toBe(db());
    await draftPriority(testDb(), "On the primary");
    expect(await draftPriorities((await make.cast()).staff)).toBe(1);
  });
});
