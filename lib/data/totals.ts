import "server-only";
import { unstable_cache } from "next/cache";

/** Cache tag of every shared list total: expired by every change made through the app (`runAction`, lib/actions.ts). */
export const LIST_TOTALS_TAG = "list-totals";

/** Changes made outside this server's actions (the job worker's, another web server's) show in the totals within this. */
export const LIST_TOTAL_SECONDS = 60;

/**
 * How many rows a list has in all. When `scope` adds no condition (Centre staff see the whole country) the number
 * is the same for everyone who asks, and counting a national list takes PostgreSQL 2–15 ms on every request (the
 * staff quality page counts three), so it is shared and cached under `list` and `filter`. The caller passes only
 * filters from the list's own fixed choices, so the cached totals are few; a narrower list (a provider's own rows,
 * one plan's, a reviewer's, a search) is counted fresh.
 */
export function listTotal(list: string, scope: object, filter: string, count: () => Promise<number>): Promise<number> {
  if (Object.keys(scope).length > 0) return count();
  return shared(["list-total", list, filter], count);
}

/**
 * Figures that are the same for everyone who sees them (staff's dashboard counts and tasks), read once and cached
 * under `key` like a list's total: expired by every change made through this server's actions, and never more than
 * LIST_TOTAL_SECONDS old. (Next answers with an expired entry while it reads a new one in the background, and keeps
 * entries across restarts, so each carries the time it was read, and an older one is read again here.) Only plain
 * JSON values survive the cache.
 */
export async function shared<T>(key: string[], read: () => Promise<T>): Promise<T> {
  const stamped = unstable_cache(async () => ({ value: await read(), readAt: Date.now() }), key, {
    tags: [LIST_TOTALS_TAG],
    revalidate: LIST_TOTAL_SECONDS,
  });
  const { value, readAt } = await stamped();
  return Date.now() - readAt <= LIST_TOTAL_SECONDS * 1000 ? value : read();
}
