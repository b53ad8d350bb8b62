import { beforeEach, describe, expect, it, vi } from "vitest";
import { unstable_cache } from "next/cache";
import { LIST_TOTAL_SECONDS, LIST_TOTALS_TAG, listTotal } from "@/lib/data/totals";

// A stand-in for Next's data cache: one stored value per key, as unstable_cache keeps them.
const stored = new Map<string, unknown>();
vi.mock("next/cache", () => ({
  unstable_cache: vi.fn(<T>(fn: () => Promise<T>, keyParts: string[]) => async () => {
    const key = keyParts.join("|");
    if (!stored.has(key)) stored.set(key, await fn());
    return stored.get(key) as T;
  }),
}));

beforeEach(() => {
  stored.clear();
  vi.mocked(unstable_cache).mockClear();
});

describe("a list's total", () => {
  it("is shared and cached, under the list and its filter, when the scope adds no condition", async () => {
    let rows = 50_000;
    const count = vi.fn(async () => rows);
    expect(await listTotal("completions", {}, "RECORDED", count)).toBe(50_000);
    rows = 50_001;
    expect(await listTotal("completions", {}, "RECORDED", count)).toBe(50_000);
    expect(count).toHaveBeenCalledTimes(1);
    expect(await listTotal("completions", {}, "", count)).toBe(50_001);
    expect(vi.mocked(unstable_cache).mock.calls[0].slice(1)).toEqual([
      ["list-total", "completions", "RECORDED"],
      { tags: [LIST_TOTALS_TAG], revalidate: LIST_TOTAL_SECONDS },
    ]);
  });

  it("is read again when the cached one is older than a minute, as Next may still answer with it (or kept it across a restart)", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-03T10:00:00Z") });
    try {
      let rows = 10;
      const count = vi.fn(async () => rows);
      expect(await listTotal("quality-actions", {}, "overdue", count)).toBe(10);
      rows = 11;
      vi.setSystemTime(new Date("2026-12-03T10:01:00Z"));
      expect(await listTotal("quality-actions", {}, "overdue", count)).toBe(10);
      vi.setSystemTime(new Date("2026-12-03T10:01:01Z"));
      expect(await listTotal("quality-actions", {}, "overdue", count)).toBe(11);
    } finally {
      vi.useRealTimers();
    }
  });

  it("is counted fresh on every call for a narrower scope (a provider's own rows), and never cached", async () => {
    let rows = 3;
    const count = vi.fn(async () => rows);
    const scope = { organisationId: "org-1" };
    expect(await listTotal("completions", scope, "", count)).toBe(3);
    rows = 4;
    expect(await listTotal("completions", scope, "", count)).toBe(4);
    expect(unstable_cache).not.toHaveBeenCalled();
  });
});
