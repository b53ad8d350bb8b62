import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations, migrationFolders } from "@/scripts/lib/migrate";
import { loadEngine, schemaFiles } from "@/scripts/lib/schema-engine";
import { asOwner, databaseUrl, ownerDatabaseUrl, recreateDatabase, resetDb, testDb } from "../support/db";

const auditEvent = { entityType: "Credential", entityId: "cred-1", action: "submit" };

describe("the migrated database", () => {
  it("has the lifecycle tables", async () => {
    const rows = await asOwner<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    const tables = rows.map((r) => r.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "Organisation",
        "User",
        "Credential",
        "SpecificationVersion",
        "DeliveryPlan",
        "QualityAction",
        "PeriodicReview",
        "ImpactReturn",
        "AuditEvent",
        "_prisma_migrations",
      ]),
    );
  });

  it("records one finished row per migration folder", async () => {
    const rows = await asOwner<{ migration_name: string }>(`
      SELECT migration_name FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
      ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(migrationFolders().map((m) => m.name));
  });

  it("applies nothing when the migrations run again", async () => {
    await expect(applyMigrations(ownerDatabaseUrl())).resolves.toEqual([]);
  });

  it("has a migration for every schema change: the schema as of the last migration equals prisma/schema", { timeout: 60_000 }, async () => {
    // `npm run db:migration` writes prisma/migrations/schema-snapshot.prisma with each migration it writes; a schema
    // edited without a migration differs from it, and the engine's diff between the two is then not empty.
    const engine = await loadEngine(ownerDatabaseUrl());
    const snapshot = path.resolve("prisma/migrations/schema-snapshot.prisma");
    const drift = await engine.diff({
      from: { tag: "schemaDatamodel", files: [{ path: snapshot, content: readFileSync(snapshot, "utf8") }] },
      to: { tag: "schemaDatamodel", files: schemaFiles() },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    expect(drift.stdout ?? "").not.toMatch(/\b(CREATE|ALTER|DROP)\b/);
    expect(drift.exitCode).toBe(0);
  });
});

describe("the audit trail", () => {
  it("accepts new audit events", async () => {
    const created = await testDb().auditEvent.create({ data: auditEvent });
    expect(created.id).toBeDefined();
  });

  // As the owner: the app role may not even try (tests/integration/app-role.test.ts).
  it("refuses to change an audit event", async () => {
    const { id } = await testDb().auditEvent.create({ data: auditEvent });
    await expect(asOwner(`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = $1`, [id])).rejects.toThrow(/append-only/);
  });

  it("refuses to delete an audit event", async () => {
    const { id } = await testDb().auditEvent.create({ data: auditEvent });
    await expect(asOwner(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [id])).rejects.toThrow(/append-only/);
  });

  it("is emptied by resetDb, which lifts the TRUNCATE guard as the owner", async () => {
    await testDb().auditEvent.create({ data: auditEvent });
    await resetDb();
    await expect(testDb().auditEvent.count()).resolves.toBe(0);
  });
});

describe("the capability framework migration", () => {
  const MIGRATION = "20261202101657_capability_framework";

  /** A database migrated up to just before `name`, holding `seed`'s rows; then every migration is applied. */
  async function migrateFromBefore(name: string, seed: (client: pg.Client) => Promise<void>) {
    const serverUrl = process.env.TEST_DATABASE_SERVER_URL!;
    const database = `apc_migration_${process.env.VITEST_POOL_ID ?? "1"}`;
    await recreateDatabase(serverUrl, database);
    const url = databaseUrl(serverUrl, database);
    const earlier = mkdtempSync(path.join(tmpdir(), "migrations-"));
    try {
      for (const m of migrationFolders().filter((f) => f.name < name)) {
        cpSync(path.resolve("prisma/migrations", m.name), path.join(earlier, m.name), { recursive: true });
      }
      await applyMigrations(url, earlier);
    } finally {
      rmSync(earlier, { recursive: true, force: true });
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await seed(client);
    await applyMigrations(url);
    return client;
  }

  it(
    "gives existing versions the 2017 edition and keeps their outcomes' pillars, with nothing mapped yet",
    { timeout: 60_000 },
    async () => {
      const client = await migrateFromBefore(MIGRATION, async (db) => {
        await db.query(
          `INSERT INTO "Organisation" ("id", "name", "kind", "updatedAt") VALUES ('org-1', 'Acute group', 'EXPERT_GROUP', now())`,
        );
        await db.query(
          `INSERT INTO "Credential" ("id", "reference", "title", "ownerOrganisationId", "origin", "updatedAt") VALUES ('cred-1', 'APC-9001', 'Acute care', 'org-1', 'COMMISSIONED', now())`,
        );
        await db.query(
          `INSERT INTO "SpecificationVersion" ("id", "credentialId", "number", "status", "deliveryModes", "updatedAt")
         VALUES ('v-1', 'cred-1', 1, 'ENDORSED', '{}', now()), ('v-2', 'cred-1', 2, 'DRAFT', '{}', now())`,
        );
        await db.query(
          `INSERT INTO "LearningOutcome" ("id", "specificationVersionId", "position", "text", "pillars")
         VALUES ('lo-1', 'v-1', 1, 'Assess adults', '{CLINICAL_PRACTICE,RESEARCH}'), ('lo-2', 'v-2', 1, 'Lead the unit', '{LEADERSHIP_AND_MANAGEMENT}')`,
        );
      });
      try {
        const versions = await client.query(`SELECT "id", "frameworkEditionId" FROM "SpecificationVersion" ORDER BY "id"`);
        expect(versions.rows).toEqual([
          { id: "v-1", frameworkEditionId: "mpf-2017" },
          { id: "v-2", frameworkEditionId: "mpf-2017" },
        ]);
        const outcomes = await client.query(`SELECT "id", "pillars"::text[] AS "pillars" FROM "LearningOutcome" ORDER BY "id"`);
        expect(outcomes.rows).toEqual([
          { id: "lo-1", pillars: ["CLINICAL_PRACTICE", "RESEARCH"] },
          { id: "lo-2", pillars: ["LEADERSHIP_AND_MANAGEMENT"] },
        ]);
        const mapped = await client.query(`SELECT count(*)::int AS n FROM "OutcomeCapability"`);
        expect(mapped.rows[0].n).toBe(0);
        const editions = await client.query(
          `SELECT e."year", e."isCurrent", count(c."id")::int AS "capabilities"
         FROM "FrameworkEdition" e JOIN "CoreCapability" c ON c."editionId" = e."id" GROUP BY e."id" ORDER BY e."year"`,
        );
        expect(editions.rows).toEqual([
          { year: 2017, isCurrent: false, capabilities: 38 },
          { year: 2025, isCurrent: true, capabilities: 38 },
        ]);
      } finally {
        await client.end();
      }
    },
  );
});
