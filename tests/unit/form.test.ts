import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { FORM_LIMITS, FORM_TOKEN_FIELD, formToInput, formValues } from "@/lib/form";

const form = (entries: [string, string | Blob][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

/** JSON view of the result, so prototype-less objects compare with plain literals. */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();
const baseline = prototypeNames();

afterEach(() => {
  // A failed run must not leave a polluted prototype behind for the next test.
  for (const name of Object.getOwnPropertyNames(Object.prototype)) {
    if (!baseline.includes(name)) delete (Object.prototype as Record<string, unknown>)[name];
  }
});

describe("formToInput: the shapes forms send", () => {
  it("builds nested records and lists from dotted names", () => {
    const input = formToInput(
      form([
        ["title", "Advanced practice in frailty"],
        ["outcomes.0.text", "Assess"],
        ["outcomes.0.pillars[]", "CLINICAL"],
        ["outcomes.1.text", "Lead"],
        ["outcomes.1.pillars[]", "LEADERSHIP"],
        ["outcomes.1.pillars[]", "EDUCATION"],
        ["meta.owner.name", "Centre"],
      ]),
    );
    expect(plain(input)).toEqual({
      title: "Advanced practice in frailty",
      outcomes: [
        { text: "Assess", pillars: ["CLINICAL"] },
        { text: "Lead", pillars: ["LEADERSHIP", "EDUCATION"] },
      ],
      meta: { owner: { name: "Centre" } },
    });
  });

  it("keeps repeated names as a list and a single [] name as a one-item list", () => {
    expect(
      plain(
        formToInput(
          form([
            ["reviewerIds", "a"],
            ["reviewerIds", "b"],
            ["professions[]", "NURSING"],
          ]),
        ),
      ),
    ).toEqual({
      reviewerIds: ["a", "b"],
      professions: ["NURSING"],
    });
  });

  it("compacts rows removed in the browser, keeping their order", () => {
    const input = formToInput(
      form([
        ["rows.7.x", "c"],
        ["rows.2.x", "b"],
        ["rows.0.x", "a"],
      ]),
    );
    expect(plain(input)).toEqual({ rows: [{ x: "a" }, { x: "b" }, { x: "c" }] });
  });

  it("ignores Next's action fields, the submission token and files", () => {
    const input = formToInput(
      form([
        ["$ACTION_ID_abc", ""],
        ["$ACTION_REF_1", "x"],
        [FORM_TOKEN_FIELD, "token"],
        ["evidence", new Blob(["file"])],
        ["name", "Round 1"],
      ]),
    );
    expect(plain(input)).toEqual({ name: "Round 1" });
  });

  it("builds objects without a prototype, which zod still parses", () => {
    const input = formToInput(
      form([
        ["name", "Round 1"],
        ["rows.0.rank", "2"],
      ]),
    );
    expect(Object.getPrototypeOf(input)).toBeNull();
    const schema = z.object({ name: z.string(), rows: z.array(z.object({ rank: z.coerce.number() })) });
    expect(schema.parse(input)).toEqual({ name: "Round 1", rows: [{ rank: 2 }] });
  });
});

describe("formToInput: hostile names", () => {
  it("drops prototype paths instead of following them", () => {
    const input = formToInput(
      form([
        ["__proto__.status", "polluted"],
        ["constructor.prototype.status", "polluted"],
        ["a.__proto__.status", "polluted"],
        ["prototype", "x"],
        ["name", "kept"],
      ]),
    );
    expect(({} as Record<string, unknown>).status).toBeUndefined();
    expect(plain(input)).toEqual({ name: "kept" });
    expect(Object.prototype.hasOwnProperty.call(input, "constructor")).toBe(false);
  });

  it("drops indexes at or above the bound and non-canonical indexes", () => {
    const input = formToInput(
      form([
        ["x.300000000.y", "1"],
        [`x.${FORM_LIMITS.index}.y`, "1"],
        ["x.01.y", "1"],
        ["x.-1.y", "1"],
        [`x.${FORM_LIMITS.index - 1}.y`, "last"],
      ]),
    );
    expect(plain(input)).toEqual({ x: [{ y: "last" }] });
  });

  it("drops names with empty segments, odd characters or too much length", () => {
    const input = formToInput(
      form([
        ["", "1"],
        ["a..b", "1"],
        [".a", "1"],
        ["a.", "1"],
        ["é", "1"],
        ["a-b", "1"],
        ["0", "1"],
        ["a".repeat(FORM_LIMITS.keyLength + 1), "1"],
        ["ok", "1"],
      ]),
    );
    expect(plain(input)).toEqual({ ok: "1" });
  });

  it("drops a name that uses a value as a record, or a list as a record", () => {
    const input = formToInput(
      form([
        ["a", "1"],
        ["a.b", "2"],
        ["rows.0.x", "3"],
        ["rows.name", "4"],
        ["rec.k", "5"],
        ["rec.0", "6"],
      ]),
    );
    expect(plain(input)).toEqual({ a: "1", rows: [{ x: "3" }], rec: { k: "5" } });
  });

  it("refuses a form with too many fields with a form error, not a crash", () => {
    const many = form(Array.from({ length: FORM_LIMITS.fields + 1 }, (_, i) => [`f${i}`, "x"] as [string, string]));
    expect(() => formToInput(many)).toThrowError(AppError);
    // What the user typed can still be shown back, up to the limit.
    expect(Object.keys(formValues(many))).toHaveLength(FORM_LIMITS.fields);
  });

  it("keeps only sane names in the values shown back to the user", () => {
    const values = formValues(
      form([
        ["__proto__", "a"],
        ["__proto__", "b"],
        ["name", "x"],
        ["$ACTION_ID_1", ""],
      ]),
    );
    expect(values).toEqual({ name: "x" });
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });
});

const segment = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "hasOwnProperty",
    "valueOf",
    "",
    "0",
    "1",
    "999",
    "1000",
    "300000000",
    "4294967295",
    "-1",
    "01",
    "1e3",
    "[]",
    "é",
    "名前",
    "a b",
  ),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,6}$/),
  fc.nat({ max: 2_000 }).map(String),
  fc.string({ maxLength: 6, unit: "grapheme" }),
);
const key = fc
  .tuple(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.boolean())
  .map(([parts, list]) => parts.join(".") + (list ? "[]" : ""));
