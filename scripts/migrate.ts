// `npm run db:migrate` — brings DATABASE_URL's database up to date, connected as its owner: the
// migrations, pg-boss's schema and queues, then the app role's privileges (APP_DATABASE_URL's role,
// else the role `npm start` creates, if it exists) over the tables that now exist.
import "dotenv/config";
import pg from "pg";
import { APP_ROLE, migrateDatabase } from "./lib/app-role";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to migrate, signed in as its owner (npm start migrates its embedded database itself).");
  process.exit(1);
}

async function appRole(ownerUrl: string): Promise<string | undefined> {
  if (process.env.APP_DATABASE_URL) return decodeURIComponent(new URL(process.env.APP_DATABASE_URL).username);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    return rowCount ? APP_ROLE : undefined;
  } finally {
    await client.end();
  }
}

try {
  const role = await appRole(url);
  const names = await migrateDatabase(url, role);
  console.log(names.length ? `Applied: ${names.join(", ")}` : "Database is up to date.");
  console.log(
    role
      ? `Privileges granted to the app role ${role}.`
      : `No app role to grant privileges to (set APP_DATABASE_URL, or let npm start create ${APP_ROLE}).`,
  );
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
