import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetDb } from "../support/db";
import { organisation } from "../support/factory";

// The app's client names its statements: PostgreSQL prepares a text once on a connection and runs it again by name.

beforeAll(async () => {
  await resetDb();
  await organisation("EDUCATION_PROVIDER");
});

describe("named statements", () => {
  it("a read made twice on one connection is prepared once and run twice", async () => {
    const prepared = await db().$transaction(async (tx) => {
      for (let i = 0; i < 2; i++) {
        expect(await tx.organisation.findMany({ where: { kind: "EDUCATION_PROVIDER" }, select: { id: true } })).toHaveLength(1);
      }
      return tx.$queryRaw<{ name: string; runs: number }[]>`
        SELECT name, (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements
        WHERE statement LIKE '%FROM "public"."Organisation"%' AND statement NOT LIKE '%pg_prepared_statements%'`;
    });
    expect(prepared).toHaveLength(1);
    expect(prepared[0].name).toMatch(/^apc_/);
    expect(prepared[0].runs).toBe(2);
  });
});
