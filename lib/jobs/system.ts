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
 * Most rows a set-based job changes in one transaction for one organisation (at national scale a provider has a few
 * hundred deliveries): a few statements whatever the size, so one message per organisation rather than per batch.
 */
export const JOB_GROUP_SIZE = 1000;

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
  return inBatches(db, chunks(rows, batchSize), async (tx, batch) => {
    let n = 0;
    for (const row of batch) if (await fn(tx, row)) n++;
    return n;
  });
}

/**
 * As `eachInTransaction`, for work done on a whole batch at once (set-based SQL): `fn` gets each batch (from `chunks`,
 * `perOrganisation` or a keyset read) and returns how many rows it changed; the counts are summed. A batch that fails
 * is redone one row at a time.
 */
export async function inBatches<T>(
  db: PrismaClient,
  batches: Iterable<T[]> | AsyncIterable<T[]>,
  fn: (tx: Tx, batch: T[]) => Promise<number>,
): Promise<number> {
  const counts = await inGroups(db, batches, async (tx, batch) => [await fn(tx, batch)]);
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * Runs `fn` once per group, each in its own transaction, and returns what the committed groups reported. A group
 * that fails is redone one row per transaction; failures are thrown together at the end (see `eachInTransaction`).
 * Groups may be produced as they are needed (see `perOrganisation`), so only one group's rows need be in memory.
 */
export async function inGroups<T, R>(
  db: PrismaClient,
  groups: Iterable<T[]> | AsyncIterable<T[]>,
  fn: (tx: Tx, group: T[]) => Promise<R[]>,
): Promise<R[]> {
  const done: R[] = [];
  const errors: unknown[] = [];
  let rows = 0;
  const inOne = (group: T[]) => db.$transaction((tx) => fn(tx, group), { timeout: 15_000 + 500 * group.length });
  for await (const group of groups) {
    rows += group.length;
    try {
      done.push(...(await inOne(group)));
      continue;
    } catch (err) {
      if (group.length === 1) {
        errors.push(err);
        continue;
      }
    }
    for (const row of group) {
      try {
        done.push(...(await inOne([row])));
      } catch (err) {
        errors.push(err);
      }
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, `${errors.length} of ${rows} rows failed`);
  return done;
}

/** Rows in consecutive batches of at most `size`. */
export function chunks<T>(rows: readonly T[], size = JOB_BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Each organisation's rows, read when its turn comes and cut into batches of at most `size`: a job that tells each
 * organisation about its rows in one message works through one organisation per transaction, and holds one
 * organisation's rows at a time rather than the whole country's (tens of thousands of rows on a busy tick).
 */
export async function* perOrganisation<T>(
  organisationIds: readonly string[],
  load: (organisationId: string) => Promise<T[]>,
  size = JOB_GROUP_SIZE,
): AsyncGenerator<T[]> {
  for (const organisationId of organisationIds) yield* chunks(await load(organisationId), size);
}
