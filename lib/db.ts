import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { replicaDatabaseUrl } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { NAMED_STATEMENT_LIMIT, statementNamer } from "@/lib/statement-names";

export type Db = PrismaClient;
/** The client or an interactive transaction — data-layer functions accept either. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const statementName = statementNamer(NAMED_STATEMENT_LIMIT);

export function createDb(url: string): PrismaClient {
  // The adapter passes the name straight to pg, where undefined is what it sends without a generator: unnamed.
  const statementNameGenerator = statementName as (query: { sql: string }) => string;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }, { statementNameGenerator }) });
}

type Cached = { url: string; client: PrismaClient };
const globalForDb = globalThis as unknown as { apcDb?: Cached; apcReadDb?: Cached };

/** One client per process and database URL (survives dev-server reloads). */
export function db(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (globalForDb.apcDb?.url !== url) globalForDb.apcDb = { url, client: createDb(url) };
  return globalForDb.apcDb.client;
}

/**
 * The client for reads that bear a replica's lag of a second or so and are never followed by a write in the same
 * request: dashboard counts and sections, impact figures, exports. One client per process on `DATABASE_REPLICA_URL`
 * when set; otherwise the primary's `db()`. Commands, sessions, throttles and to-do lists stay on `db()`, so a person
 * always sees their own change once it is made.
 */
export function readDb(): PrismaClient {
  const url = replicaDatabaseUrl();
  if (!url) return db();
  if (globalForDb.apcReadDb?.url !== url) globalForDb.apcReadDb = { url, client: createDb(url) };
  return globalForDb.apcReadDb.client;
}
