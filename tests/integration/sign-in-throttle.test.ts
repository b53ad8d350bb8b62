import { beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { ADDRESS_POLICY, attemptSignIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { check, clear, hit } from "@/lib/security/throttle";
import { resetDb, testDb } from "../support/db";

// Password hashing makes these slower than most when the machine is busy.
beforeEach(resetDb, 60_000);

const PASSWORD = "correct horse battery";
const EMAIL = "helen@provider.example";
const T0 = new Date("2026-06-01T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

async function helen() {
  await testDb().user.create({ data: { email: EMAIL, name: "Helen", role: "PROVIDER", passwordHash: await hashPassword(PASSWORD) } });
}

describe("sign-in throttling", { timeout: 60_000 }, () => {
  it("after five wrong passwords locks the account for growing periods, refusing even the right password", async () => {
    await helen();
    for (let i = 0; i < 5; i++) expect(await attemptSignIn(EMAIL, "wrong", "198.51.100.1", T0)).toEqual({ ok: false, throttled: null });
    expect(await attemptSignIn(EMAIL, "wrong", "198.51.100.1", T0)).toEqual({ ok: false, throttled: { retryAfterMs: 5_000 } });
    // From another address too: the lock belongs to the account.
    expect(await attemptSignIn(EMAIL, PASSWORD, "198.51.100.2", at(4_000))).toEqual({ ok: false, throttled: { retryAfterMs: 1_000 } });
    expect(await attemptSignIn(EMAIL, "wrong", "198.51.100.1", at(5_000))).toEqual({ ok: false, throttled: { retryAfterMs: 10_000 } });
    expect(await attemptSignIn(EMAIL, "wrong", "198.51.100.1", at(15_000))).toEqual({ ok: false, throttled: { retryAfterMs: 20_000 } });
    const after = await attemptSignIn(EMAIL, PASSWORD, "198.51.100.1", at(35_000));
    expect(after).toMatchObject({ ok: true, user: { email: EMAIL } });
  });

  it("a correct sign-in clears the account's count, so the next mistakes start again from five", async () => {
    await helen();
    for (let i = 0; i < 4; i++) await attemptSignIn(EMAIL, "wrong", "198.51.100.1", T0);
    expect((await attemptSignIn(EMAIL, PASSWORD, "198.51.100.1", T0)).ok).toBe(true);
    for (let i = 0; i < 5; i++) expect(await attemptSignIn(EMAIL, "wrong", "198.51.100.1", T0)).toEqual({ ok: false, throttled: null });
  });

  it("never locks for good: the lock-out is capped at 15 minutes and a quiet period forgets the failures", async () => {
    await helen();
    let now = 0;
    for (let i = 0; i < 20; i++) {
      const outcome = await attemptSignIn(EMAIL, "wrong", "198.51.100.1", at(now));
      if (!outcome.ok && outcome.throttled) {
        expect(outcome.throttled.retryAfterMs).toBeLessThanOrEqual(15 * 60_000);
        now += outcome.throttled.retryAfterMs;
      }
    }
    expect((await attemptSignIn(EMAIL, PASSWORD, "198.51.100.1", at(now))).ok).toBe(true);
    await testDb().throttle.deleteMany();
    for (let i = 0; i < 6; i++) await attemptSignIn(EMAIL, "wrong", "198.51.100.1", T0);
    // A day later the count has faded away: five free tries again.
    for (let i = 0; i < 5; i++)
      expect(await attemptSignIn(EMAIL, "wrong", "198.51.100.1", at(24 * 3600_000))).toEqual({ ok: false, throttled: null });
  });

  it("slows one client address guessing many accounts, but not people elsewhere", async () => {
    await helen();
    for (let i = 0; i < ADDRESS_POLICY.free; i++) {
      expect(await attemptSignIn(`user${i}@provider.example`, "guess", "203.0.113.9", T0)).toEqual({ ok: false, throttled: null });
    }
    expect(await attemptSignIn("another@provider.example", "guess", "203.0.113.9", T0)).toEqual({
      ok: false,
      throttled: { retryAfterMs: 5_000 },
    });
    expect(await attemptSignIn(EMAIL, PASSWORD, "203.0.113.9", at(1_000))).toEqual({ ok: false, throttled: { retryAfterMs: 4_000 } });
    expect((await attemptSignIn(EMAIL, PASSWORD, "198.51.100.1", at(1_000))).ok).toBe(true);
    expect((await attemptSignIn(EMAIL, PASSWORD, "203.0.113.9", at(5_000))).ok).toBe(true);
  });

  it("a burst of parallel guesses has only the free tries and one more checked", async () => {
    await helen();
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => attemptSignIn(EMAIL, "wrong", "198.51.100.1", T0)));
    expect(outcomes.every((o) => !o.ok)).toBe(true);
    // Only a checked (wrong) password counts against the address.
    expect(await testDb().throttle.findUnique({ where: { key: "sign-in:address:198.51.100.1" } })).toMatchObject({ count: 6 });
    expect((await attemptSignIn(EMAIL, PASSWORD, "198.51.100.1", T0)).ok).toBe(false);
  });

  it("keeps its counts in the database, so a new connection (or a restart) still sees the lock", async () => {
    for (let i = 0; i < 6; i++) await attemptSignIn("nobody@provider.example", "guess", "198.51.100.1", T0);
    await db().$disconnect();
    (globalThis as { apcDb?: unknown }).apcDb = undefined;
    expect(await attemptSignIn("nobody@provider.example", "guess", "198.51.100.1", at(1_000))).toEqual({
      ok: false,
      throttled: { retryAfterMs: 4_000 },
    });
    expect(await testDb().throttle.count()).toBeGreaterThan(0);
  });
});

describe("the throttle store", { timeout: 30_000 }, () => {
  const policy = { free: 2, baseDelayMs: 1_000, maxDelayMs: 4_000, decayMs: 60_000 };

  it("refuses without counting while locked, and clear forgets the key", async () => {
    await hit("k", policy, T0);
    await hit("k", policy, T0);
    expect(await hit("k", policy, T0)).toEqual({ refused: null, locked: { retryAfterMs: 1_000 } });
    expect(await hit("k", policy, at(500))).toEqual({ refused: { retryAfterMs: 500 }, locked: { retryAfterMs: 500 } });
    expect(await check("k", at(500))).toEqual({ retryAfterMs: 500 });
    expect(await hit("k", policy, at(1_000))).toEqual({ refused: null, locked: { retryAfterMs: 2_000 } });
    await clear("k");
    expect(await check("k", at(1_000))).toBeNull();
    expect(await hit("k", policy, at(1_000))).toEqual({ refused: null, locked: null });
  });

  it("counts events while other requests clear the same key, without failing any of them", async () => {
    // A successful sign-in clears its account's key while other attempts for it are being counted.
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => (i % 3 === 2 ? clear("busy") : hit("busy", policy, T0))));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
  });
});
