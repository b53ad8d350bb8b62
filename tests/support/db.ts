// The test databases: one local PostgreSQL server (started by `npm test`), one migrated
// template database, and a fresh copy of it for every Vitest worker.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Tests drop and create databases, so they refuse any server that is not on this machine. */
export function assertLocalDatabaseUrl(url: string, variable: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${variable} is not a valid PostgreSQL URL.`);
  }
  if (!LOCAL_HOSTS.has(parsed.hostname)) {
    throw new Error(
      `${variable} points at "${parsed.hostname}". Tests create and drop databases, so they only run against a PostgreSQL on localhost, 127.0.0.1 or ::1.`,
    );
  }
  return parsed;
}

/** The same server, another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Replaces `name` with an empty database or a fresh copy of `template`, closing any sessions still connected to the old one. */
export async function recreateDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    // Two workers copying the template at the same moment can briefly see each other as a user of it.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
        return;
      } catch (err) {
        const busy = err instanceof Error && /is being accessed by other users/.test(err.message);
        if (!busy || attempt === 20) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await client.end();
  }
}

export const MISSING_SERVER_MESSAGE =
  "Run integration tests through `npm test` (or set TEST_DATABASE_SERVER_URL, the owner's, and TEST_APP_SERVER_URL, the app role's)";

/** This worker's database, signed in as the app role (as the app runs), set up by tests/integration/setup.ts. */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url || !process.env.TEST_DATABASE_SERVER_URL) throw new Error(MISSING_SERVER_MESSAGE);
  return url;
}

/** The same database signed in as its owner, which migrated it. */
export function ownerDatabaseUrl(): string {
  const url = process.env.TEST_OWNER_DATABASE_URL;
  if (!url) throw new Error(MISSING_SERVER_MESSAGE);
  return url;
}

const state: { client?: PrismaClient; owner?: pg.Pool; tables?: string[] } = {};

/** A Prisma client for this worker's database as the app role (one per test file; disconnected after the file). */
export function testDb(): PrismaClient {
  state.client ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl() }) });
  return state.client;
}

/** Runs SQL as the owner, for what the app role may not do. */
export async function asOwner<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<R[]> {
  state.owner ??= new pg.Pool({ connectionString: ownerDatabaseUrl(), max: 1 });
  return (await state.owner.query<R>(sql, values)).rows;
}

/** The framework's editions and capabilities are reference data the migrations insert, like the migration history. */
const REFERENCE_TABLES = ["_prisma_migrations", "FrameworkEdition", "CoreCapability"];

/**
 * Empties every table but the migration history and reference data, for files that want a clean slate in `beforeEach`.
 * `keep` names further tables to leave as the migrations filled them (the demo seed needs the lists of professions
 * and bank holidays that the migrations insert; most tests add only what they use).
 */
export async function resetDb({ keep = [] }: { keep?: string[] } = {}): Promise<void> {
  state.tables ??= (
    await asOwner<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND NOT (tablename = ANY($1))`, [
      REFERENCE_TABLES,
    ])
  ).map((t) => t.tablename);
  const tables = state.tables.filter((t) => !keep.includes(t));
  if (tables.length === 0) return;
  // The audit trail refuses TRUNCATE even from its owner; only the owner can lift that (one statement, so atomic).
  await asOwner(`DO $$ BEGIN
    ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_truncate";
    TRUNCATE TABLE ${tables.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE;
    ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_truncate";
  END $$`);
}

export async function disconnectTestDb(): Promise<void> {
  const { client, owner } = state;
  state.client = state.owner = undefined;
  await Promise.all([client?.$disconnect(), owner?.end()]);
}
