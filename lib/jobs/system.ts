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
 * Rows a job changes per transaction. At national scale a job may touch thousands of rows: one transaction (and one
 * commit) per row made the yearly tick that opens every delivery's annual return take minutes, while one transaction
 * over the whole run would hold its locks for all that time. A batch this size commits in well under a second.
 */
export const JOB_BATCH_SIZE = 100;

/**
 * Runs `fn` for each row, a batch of rows per transaction. A row that fails (say, a staff member changed it at that
 * moment) rolls back its batch, which is then redone one row per transaction, so that row neither rolls back nor
 * blocks the others. Failures are thrown together at the end: pg-boss then retries the job, and because every
 * handler is idempotent the rows that already succeeded are not done twice. Returns how many rows `fn` reported as
 * changed.
 */
export async function eachInTransaction<T>(
  db: PrismaClient,
  rows: readonly T[],
  fn: (tx: Tx, row: T) => Promise<boolean>,
  batchSize = JOB_BATCH_SIZE,
): Promise<number> {
  return inBatches(
    db,
    rows,
    async (tx, batch) => {
      let n = 0;
      for (const row of batch) if (await fn(tx, row)) n++;
      return n;
    },
    batchSize,
  );
}

/**
 * As `eachInTransaction`, for work done on a whole batch at once (set-based SQL): `fn` gets the batch's rows and
 * returns how many it changed. A batch that fails is redone one row at a time.
 */
export async function inBatches<T>(
  db: PrismaClient,
  rows: readonly T[],
  fn: (tx: Tx, batch: T[]) => Promise<number>,
  batchSize = JOB_BATCH_SIZE,
): Promise<number> {
  let changed = 0;
  const errors: unknown[] = [];
  const inOne = (batch: T[]) => db.$transaction((tx) => fn(tx, batch), { timeout: 15_000 + 500 * batch.length });
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    try {
      changed += await inOne(batch);
      continue;
    } catch (err) {
      if (batch.length === 1) {
        errors.push(err);
        continue;
      }
    }
    for (const row of batch) {
      try {
        changed += await inOne([row]);
      } catch (err) {
        errors.push(err);
      }
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, `${errors.length} of ${rows.length} rows failed`);
  return changed;
}
