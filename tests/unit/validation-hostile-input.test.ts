import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DATE_RANGE, MAX_INT4, MAX_LIST_ITEMS } from "@/lib/validation/common";

// Every schema exported from lib/validation (and every one-argument factory that builds one) meets hostile input:
// it refuses it with issues that name a field, or accepts it with bounded output. It never throws.

const DIR = path.resolve(import.meta.dirname, "../../lib/validation");
const modules = await Promise.all(
  readdirSync(DIR)
    .filter((f) => f.endsWith(".ts"))
    .map(async (f) => [f, (await import(path.join(DIR, f))) as Record<string, unknown>] as const),
);

const schemas: [string, z.ZodType][] = modules.flatMap(([file, exports]) =>
  Object.entries(exports).flatMap(([name, value]): [string, z.ZodType][] => {
    if (value instanceof z.ZodType) return [[`${file} ${name}`, value]];
    if (typeof value === "function" && value.length === 1) {
      const built: unknown = value("the test field");
      if (built instanceof z.ZodType) return [[`${file} ${name}(…)`, built]];
    }
    return [];
  }),
);

/** The field names of an object schema, looking through transforms and pipes. */
function fieldNames(schema: z.ZodType): string[] | undefined {
  const def = (schema as unknown as { def: { type: string; in?: z.ZodType; shape?: Record<string, z.ZodType> } }).def;
  if (def.type === "object" && def.shape) return Object.keys(def.shape);
  if (def.type === "pipe" && def.in) return fieldNames(def.in);
  return undefined;
}

const KEYS = [...new Set(schemas.flatMap(([, s]) => fieldNames(s) ?? []))];
const HUGE = "x".repeat(200_000);

const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 10 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '\'; DROP TABLE "Priority"; --',
    "\u0000",
    "a\u0000b",
    "Zoë 日本語 🙂 \u202e",
    "2026-02-31",
    "-100000-01-01",
    "+275760-09-13",
    "2026-03-27",
    "3000000000",
    "-1",
    "1e400",
    "NaN",
    "Infinity",
    "0x10",
    "__proto__",
    "constructor",
    "toString",
    "",
    " ",
    "MET",
    "approve",
    "ENDORSE_WITH_CONDITIONS",
    "yes",
    HUGE,
    `${HUGE}\n${HUGE}`,
  ),
);
const leaf = fc.oneof(
  hostileText,
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
);
const { value: hostile } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom(...KEYS, "__proto__", "constructor", "0"), tie("value"), { maxKeys: 6 }),
    fc.constantFrom(
      Array.from({ length: 50_000 }, () => "x"),
      Array.from({ length: 5_000 }, () => ({ text: "x", title: "y" })),
    ),
  ),
}));
/** A form-shaped input: the schema's own fields with hostile values, sometimes with extra fields. */
const formInput = (keys: string[]) =>
  fc
    .record(Object.fromEntries(keys.map((k) => [k, hostile])), { requiredKeys: [] })
    .chain((fields) =>
      fc.dictionary(fc.constantFrom(...KEYS, "__proto__"), hostile, { maxKeys: 3 }).map((extra) => ({ ...extra, ...fields })),
    );

/** Output must be as bounded as the database columns and the pages that show it. */
function assertBounded(value: unknown, where = "output"): void {
  if (typeof value === "string") {
    expect(value.length, where).toBeLessThanOrEqual(20_000);
    expect(value, where).not.toContain("\u0000");
  } else if (typeof value === "number") {
    expect(Number.isFinite(value) && Math.abs(value) <= MAX_INT4, `${where} = ${value}`).toBe(true);
  } else if (value instanceof Date) {
    expect(value.getUTCFullYear(), where).toBeGreaterThanOrEqual(DATE_RANGE.from);
    expect(value.getUTCFullYear(), where).toBeLessThanOrEqual(DATE_RANGE.to);
  } else if (Array.isArray(value)) {
    expect(value.length, where).toBeLessThanOrEqual(MAX_LIST_ITEMS);
    value.forEach((v, i) => assertBounded(v, `${where}.${i}`));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) assertBounded(v, `${where}.${k}`);
  }
}

describe("every validation schema under hostile input", () => {
  it("finds the schemas to test", () => {
    expect(schemas.length).toBeGreaterThan(30);
    expect(KEYS).toContain("title");
    // Those of the agenda items and the appeal windows admin, named so that a move or rename cannot drop them unseen.
    expect(schemas.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        "panel.ts agendaWithdrawSchema",
        "panel.ts recommendationSchema",
        "appeal-window.ts appealWindowPublishSchema",
        "appeal-window.ts bankHolidayAddSchema",
        "appeal-window.ts bankHolidayRemoveSchema",
      ]),
    );
  });

  for (const [name, schema] of schemas) {
    const keys = fieldNames(schema);
    it(`${name} refuses with field errors or returns bounded output, and never throws`, () => {
      fc.assert(
        fc.property(keys ? formInput(keys) : hostile, (input) => {
          const result = schema.safeParse(input);
          if (result.success) return assertBounded(result.data);
          expect(result.error.issues.length).toBeGreaterThan(0);
          for (const issue of result.error.issues) {
            expect(issue.message).toMatch(/\S/);
            if (keys && input && typeof input === "object") expect(issue.path.length, issue.message).toBeGreaterThan(0);
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe("a schema's own checks across fields", () => {
  it("the reviewer expertise form refuses professions too long or with a NUL with a field error, as every other field is valid", async () => {
    const { reviewerExpertiseSchema } = await import("@/lib/validation/criteria");
    const valid = { id: "cmx8z2yb800084p7dgqkasa39", seenAt: new Date().toISOString(), expertise: ["CLINICAL"] };
    for (const clinicalProfessions of ["x".repeat(1_001), "Nursing\u0000", "a".repeat(101)]) {
      const result = reviewerExpertiseSchema.safeParse({ ...valid, clinicalProfessions });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.path)).toEqual([["clinicalProfessions"]]);
    }
    expect(reviewerExpertiseSchema.safeParse({ ...valid, clinicalProfessions: "Nursing, Midwifery" }).data?.clinicalProfessions).toEqual([
      "Nursing",
      "Midwifery",
    ]);
  });
});
