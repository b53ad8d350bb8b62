import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

describe("moving criteria into versioned criteria sets", () => {
  const MIGRATION = "20261202101604_criteria_sets_and_reviewer_expertise";

  /** A database migrated up to just before the criteria-set migration, holding data of that shape. */
  async function databaseBeforeCriteriaSets() {
    const server = process.env.TEST_DATABASE_SERVER_URL!;
    const name = `apc_criteria_${process.env.VITEST_POOL_ID ?? "1"}`;
    await recreateDatabase(server, name);
    const earlier = mkdtempSync(path.join(tmpdir(), "migrations-"));
    for (const m of migrationFolders().filter((f) => f.name < MIGRATION)) {
      mkdirSync(path.join(earlier, m.name));
      writeFileSync(path.join(earlier, m.name, "migration.sql"), m.sql);
    }
    const url = databaseUrl(server, name);
    await applyMigrations(url, earlier);
    return url;
  }

  it(
    "attaches today's criteria, reviews, ratings and gateway answers to a set named for what they used, losing nothing",
    { timeout: 60_000 },
    async () => {
      const url = await databaseBeforeCriteriaSets();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`
        INSERT INTO "Organisation" (id, name, kind, "updatedAt") VALUES ('org', 'Expert group', 'EXPERT_GROUP', now());
        INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ('rev', 'r@example.test', 'Reviewer', 'REVIEWER', now());
        INSERT INTO "Credential" (id, reference, title, "ownerOrganisationId", origin, "updatedAt")
          VALUES ('cred', 'APC-0001', 'Frailty', 'org', 'COMMISSIONED', now());
        INSERT INTO "SpecificationVersion" (id, "credentialId", number, status, "updatedAt") VALUES ('ver', 'cred', 1, 'IN_REVIEW', now());
        INSERT INTO "EndorsementCriterion" (id, number, title, description, "sortOrder", active) VALUES
          ('c4', '4', 'Area-specific capabilities', 'Old 4', 1, true),
          ('c5', '5', 'High-priority need at scale', 'Old 5', 2, true),
          ('c6', '6', 'Retired', 'Old 6', 3, false);
        INSERT INTO "EndorsementReview" (id, "specificationVersionId", "createdAt") VALUES ('rev-1', 'ver', '2025-03-01');
        INSERT INTO "ReviewerAssignment" (id, "reviewId", "reviewerId", status) VALUES ('asg', 'rev-1', 'rev', 'SUBMITTED');
        INSERT INTO "CriterionAssessment" (id, "assignmentId", "criterionId", rating, comment) VALUES
          ('r4', 'asg', 'c4', 'MET', 'Clear'), ('r5', 'asg', 'c5', 'PARTIALLY_MET', 'Thin'), ('r6', 'asg', 'c6', 'NOT_MET', 'Old');
        INSERT INTO "GatewayCriterion" (id, number, title, description, "sortOrder") VALUES ('g1', '1', 'Need', 'Need', 1), ('g2', '2', 'Feasible', 'Feasible', 2);
        INSERT INTO "PriorityRound" (id, name, "updatedAt") VALUES ('round', '2025/26', now());
        INSERT INTO "Priority" (id, "roundId", title, "workforceNeed", "populationNeed", "longTermPlanLink", rank, "updatedAt")
          VALUES ('assessed', 'round', 'Frailty', 'w', 'p', 'l', 1, now()), ('unassessed', 'round', 'Other', 'w', 'p', 'l', 2, now());
        INSERT INTO "GatewayAssessment" (id, "priorityId", "criterionId", met, rationale, "assessedById")
          VALUES ('ga1', 'assessed', 'g1', true, 'Yes', 'rev'), ('ga2', 'assessed', 'g2', false, 'No', 'rev');
      `);
        await applyMigrations(url);

        const sets = await client.query(`SELECT id, kind, number, name, status, "effectiveFrom" FROM "CriteriaSet" ORDER BY kind`);
        expect(sets.rows).toMatchObject([
          { kind: "GATEWAY", number: 0, name: "Gateway criteria used before version 1", status: "PUBLISHED" },
          { kind: "ENDORSEMENT", number: 0, name: "Demo endorsement criteria used before version 1", status: "PUBLISHED" },
        ]);
        const [gatewaySet, endorsementSet] = sets.rows.map((s) => s.id);
        const criteria = await client.query(`SELECT id, "setId", number, description FROM "Criterion" ORDER BY id`);
        expect(criteria.rows).toEqual([
          { id: "c4", setId: endorsementSet, number: "4", description: "Old 4" },
          { id: "c5", setId: endorsementSet, number: "5", description: "Old 5" },
          { id: "c6", setId: endorsementSet, number: "6", description: "Old 6" },
          { id: "g1", setId: gatewaySet, number: "1", description: "Need" },
          { id: "g2", setId: gatewaySet, number: "2", description: "Feasible" },
        ]);
        const ratings = await client.query(`
        SELECT a.id, c.number, a.rating, a.comment FROM "CriterionAssessment" a JOIN "Criterion" c ON c.id = a."criterionId" ORDER BY a.id`);
        expect(ratings.rows).toEqual([
          { id: "r4", number: "4", rating: "MET", comment: "Clear" },
          { id: "r5", number: "5", rating: "PARTIALLY_MET", comment: "Thin" },
          { id: "r6", number: "6", rating: "NOT_MET", comment: "Old" },
        ]);
        expect((await client.query(`SELECT "criteriaSetId" FROM "EndorsementReview"`)).rows).toEqual([{ criteriaSetId: endorsementSet }]);
        expect((await client.query(`SELECT id, "gatewayCriteriaSetId" FROM "Priority" ORDER BY id`)).rows).toEqual([
          { id: "assessed", gatewayCriteriaSetId: gatewaySet },
          { id: "unassessed", gatewayCriteriaSetId: null },
        ]);
        expect((await client.query(`SELECT count(*)::int AS n FROM "GatewayAssessment"`)).rows).toEqual([{ n: 2 }]);
        // The set takes effect no later than the earliest review that used it.
        expect(sets.rows[1].effectiveFrom.toISOString().slice(0, 10)).toBe("2025-03-01");
      } finally {
        await client.end();
      }
    },
  );

  it("on an empty database makes no criteria sets", { timeout: 60_000 }, async () => {
    const url = await databaseBeforeCriteriaSets();
    await applyMigrations(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query(`SELECT count(*)::int AS n FROM "CriteriaSet"`)).rows).toEqual([{ n: 0 }]);
    } finally {
      await client.end();
    }
  });
});

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

