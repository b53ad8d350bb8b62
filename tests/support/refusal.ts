import { AppError } from "@/lib/errors";

/** Awaits a command that must be refused and returns its AppError (any other outcome fails the test). */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected the command to be refused");
}

/**
 * Runs two conflicting commands at once and returns the winner's result and the loser's refusal; fails the test
 * unless exactly one succeeds and the other is told someone else changed the record first.
 */
export async function oneOfTwoWins<A, B>(first: Promise<A>, second: Promise<B>): Promise<{ won: A | B; lost: AppError }> {
  const results = await Promise.allSettled<Promise<A | B>[]>([first, second]);
  const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  if (won.length !== 1) throw new Error(`expected exactly one of two concurrent changes to win; ${won.length} did`);
  const reason = lost[0];
  if (!(reason instanceof AppError) || !["STALE_VERSION", "CONFLICT"].includes(reason.code)) throw reason;
  return { won: won[0], lost: reason };
}
