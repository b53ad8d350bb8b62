import { describe, expect, it } from "vitest";
import { afterHit, waitText } from "@/lib/security/throttle";

const policy = { free: 5, baseDelayMs: 5_000, maxDelayMs: 15 * 60_000, decayMs: 15 * 60_000 };
const T0 = new Date("2026-06-01T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("afterHit", () => {
  it("is free for the first events, then doubles the lock-out with each further event up to the cap", () => {
    let state = null;
    const delays: number[] = [];
    for (let i = 0; i < 14; i++) {
      state = afterHit(state, policy, T0);
      delays.push(state.lockedUntil ? state.lockedUntil.getTime() - T0.getTime() : 0);
    }
    expect(delays).toEqual([0, 0, 0, 0, 0, 5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 900_000]);
  });

  it("forgets one event per decay period, so a quiet spell brings the free tries back", () => {
    const state = { count: 8, lockedUntil: at(-1), updatedAt: T0 };
    expect(afterHit(state, policy, at(2 * policy.decayMs))).toMatchObject({ count: 7, lockedUntil: at(2 * policy.decayMs + 10_000) });
    expect(afterHit(state, policy, at(8 * policy.decayMs))).toMatchObject({ count: 1, lockedUntil: null });
  });
});

describe("waitText", () => {
  it("rounds up to whole seconds under a minute and whole minutes above", () => {
    expect(waitText(1)).toBe("1 second");
    expect(waitText(4_200)).toBe("5 seconds");
    expect(waitText(60_000)).toBe("1 minute");
    expect(waitText(61_000)).toBe("2 minutes");
    expect(waitText(15 * 60_000)).toBe("15 minutes");
  });
});
