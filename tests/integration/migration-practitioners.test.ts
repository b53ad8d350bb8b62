import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, migrationFolders } from "@/scripts/lib/migrate";
import { databaseUrl, recreateDatabase } from "../support/db";

// The migration that makes practitioners people, run on data of the shape every database had before it: completions
// carrying a plain name, registration and profession.

const MIGRATION = "20261202101619_practitioners_and_signed_badges";
const DB = `apc_migration_practitioners_${process.pid}`;
const server = () => process.env.TEST_DATABASE_SERVER_URL!;
let client: pg.Client;

/** A migrations folder holding every migration before this one. */
function foldersBefore(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
  const source = path.resolve("prisma/migrations");
  for (const m of migrationFolders().filter((m) => m.name < name))
    cpSync(path.join(source, m.name), path.join(dir, m.name), { recursive: true });
  return dir;
}

const q = async <R extends pg.QueryResultRow>(sql: string, values?: unknown[]) => (await client.query<R>(sql, values)).rows;

beforeAll(async () => {
  await recreateDatabase(server(), DB);
  const url = databaseUrl(server(), DB);
  await applyMigrations(url, foldersBefore(MIGRATION));
  client = new pg.Client({ connectionString: url });
  await client.connect();
  // Today's shape: two providers, one credential and plan each; completions name their practitioner in plain text.
  await q(`INSERT INTO "Organisation" (id, name, kind, "updatedAt") VALUES
    ('org-a', 'University A', 'EDUCATION_PROVIDER', now()), ('org-b', 'University B', 'EDUCATION_PROVIDER', now()),
    ('org-x', 'Expert group', 'EXPERT_GROUP', now())`);
  await q(`INSERT INTO "Credential" (id, reference, title, "ownerOrganisationId", origin, "updatedAt") VALUES
    ('cred', 'APC-0001', 'Frailty', 'org-x', 'COMMISSIONED', now())`);
  await q(`INSERT INTO "SpecificationVersion" (id, "credentialId", number, "updatedAt") VALUES ('spec', 'cred', 1, now())`);
  await q(`INSERT INTO "DeliveryPlan" (id, "credentialId", "specificationVersionId", "organisationId", "programmeTitle", "updatedAt") VALUES
    ('plan-a', 'cred', 'spec', 'org-a', 'MSc A', now()), ('plan-b', 'cred', 'spec', 'org-b', 'MSc B', now())`);
  const completion = (id: string, org: string, name: string, registration: string, profession: string, created: string, badge?: string) =>
    q(
      `INSERT INTO "Completion" (id, "planId", "organisationId", "credentialId", "practitionerName", registration, profession, "completedOn", "createdAt", status, "badgeId", "recognisedAt")
       VALUES ($1, $2, $3, 'cred', $4, $5, $6, '2026-01-01', $7, $8, $9, $10)`,
      [
        id,
        `plan-${org.slice(-1)}`,
        org,
        name,
        registration,
        profession,
        created,
        badge ? "RECOGNISED" : "RECORDED",
        badge ?? null,
        badge ? created : null,
      ],
    );
  await completion("c1", "org-a", "Grace Mensah", "12J3456E", "nursing", "2026-01-10", "badge-1");
  await completion("c2", "org-a", "Grace Mensah", "12J3456F", "Nursing ", "2026-02-10");
  await completion("c3", "org-b", "Grace Mensah", "99X0001A", "Midwifery", "2026-01-15");
  await completion("c4", "org-a", "Imran Qureshi", "", "Chiropody", "2026-01-20");
  await applyMigrations(url);
});

afterAll(async () => {
  await client?.end();
  const admin = new pg.Client({ connectionString: server() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  await admin.end();
});

describe("moving completions to practitioners", () => {
  it("makes one practitioner per distinct name and organisation, and every completion points at its own", async () => {
    const rows = await q<{ id: string; name: string; organisationId: string; n: number }>(
      `SELECT p.id, p.name, p."organisationId", count(c.id)::int AS n FROM "Practitioner" p JOIN "Completion" c ON c."practitionerId" = p.id
       GROUP BY p.id ORDER BY p.name, p."organisationId"`,
    );
    expect(rows.map((r) => [r.name, r.organisationId, r.n])).toEqual([
      ["Grace Mensah", "org-a", 2],
      ["Grace Mensah", "org-b", 1],
      ["Imran Qureshi", "org-a", 1],
    ]);
    expect(await q(`SELECT id FROM "Completion" WHERE "practitionerId" IS NULL`)).toEqual([]);
  });

  it("keeps what each completion was recorded with, and gives practitioners the latest registration and a listed profession", async () => {
    const completions = await q<{ id: string; practitionerName: string; registration: string; profession: string }>(
      `SELECT id, "practitionerName", registration, profession FROM "Completion" ORDER BY id`,
    );
    expect(completions.map((c) => [c.id, c.practitionerName, c.registration, c.profession])).toEqual([
      ["c1", "Grace Mensah", "12J3456E", "nursing"],
      ["c2", "Grace Mensah", "12J3456F", "Nursing "],
      ["c3", "Grace Mensah", "99X0001A", "Midwifery"],
      ["c4", "Imran Qureshi", "", "Chiropody"],
    ]);
    const practitioners = await q<{
      name: string;
      organisationId: string;
      registrationNumber: string | null;
      profession: string | null;
      listedInDirectory: boolean;
    }>(
      `SELECT p.name, p."organisationId", p."registrationNumber", f.name AS profession, p."listedInDirectory"
       FROM "Practitioner" p LEFT JOIN "Profession" f ON f.id = p."professionId" ORDER BY p.name, p."organisationId"`,
    );
    expect(practitioners).toEqual([
      { name: "Grace Mensah", organisationId: "org-a", registrationNumber: "12J3456F", profession: "Nursing", listedInDirectory: false },
      { name: "Grace Mensah", organisationId: "org-b", registrationNumber: "99X0001A", profession: "Midwifery", listedInDirectory: false },
      // Not on the list and no registration number: kept, but not eligible for another completion until completed.
      { name: "Imran Qureshi", organisationId: "org-a", registrationNumber: null, profession: null, listedInDirectory: false },
    ]);
  });

  it("gives an issued badge a salt and every completion its own status-list index", async () => {
    const rows = await q<{ id: string; badgeSalt: string | null; statusListIndex: number }>(
      `SELECT id, "badgeSalt", "statusListIndex" FROM "Completion" ORDER BY id`,
    );
    expect(rows.filter((r) => r.badgeSalt).map((r) => r.id)).toEqual(["c1"]);
    expect(new Set(rows.map((r) => r.statusListIndex)).size).toBe(4);
  });

  it("brings the list of professions with it", async () => {
    const names = (await q<{ name: string }>(`SELECT name FROM "Profession"`)).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["Nursing", "Midwifery", "Pharmacy", "Physiotherapy", "Paramedicine"]));
  });
});