describe("the capability framework migration", () => {
  const MIGRATION = "20261202101657_capability_framework";

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

describe("the agenda item status migration", () => {
  it(
    "gives existing agenda items the state their facts imply, and takes a cancelled meeting's items off its agenda",
    { timeout: 60_000 },
    async () => {
      const client = await migrateFromBefore("20261202162145_panel_agenda_item_status", async (db) => {
        await db.query(
          `INSERT INTO "Organisation" ("id", "name", "kind", "updatedAt") VALUES ('org-1', 'Acute group', 'EXPERT_GROUP', now())`,
        );
        await db.query(
          `INSERT INTO "User" ("id", "email", "name", "role", "updatedAt") VALUES ('u-1', 'staff@centre.example', 'Staff', 'CENTRE_STAFF', now())`,
        );
        await db.query(
          `INSERT INTO "Credential" ("id", "reference", "title", "ownerOrganisationId", "origin", "updatedAt") VALUES ('cred-1', 'APC-9001', 'Acute care', 'org-1', 'COMMISSIONED', now())`,
        );
        await db.query(
          `INSERT INTO "CriteriaSet" ("id", "kind", "number", "name") VALUES ('set-1', 'ENDORSEMENT', 1, 'Endorsement criteria')`,
        );
        await db.query(
          `INSERT INTO "SpecificationVersion" ("id", "credentialId", "number", "status", "deliveryModes", "updatedAt")
           VALUES ('v-1', 'cred-1', 1, 'DECLINED', '{}', now()), ('v-2', 'cred-1', 2, 'IN_REVIEW', '{}', now()),
                  ('v-3', 'cred-1', 3, 'IN_REVIEW', '{}', now()), ('v-4', 'cred-1', 4, 'IN_REVIEW', '{}', now())`,
        );
        await db.query(
          `INSERT INTO "EndorsementReview" ("id", "specificationVersionId", "criteriaSetId", "status")
           VALUES ('r-decided', 'v-1', 'set-1', 'DECIDED'), ('r-recommended', 'v-2', 'set-1', 'OPEN'),
                  ('r-waiting', 'v-3', 'set-1', 'OPEN'), ('r-cancelled', 'v-4', 'set-1', 'OPEN')`,
        );
        await db.query(
          `INSERT INTO "PanelMeeting" ("id", "title", "meetsOn", "quorum", "status", "cancelledReason", "createdById", "updatedAt")
           VALUES ('m-held', 'Held panel', DATE '2026-11-02', 1, 'CLOSED', NULL, 'u-1', now()),
                  ('m-next', 'Next panel', DATE '2026-12-20', 1, 'SCHEDULED', NULL, 'u-1', now()),
                  ('m-off', 'Cancelled panel', DATE '2026-12-10', 1, 'CANCELLED', 'Chair unwell.', 'u-1', now())`,
        );
        await db.query(
          `INSERT INTO "PanelAgendaItem" ("id", "meetingId", "reviewId", "recommendation")
           VALUES ('i-decided', 'm-held', 'r-decided', 'DECLINE'), ('i-recommended', 'm-next', 'r-recommended', 'ENDORSE'),
                  ('i-waiting', 'm-next', 'r-waiting', NULL), ('i-cancelled', 'm-off', 'r-cancelled', NULL)`,
        );
      });
      try {
        const items = await client.query(`SELECT "id", "status", "version", "withdrawnReason" FROM "PanelAgendaItem" ORDER BY "id"`);
        expect(items.rows).toEqual([
          { id: "i-cancelled", status: "WITHDRAWN", version: 1, withdrawnReason: "Chair unwell." },
          { id: "i-decided", status: "DECIDED", version: 1, withdrawnReason: null },
          { id: "i-recommended", status: "RECOMMENDED", version: 1, withdrawnReason: null },
          { id: "i-waiting", status: "ON_AGENDA", version: 1, withdrawnReason: null },
        ]);
        // The review whose meeting was cancelled can go on another agenda; the waiting one cannot go on a second.
        await client.query(`INSERT INTO "PanelAgendaItem" ("id", "meetingId", "reviewId") VALUES ('i-again', 'm-next', 'r-cancelled')`);
        await expect(
          client.query(`INSERT INTO "PanelAgendaItem" ("id", "meetingId", "reviewId") VALUES ('i-twice', 'm-held', 'r-waiting')`),
        ).rejects.toThrow(/PanelAgendaItem_reviewId_active_key/);
      } finally {
        await client.end();
      }
    },
  );
});

describe("the migration to impact figures by profession from the list", () => {
  const MIGRATION = "20261202162027_impact_professions_from_list";

  it(
    "gives each row whose text names a listed profession its id, and keeps every other row's text and figures",
    { timeout: 60_000 },
    async () => {
      const client = await migrateFromBefore(MIGRATION, async (db) => {
        await db.query(`
          INSERT INTO "Organisation" (id, name, kind, "updatedAt") VALUES ('org', 'University A', 'EDUCATION_PROVIDER', now()),
            ('grp', 'Expert group', 'EXPERT_GROUP', now());
          INSERT INTO "Credential" (id, reference, title, "ownerOrganisationId", origin, "updatedAt")
            VALUES ('cred', 'APC-0001', 'Frailty', 'grp', 'COMMISSIONED', now());
          INSERT INTO "SpecificationVersion" (id, "credentialId", number, "updatedAt") VALUES ('spec', 'cred', 1, now());
          INSERT INTO "DeliveryPlan" (id, "credentialId", "specificationVersionId", "organisationId", "programmeTitle", "updatedAt")
            VALUES ('plan', 'cred', 'spec', 'org', 'MSc A', now());
          INSERT INTO "ImpactReturn" (id, "planId", "organisationId", "credentialId", period, enrolled, completed, withdrawn, deployed, status, "updatedAt")
            VALUES ('r1', 'plan', 'org', 'cred', '2024/25', 40, 30, 2, 20, 'ACCEPTED', now()),
                   ('r2', 'plan', 'org', 'cred', '2025/26', 40, 30, 2, 20, 'DRAFT', now());
          INSERT INTO "ImpactByProfession" (id, "impactReturnId", profession, enrolled, completed, deployed) VALUES
            ('a', 'r1', ' nursing ', 10, 8, 5),
            ('b', 'r1', 'NURSING', 3, 2, 1),
            ('c', 'r1', 'Paramedicine', 6, 5, 4),
            ('d', 'r1', 'Osteopathy', 2, 1, 1),
            ('e', 'r1', '=1+2', 1, 1, 1),
            ('f', 'r2', 'Pharmacy', 7, 6, 5);
        `);
      });
      try {
        const rows = await client.query(`
          SELECT b.id, b."impactReturnId", p.name AS profession, b."legacyProfession", b.enrolled, b.completed, b.deployed
          FROM "ImpactByProfession" b LEFT JOIN "Profession" p ON p.id = b."professionId" ORDER BY b.id`);
        expect(rows.rows).toEqual([
          { id: "a", impactReturnId: "r1", profession: "Nursing", legacyProfession: null, enrolled: 10, completed: 8, deployed: 5 },
          // The same profession twice in one return: the second keeps its text rather than break one row per profession.
          { id: "b", impactReturnId: "r1", profession: null, legacyProfession: "NURSING", enrolled: 3, completed: 2, deployed: 1 },
          { id: "c", impactReturnId: "r1", profession: "Paramedicine", legacyProfession: null, enrolled: 6, completed: 5, deployed: 4 },
          { id: "d", impactReturnId: "r1", profession: null, legacyProfession: "Osteopathy", enrolled: 2, completed: 1, deployed: 1 },
          { id: "e", impactReturnId: "r1", profession: null, legacyProfession: "=1+2", enrolled: 1, completed: 1, deployed: 1 },
          { id: "f", impactReturnId: "r2", profession: "Pharmacy", legacyProfession: null, enrolled: 7, completed: 6, deployed: 5 },
        ]);
        // No profession is made from free text.
        const made = await client.query(`SELECT count(*)::int AS n FROM "Profession" WHERE name IN ('Osteopathy', 'NURSING', '=1+2')`);
        expect(made.rows).toEqual([{ n: 0 }]);
        await expect(
          client.query(
            `INSERT INTO "ImpactByProfession" (id, "impactReturnId", enrolled, completed, deployed) VALUES ('g', 'r2', 1, 1, 1)`,
          ),
        ).rejects.toThrow(/profession_or_legacy/);
      } finally {
        await client.end();
      }
    },
  );
});
