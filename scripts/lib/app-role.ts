// The database roles. The OWNER (DATABASE_URL, or the embedded server's superuser) owns the tables and
// runs migrations; the web server and the worker connect as the APP ROLE, which owns nothing and may only
// read and write rows: no DDL, no TRUNCATE anywhere, and no UPDATE or DELETE of the audit trail. Every
// statement that sets this up is here, used by `npm start`, `npm run db:migrate` and `npm test`.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { installJobQueues, PGBOSS_SCHEMA } from "../../lib/jobs/queues";
import { applyMigrations } from "./migrate";

/** The login role `npm start` creates when it may. */
export const APP_ROLE = "apc_app";

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The app role's privileges. Idempotent; re-applied after every migration, since GRANT … ON ALL TABLES
 * covers only the tables that exist (the default privileges cover tables the owner creates later).
 */
export function grantStatements(role: string): string[] {
  const r = ident(role);
  const dml = (schema: string) => [
    `GRANT USAGE ON SCHEMA ${schema} TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${r}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
  ];
  return [
    // PostgreSQL before 15 lets every role create tables in `public`.
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `REVOKE CREATE ON SCHEMA public FROM ${r}`,
    ...dml("public"),
    ...dml(PGBOSS_SCHEMA),
    // The audit trail is append-only, and the migration history is the owner's business.
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "AuditEvent" FROM ${r}`,
    `REVOKE ALL ON "_prisma_migrations" FROM ${r}`,
  ];
}

/** Applies the app role's privileges, as the owner. */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const sql of grantStatements(role)) await client.query(sql);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}

/**
 * Creates the app's login role, or resets its password and attributes, as the owner. False when the
 * owner may not (it is neither superuser nor CREATEROLE, or the role exists and is not its to alter).
 */
export async function ensureAppRole(ownerUrl: string, role: string, password: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ may: boolean; exists: boolean }>(
      `SELECT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) AS may,
              EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists`,
      [role],
    );
    if (!rows[0].may) return false;
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`;
    try {
      await client.query(`${rows[0].exists ? "ALTER" : "CREATE"} ROLE ${ident(role)} ${attributes}`);
    } catch (err) {
      if ((err as { code?: string }).code === "42501") return false; // insufficient privilege
      throw err;
    }
    return true;
  } finally {
    await client.end();
  }
}

/** The same database as `url`, signed in as another role. */
export function urlAs(url: string, role: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role);
  u.password = encodeURIComponent(password);
  return u.toString();
}

function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** The app role's password, generated once and kept (owner-readable only) in the data folder. */
export function storedPassword(dataDir: string): string {
  const file = path.join(dataDir, "app-role-password");
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/**
 * Brings a database up to date as its owner: the migrations, pg-boss's schema and queues, then the
 * app role's privileges (for `grantTo`, when given) over whatever now exists.
 */
export async function migrateDatabase(ownerUrl: string, grantTo?: string): Promise<string[]> {
  const applied = await applyMigrations(ownerUrl);
  await installJobQueues(ownerUrl);
  if (grantTo) await grantAppRole(ownerUrl, grantTo);
  return applied;
}

export type AppConnection = { url: string; role: string; warning?: string };

/**
 * After migrating: the URL the web server and worker use. APP_DATABASE_URL's role when given (and
 * granted its privileges here); else the app role, created with a password kept in `dataDir`; else,
 * when the owner may not create roles, the owner's own URL, with a warning to print.
 */
export async function appConnection(ownerUrl: string, appUrl: string | undefined, dataDir: string): Promise<AppConnection> {
  if (appUrl) {
    const role = roleOf(appUrl);
    if (role === roleOf(ownerUrl)) {
      return { url: appUrl, role, warning: `APP_DATABASE_URL signs in as the owner (${role}): the app runs with the owner's privileges.` };
    }
    await grantAppRole(ownerUrl, role);
    return { url: appUrl, role };
  }
  const password = storedPassword(dataDir);
  if (await ensureAppRole(ownerUrl, APP_ROLE, password)) {
    await grantAppRole(ownerUrl, APP_ROLE);
    return { url: urlAs(ownerUrl, APP_ROLE, password), role: APP_ROLE };
  }
  return {
    url: ownerUrl,
    role: roleOf(ownerUrl),
    warning: `WARNING: the app connects as the database owner (${roleOf(ownerUrl)}), which may not create the role ${APP_ROLE}: it can alter the schema and empty the audit trail. Set APP_DATABASE_URL to a role with only the app's privileges (see README).`,
  };
}
