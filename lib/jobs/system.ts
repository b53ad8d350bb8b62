import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/workflow";

// What every scheduled job shares: who it acts as, its clock arithmetic, and how it works through rows.
// The flags and reminder times jobs set are bookkeeping, not content: they leave a row's `version` alone, so the
// scheduler never makes a form someone has open "changed by someone else".

/** Scheduled jobs act as the system; `recordAudit` writes them with no actor id ("Scheduled job"). */
export const SYSTEM_ACTOR: Actor = { id: "system", role: "SYSTEM", organisationId: null };

export const DAY_MS = 24 * 60 * 60 * 1000;

export const addDays = (from: Date, days: number) => new Date(from.getTime() + days * DAY_MS);

/** Midnight UTC of the day `d` falls on — the form of `@db.Date` columns. */
export const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/** A positive whole number from the environment, or the default. */
export function envInt(name: string, fallback: number): number {
  const value = Number.parseInt(process.env[name] ?? "", 10);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * Runs `fn` for each row in its own transaction, so one row that fails (say, a staff member changed
 * it at that moment) neither rolls back nor blocks the others. Failures are thrown together at the
 * end: pg-boss then retries the job, and because every handler is idempotent the rows that already
 * succeeded are not done twice. Returns how many rows `fn` reported as changed.
 */
export async function eachInTransaction<T>(db: PrismaClient, rows: readonly T[], fn: (tx: Tx, row: T) => Promise<boolean>): Promise<number> {
  let changed = 0;
  const errors: unknown[] = [];
  for (const row of rows) {
    try {
      if (await db.$transaction((tx) => fn(tx, row), { timeout: 15_000 })) changed++;
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, `${errors.length} of ${rows.length} rows failed`);
  return changed;
}
