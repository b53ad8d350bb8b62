import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { AppError, CONCURRENT_MESSAGE, DUPLICATE_MESSAGE, notFound, stale } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { check, type Actor, type GuardContext, type Machine } from "@/lib/workflow";

/** The columns every transitioning row has. */
export type Versioned<S extends string = string> = { id: string; status: S; version: number };

/** The one Prisma delegate method a transition needs; every model's delegate satisfies it. */
export type Updatable = { updateMany(args: never): Promise<{ count: number }> };

/** The fields `table` may write, as Prisma types them for that model: a misspelt or mistyped field fails to compile. */
export type WritableFields<T extends Updatable> = Omit<NonNullable<Parameters<T["updateMany"]>[0]>["data"], "status" | "version">;

export type TransitionRequest<S extends string, C, T extends Updatable = Updatable> = {
  machine: Machine<S, C>;
  transition: string;
  row: Versioned<S>;
  /** The version the user saw; a mismatch means someone else changed the row since. */
  expectedVersion?: number;
  actor: Actor;
  context: C;
  /** The Prisma delegate to write through, e.g. `tx.commission`. */
  table: T;
  /** Field changes written together with the new status. */
  data?: WritableFields<T>;
  reason?: string | null;
  audit?: Prisma.InputJsonValue;
};

export type TransitionOutcome<S extends string> = { id: string; from: S; to: S; version: number };

/**
 * Asks the state machine, then writes the new status with a conditional update — the row must
 * still have the version and status that were checked, so of two concurrent conflicting
 * changes exactly one wins — and appends the audit event. Call inside a transaction.
 */
export async function applyTransition<S extends string, C, T extends Updatable>(
  tx: Tx,
  req: TransitionRequest<S, C, T>,
): Promise<TransitionOutcome<S>> {
  const { row, machine } = req;
  if (req.expectedVersion !== undefined && req.expectedVersion !== row.version) throw stale();
  const verdict = check(machine, req.transition, row.status, { ...req.context, actor: req.actor } as GuardContext<C>);
  if (!verdict.ok) throw new AppError(verdict.code, verdict.reason);
  // The one cast left: status and version are every model's, which no single model's type can say.
  const { count } = await req.table.updateMany({
    where: { id: row.id, version: row.version, status: row.status },
    data: { ...req.data, status: verdict.to, version: { increment: 1 } },
  } as never);
  if (count !== 1) throw stale();
  await recordAudit(tx, {
    entityType: machine.entity,
    entityId: row.id,
    action: req.transition,
    from: row.status,
    to: verdict.to,
    actor: req.actor,
    reason: req.reason,
    data: req.audit,
  });
  return { id: row.id, from: row.status, to: verdict.to, version: row.version + 1 };
}

/** Loads a row through a scoped query; a row the actor may not see is reported as not found. */
export async function loadOrThrow<T>(what: string, query: Promise<T | null>): Promise<T> {
  const row = await query;
  if (!row) throw notFound(what);
  return row;
}

/**
 * Runs a command in one database transaction (change + audit + notifications commit together).
 * A unique key hit by a concurrent identical change, or a write conflict or deadlock, rolls it all
 * back and comes out as one CONFLICT error, so no command needs its own handling for the race.
 */
export async function inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    // maxWait: under a burst every pooled connection can be busy for a moment; waiting a few seconds for
    // one beats failing the change (Prisma's default wait is 2 s).
    return await db().$transaction((tx) => fn(tx), { timeout: 15_000, maxWait: 10_000 });
  } catch (err) {
    throw asConflict(err) ?? err;
  }
}

/** The CONFLICT error for a database error that another concurrent change caused, or null. */
export function asConflict(err: unknown): AppError | null {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return null;
  // Raw queries report the driver's error kind instead of a Prisma code.
  const kind = (err.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined)?.cause?.kind;
  if (err.code === "P2002" || kind === "UniqueConstraintViolation") return new AppError("CONFLICT", DUPLICATE_MESSAGE);
  if (err.code === "P2034" || kind === "TransactionWriteConflict") return new AppError("CONFLICT", CONCURRENT_MESSAGE);
  return null;
}
