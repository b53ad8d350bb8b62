import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
/** The client or an interactive transaction — data-layer functions accept either. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
}

const globalForDb = globalThis as unknown as { apcDb?: { url: string; client: PrismaClient } };

/** One client per process and database URL (survives dev-server reloads). */
export function db(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (globalForDb.apcDb?.url !== url) globalForDb.apcDb = { url, client: createDb(url) };
  return globalForDb.apcDb.client;
}
