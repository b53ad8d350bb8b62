import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/workflow";

// What every scheduled job shares: who it acts as, its settings, and how it works through rows.
// The flags and reminder times jobs set are bookkeeping, not content: they leave a row's `version` alone, so the
// scheduler never makes a form someone has open "changed by someone else".

/** Scheduled jobs act as the system; `recordAudit` writes them with no actor id ("Scheduled job"). */
export const SYSTEM_ACTOR: Actor = { id: "system", role: "SYSTEM", organisationId: null };

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
export async function eachInTransaction<T>(
  db: PrismaClient,
  rows: readonly T[],
  fn: (tx: Tx, row: T) => Promise<boolean>,
): Promise<number> {
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
