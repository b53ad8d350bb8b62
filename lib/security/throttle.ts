import "server-only";
import { db } from "@/lib/db";

/**
 * How hard a key is slowed down. The first `free` events cost nothing; each one after that
 * locks the key for `baseDelayMs`, doubling with every further event, never longer than
 * `maxDelayMs`. The count forgets one event every `decayMs`, so a key always recovers (there
 * is no permanent lock) and a quiet period clears it.
 */
export type ThrottlePolicy = { free: number; baseDelayMs: number; maxDelayMs: number; decayMs: number };

/** A refusal: the key is locked for this long yet. */
export type Throttled = { retryAfterMs: number };

type State = { count: number; lockedUntil: Date | null; updatedAt: Date };

/** The pure rule behind `hit`: the state after one more event at `now`. */
export function afterHit(state: State | null, policy: ThrottlePolicy, now: Date): State {
  const elapsed = state ? Math.max(0, now.getTime() - state.updatedAt.getTime()) : 0;
  const remembered = state ? Math.max(0, state.count - Math.floor(elapsed / policy.decayMs)) : 0;
  const count = remembered + 1;
  const over = count - policy.free;
  const delay = over > 0 ? Math.min(policy.baseDelayMs * 2 ** Math.min(over - 1, 40), policy.maxDelayMs) : 0;
  return { count, lockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null, updatedAt: now };
}

const lockOf = (lockedUntil: Date | null, now: Date): Throttled | null =>
  lockedUntil && lockedUntil > now ? { retryAfterMs: lockedUntil.getTime() - now.getTime() } : null;

/** Whether `key` is locked at `now`. Reads only. */
export async function check(key: string, now: Date = new Date()): Promise<Throttled | null> {
  const row = await db().throttle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return lockOf(row?.lockedUntil ?? null, now);
}

/**
 * Records one event for `key` unless it is locked already. Returns `refused` when the key was
 * locked before this event (nothing is recorded, so waiting callers are not punished further),
 * and `locked` when this event earned a lock-out. The row is locked for the read-modify-write,
 * so concurrent events are counted one after the other: a burst cannot slip past `free` (it
 * queues instead, hence the generous wait for a connection).
 */
export async function hit(
  key: string,
  policy: ThrottlePolicy,
  now: Date = new Date(),
): Promise<{ refused: Throttled | null; locked: Throttled | null }> {
  return db().$transaction(
    async (tx) => {
      // One statement creates or locks the row and reads it: a separate insert then SELECT … FOR UPDATE finds
      // nothing when a concurrent `clear` deletes the row in between.
      const [row] = await tx.$queryRaw<State[]>`
      INSERT INTO "Throttle" ("key", "count", "updatedAt") VALUES (${key}, 0, ${now})
      ON CONFLICT ("key") DO UPDATE SET "key" = EXCLUDED."key"
      RETURNING "count", "lockedUntil", "updatedAt"`;
      const refused = lockOf(row.lockedUntil, now);
      if (refused) return { refused, locked: refused };
      const next = afterHit(row, policy, now);
      await tx.throttle.update({ where: { key }, data: next });
      return { refused: null, locked: lockOf(next.lockedUntil, now) };
    },
    { maxWait: 10_000, timeout: 10_000 },
  );
}

/** Forgets every event for `key` (e.g. after a successful sign-in). */
export async function clear(key: string): Promise<void> {
  await db().throttle.deleteMany({ where: { key } });
}

/** "2 minutes", "45 seconds": how long to wait, rounded up, for messages and Retry-After. */
export function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
