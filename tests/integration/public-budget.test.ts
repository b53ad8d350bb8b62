import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetDb } from "../support/db";

// Route handlers read the client address from the request's headers; here each call says which address it is.
let forwardedFor = "198.51.100.1";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": forwardedFor }) }));
const { overPublicBudget, spend } = await import("@/lib/security/public-budget");
const { afterHit } = await import("@/lib/security/throttle");
const { proxy } = await import("@/proxy");
const { NextRequest } = await import("next/server");

/** A request as it reaches the proxy from one client address. */
const get = (path: string, address: string, method = "GET", headers: Record<string, string> = {}) =>
  proxy(new NextRequest(`http://localhost:3000${path}`, { method, headers: { "x-forwarded-for": address, ...headers } }));

beforeEach(async () => {
  await resetDb();
  process.env.PUBLIC_REQUESTS_PER_MINUTE = "3";
}, 60_000);

describe("the public request budget", { timeout: 30_000 }, () => {
  it("answers 429 with Retry-After and a short page once an address has spent its budget, leaving other addresses alone", async () => {
    for (let i = 0; i < 3; i++) expect(await overPublicBudget()).toBeNull();
    const refused = await overPublicBudget();
    expect(refused?.status).toBe(429);
    expect(refused?.headers.get("Retry-After")).toBe("1");
    expect(await refused?.text()).toContain("Too many requests");

    forwardedFor = "198.51.100.2";
    expect(await overPublicBudget()).toBeNull();
  });

  it("refuses a client that loads the public pages too fast with a 429 page saying when to try again", async () => {
    const fast = "203.0.113.7";
    for (const path of ["/catalogue", "/catalogue/APC-0001", "/badges/some-badge"]) expect((await get(path, fast)).status).not.toBe(429);
    const refused = await get("/catalogue?page=2", fast);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(refused.headers.get("Content-Security-Policy")).toBeTruthy();
    const page = await refused.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toMatch(/<h1>Too many requests<\/h1>.*Try again in \d+ seconds?\./s);
    // Another address is served, and signed-in pages and posted forms are not counted against the public budget.
    expect((await get("/catalogue", "203.0.113.8")).status).not.toBe(429);
    expect((await get("/dashboard", fast)).status).not.toBe(429);
    expect((await get("/catalogue", fast, "POST")).status).not.toBe(429);
  });

  it("does not count a browser's prefetch of the links in view, which renders no page data", async () => {
    const reader = "203.0.113.11";
    for (let i = 0; i < 10; i++)
      expect((await get(`/catalogue/APC-00${i}`, reader, "GET", { rsc: "1", "next-router-prefetch": "1" })).status).not.toBe(429);
    for (let i = 0; i < 3; i++) expect((await get("/catalogue", reader)).status).not.toBe(429);
    expect((await get("/catalogue", reader)).status).toBe(429);
  });

  it("counts a download once, in its route handler, not again in the proxy", async () => {
    for (let i = 0; i < 5; i++) expect((await get("/catalogue/export.csv", "203.0.113.9")).status).not.toBe(429);
    for (let i = 0; i < 5; i++) expect((await get("/catalogue/export.jsonld", "203.0.113.9")).status).not.toBe(429);
    for (let i = 0; i < 5; i++) expect((await get("/catalogue/APC-0001/export", "203.0.113.9")).status).not.toBe(429);
  });

  it("counts, locks and forgets by the same rule as every other throttle, in one statement", async () => {
    const policy = { free: 3, decayMs: 1_000, baseDelayMs: 1_000, maxDelayMs: 8_000 };
    const start = Date.parse("2026-06-01T09:00:00.000Z");
    // A burst, requests while locked, a pause that drains part of the count, then a long quiet spell.
    const offsets = [0, 10, 20, 30, 40, 1_200, 1_250, 2_400, 2_410, 30_000, 30_010];
    let state: Parameters<typeof afterHit>[0] = null;
    for (const offset of offsets) {
      const now = new Date(start + offset);
      const locked = state?.lockedUntil && state.lockedUntil > now;
      if (!locked) state = afterHit(state, policy, now);
      const expected = state?.lockedUntil && state.lockedUntil > now ? state.lockedUntil.getTime() - now.getTime() : null;
      expect({ offset, retryAfterMs: (await spend("public:rule", policy, now))?.retryAfterMs ?? null }).toEqual({
        offset,
        retryAfterMs: expected,
      });
    }
  });

  it("can be turned off", async () => {
    process.env.PUBLIC_REQUESTS_PER_MINUTE = "0";
    for (let i = 0; i < 5; i++) expect(await overPublicBudget()).toBeNull();
    for (let i = 0; i < 5; i++) expect((await get("/catalogue", "203.0.113.10")).status).not.toBe(429);
  });
});