const entries = fc.array(fc.tuple(key, fc.string({ maxLength: 20 })), { maxLength: 40 });

describe("formToInput: properties over random names", () => {
  it("never changes Object.prototype, never throws, and finishes quickly", () => {
    fc.assert(
      fc.property(entries, (pairs) => {
        const started = performance.now();
        const input = formToInput(form(pairs));
        // The old parser's blow-up (a sparse array millions long) took seconds; a form parses in well under a
        // millisecond, so 500 ms only leaves room for a busy machine's pauses, never for that.
        expect(performance.now() - started).toBeLessThan(500);
        expect(prototypeNames()).toEqual(baseline);
        expect(({} as Record<string, unknown>).status).toBeUndefined();
        expect(typeof input).toBe("object");
      }),
      { numRuns: 500 },
    );
  });

  it("builds only prototype-less records and dense lists of bounded length", () => {
    const check = (value: unknown): void => {
      if (Array.isArray(value)) {
        expect(value.length).toBeLessThanOrEqual(FORM_LIMITS.index);
        expect(value.includes(undefined)).toBe(false);
        value.forEach(check);
      } else if (value && typeof value === "object") {
        expect(Object.getPrototypeOf(value)).toBeNull();
        for (const k of Object.keys(value)) {
          expect(k).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
          expect(["constructor", "prototype"]).not.toContain(k);
          check((value as Record<string, unknown>)[k]);
        }
      } else {
        expect(typeof value).toBe("string");
      }
    };
    fc.assert(
      fc.property(entries, (pairs) => check(formToInput(form(pairs)))),
      { numRuns: 300 },
    );
  });

  it("gives back every well-formed flat name unchanged", () => {
    const flat = fc.uniqueArray(fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,10}$/), fc.string({ maxLength: 20 })), {
      selector: ([k]) => k,
      maxLength: 30,
    });
    fc.assert(
      fc.property(flat, (pairs) => {
        expect(plain(formToInput(form(pairs)))).toEqual(Object.fromEntries(pairs));
      }),
    );
  });
});
