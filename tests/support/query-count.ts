// Counts the SQL queries the data layer sends, by installing a logging client as the app's
// database client (lib/db.ts keeps one per URL on globalThis).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { testDatabaseUrl } from "./db";

type Holder = { apcDb?: { url: string; client: PrismaClient } };

let queries = 0;

export function installCountingClient() {
  const url = testDatabaseUrl();
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  client.$on("query", () => {
    queries++;
  });
  (globalThis as Holder).apcDb = { url, client };
}

/** How many queries `fn` sent. */
export async function countQueries(fn: () => Promise<unknown>): Promise<number> {
  const before = queries;
  await fn();
  return queries - before;
}
