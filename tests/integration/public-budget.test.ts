import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetDb } from "../support/db";

// Route handlers read the client address from the request's headers; here each call says which address it is.
let forwardedFor = "198.51.100.1";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": forwardedFor }) }));
const { overPublicBudget } = await import("@/lib/security/public-budget");

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

  it("can be turned off", async () => {
    process.env.PUBLIC_REQUESTS_PER_MINUTE = "0";
    for (let i = 0; i < 5; i++) expect(await overPublicBudget()).toBeNull();
  });
});
