import { describe, expect, it } from "vitest";
import { demoDataDecision } from "../../scripts/lib/demo-data";

const REAL = "postgresql://apc@db.internal:5432/apc";

describe("demo data on npm start", () => {
  it("the embedded database (no DATABASE_URL) gets the demo data", () => {
    expect(demoDataDecision([], {})).toMatchObject({ load: true });
  });

  it("a database given by DATABASE_URL gets none unless asked for", () => {
    expect(demoDataDecision([], { DATABASE_URL: REAL })).toMatchObject({ load: false, reason: expect.stringContaining("--demo") });
    expect(demoDataDecision(["--dev"], { DATABASE_URL: REAL, SEED_DEMO: "yes" }).load).toBe(false);
  });

  it("--demo or SEED_DEMO=1 asks for it with DATABASE_URL; SEED_DEMO=0 refuses it for the embedded database", () => {
    expect(demoDataDecision(["--demo"], { DATABASE_URL: REAL })).toEqual({ load: true, reason: "asked for with --demo" });
    expect(demoDataDecision([], { DATABASE_URL: REAL, SEED_DEMO: "1" })).toEqual({ load: true, reason: "asked for with SEED_DEMO=1" });
    expect(demoDataDecision([], { SEED_DEMO: "0" }).load).toBe(false);
  });
});
