// Runs before every integration test file. Vitest gives each file its own worker process, and
// each worker a fresh copy of the migrated template as its database, so files never share rows.
import { afterAll, vi } from "vitest";
import { MISSING_SERVER_MESSAGE, assertLocalDatabaseUrl, databaseUrl, disconnectTestDb, recreateDatabase } from "../support/db";

const serverUrl = process.env.TEST_DATABASE_SERVER_URL;
const appServerUrl = process.env.TEST_APP_SERVER_URL;
if (!serverUrl || !appServerUrl) throw new Error(MISSING_SERVER_MESSAGE);
assertLocalDatabaseUrl(serverUrl, "TEST_DATABASE_SERVER_URL");

const template = process.env.TEST_TEMPLATE_DB ?? "apc_template";
// VITEST_POOL_ID is unique among the workers running at the same moment (1…maxWorkers).
const name = `apc_test_${process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? "1"}`;

await recreateDatabase(serverUrl, name, template);
// Set before the test file imports any app module (lib/db.ts reads it). The app, and the tests, connect
// as the app role, which may only read and write rows; resetDb and migration checks use the owner.
process.env.DATABASE_URL = databaseUrl(appServerUrl, name);
process.env.TEST_OWNER_DATABASE_URL = databaseUrl(serverUrl, name);

afterAll(disconnectTestDb);

// Outside Next there is no data cache: cached reads (lib/data/totals.ts, the catalogue's, the directory's) read
// through, and expiring a tag or a path does nothing. A file that checks what is expired mocks next/cache itself.
vi.mock("next/cache", () => ({
  unstable_cache: <F>(fn: F) => fn,
  updateTag: () => {},
  revalidateTag: () => {},
  revalidatePath: () => {},
}));
