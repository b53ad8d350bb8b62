import { describe, expect, it } from "vitest";
import { statementNamer } from "@/lib/statement-names";

describe("statementNamer", () => {
  it("names a text the same way every time, and different texts differently, within PostgreSQL's 63 bytes", () => {
    const name = statementNamer(10);
    const a = name({ sql: 'SELECT "t0"."id" FROM "public"."Credential" AS "t0" WHERE "t0"."id" = $1' });
    expect(a).toMatch(/^apc_[A-Za-z0-9_-]{32}$/);
    expect(name({ sql: 'SELECT "t0"."id" FROM "public"."Credential" AS "t0" WHERE "t0"."id" = $1' })).toBe(a);
    expect(name({ sql: 'SELECT "t0"."id" FROM "public"."Credential" AS "t0" WHERE "t0"."id" = $2' })).not.toBe(a);
    expect(statementNamer(10)({ sql: 'SELECT "t0"."id" FROM "public"."Credential" AS "t0" WHERE "t0"."id" = $1' })).toBe(a);
  });

  it("past its limit leaves new texts unnamed and keeps naming the ones it knows", () => {
    const name = statementNamer(3);
    const known = ["SELECT 1", "SELECT 2", "SELECT 3"].map((sql) => name({ sql }));
    expect(known.every((n) => typeof n === "string")).toBe(true);
    expect(name({ sql: "SELECT 4" })).toBeUndefined();
    expect(name({ sql: "SELECT 5" })).toBeUndefined();
    expect(name({ sql: "SELECT 2" })).toBe(known[1]);
  });
});
