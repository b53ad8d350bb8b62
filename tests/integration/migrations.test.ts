import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations, migrationFolders } from "@/scripts/lib/migrate";
import { loadEngine, schemaFiles } from "@/scripts/lib/schema-engine";
import { asOwner, ownerDatabaseUrl, resetDb, testDb } from "../support/db";

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
