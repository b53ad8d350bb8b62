import { describe, expect, it } from "vitest";
import { MAX_PAGE, keysetOf, keysetResult, keysetWindow, isSequenceId, oneOf, pageNumber, pageResult, searchTerm } from "@/lib/data/paging";

describe("pageNumber", () => {
  it("reads a plain positive integer", () => {
    expect(pageNumber("3")).toBe(3);
    expect(pageNumber(["4", "9"])).toBe(4);
  });

  it("treats a missing, negative, fractional or non-numeric page as the first", () => {
    for (const value of [undefined, "", "0", "-2", "2.5", "1e3", "abc", " "]) expect(pageNumber(value)).toBe(1);
  });

  it("caps a huge page number instead of asking the database for an absurd offset", () => {
    expect(pageNumber("9999999999999999999999")).toBe(1);
    expect(pageNumber("999999999999")).toBe(MAX_PAGE);
    expect(pageNumber(String(MAX_PAGE + 1))).toBe(MAX_PAGE);
  });

  it("never reports more pages than can be asked for", () => {
    expect(pageResult([], 10_000_000, 1, 10).pageCount).toBe(MAX_PAGE);
    expect(pageResult([], 21, 1, 10).pageCount).toBe(3);
  });
});

describe("oneOf", () => {
  it("keeps a known value and ignores an unknown one", () => {
    expect(oneOf(["DRAFT", "OPEN"] as const, "OPEN")).toBe("OPEN");
    expect(oneOf(["DRAFT", "OPEN"] as const, "open")).toBeUndefined();
    expect(oneOf(["DRAFT", "OPEN"] as const, ["DRAFT", "x"])).toBe("DRAFT");
  });
  it("finds nothing for an object's own keys or an empty value, so a crafted filter falls back to the list's default", () => {
    for (const raw of ["__proto__", "toString", "constructor", "", []]) expect(oneOf(["DRAFT", "OPEN"] as const, raw)).toBeUndefined();
  });
});

describe("keyset cursors", () => {
  it("reads after/before, or a prefixed pair for a second list on the page", () => {
    expect(keysetOf({ after: "abc123" })).toEqual({ after: "abc123" });
    expect(keysetOf({ before: "abc123" })).toEqual({ before: "abc123" });
    expect(keysetOf({ historyAfter: "42" }, "history", isSequenceId)).toEqual({ after: "42" });
  });

  it("ignores a malformed cursor, so the list starts at its first row", () => {
    expect(keysetOf({ after: "'; drop table" })).toEqual({});
    expect(keysetOf({ historyAfter: "x1" }, "history", isSequenceId)).toEqual({});
    expect(keysetOf({ after: "a".repeat(65) })).toEqual({});
  });

  it("asks for one row more than a page, backwards for a previous page", () => {
    expect(keysetWindow({}, 20, String)).toEqual({ take: 21 });
    expect(keysetWindow({ after: "7" }, 20, BigInt)).toEqual({ cursor: { id: 7n }, skip: 1, take: 21 });
    expect(keysetWindow({ before: "7" }, 20, String)).toEqual({ cursor: { id: "7" }, skip: 1, take: -21 });
  });
});

describe("keysetResult", () => {
  const rows = (...ids: number[]) => ids.map((id) => ({ id }));

  it("on the first page offers only a next page, when there is one", () => {
    expect(keysetResult(rows(1, 2, 3), 9, {}, 2)).toEqual({ rows: rows(1, 2), total: 9, next: "2", previous: null });
    expect(keysetResult(rows(1, 2), 2, {}, 2)).toMatchObject({ next: null, previous: null });
  });

  it("after a cursor offers the way back, and forward while rows remain", () => {
    expect(keysetResult(rows(3, 4, 5), 9, { after: "2" }, 2)).toMatchObject({ rows: rows(3, 4), next: "4", previous: "3" });
    expect(keysetResult(rows(9), 9, { after: "8" }, 2)).toMatchObject({ rows: rows(9), next: null, previous: "9" });
  });

  it("before a cursor drops the extra row at the start and offers both ways only when earlier rows remain", () => {
    expect(keysetResult(rows(1, 2, 3), 9, { before: "4" }, 2)).toMatchObject({ rows: rows(2, 3), next: "3", previous: "2" });
    expect(keysetResult(rows(1, 2), 9, { before: "3" }, 2)).toMatchObject({ rows: rows(1, 2), next: "2", previous: null });
  });

  it("an unknown cursor gives an empty page with no links", () => {
    expect(keysetResult([], 9, { after: "zzz" }, 2)).toEqual({ rows: [], total: 9, next: null, previous: null });
  });
});

describe("searchTerm", () => {
  it("trims what was typed and treats a blank search as none", () => {
    expect(searchTerm("  APC-0042 ")).toBe("APC-0042");
    for (const value of [undefined, "", "   ", [] as string[]]) expect(searchTerm(value)).toBeUndefined();
    expect(searchTerm(["first", "second"])).toBe("first");
  });

  it("treats text holding a control character as no search: PostgreSQL refuses NUL in text", () => {
    for (const value of ["\u0000", "a\u0000b", "line\nbreak"]) expect(searchTerm(value)).toBeUndefined();
    expect(searchTerm("Zoë Ó Sé")).toBe("Zoë Ó Sé");
  });

  it("keeps at most 100 characters, so a pasted essay cannot become a costly pattern", () => {
    expect(searchTerm("x".repeat(5_000))).toHaveLength(100);
  });
});
