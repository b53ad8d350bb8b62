import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formToInput } from "@/lib/form";
import {
  academicYear,
  calendarDate,
  id,
  lines,
  onePerLine,
  optionalAcademicYear,
  optionalDate,
  optionalText,
  requiredChoice,
  requiredDate,
  requiredLine,
  requiredText,
  version,
} from "@/lib/validation/common";

const messages = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("dates", () => {
  it("accepts a real calendar day as sent by a date input, as that day's UTC midnight", () => {
    expect(requiredDate("the due date").parse("2026-03-27")).toEqual(new Date("2026-03-27T00:00:00Z"));
    expect(requiredDate("the due date").parse(" 2028-02-29 ")).toEqual(new Date("2028-02-29T00:00:00Z"));
  });

  it("refuses a day that does not exist instead of rolling it into the next month", () => {
    expect(calendarDate("2026-02-31")).toBeUndefined();
    expect(calendarDate("2026-02-29")).toBeUndefined();
    expect(calendarDate("2026-13-01")).toBeUndefined();
    expect(messages(requiredDate("the due date"), "2026-02-31")).toEqual(["The due date must be a real date"]);
  });

  it("refuses text that is not a YYYY-MM-DD date, though Date.parse would read it", () => {
    for (const v of ["March 3 2026", "2026-3-3", "2026-03-03T10:00:00Z", "1e12", "-100000-01-01", "+275760-09-13"]) {
      expect(messages(requiredDate("the due date"), v), v).toEqual(["The due date must be a real date"]);
    }
  });

  it("refuses years outside 1900 to 2100 with the range in the message", () => {
    expect(messages(requiredDate("the start date"), "1899-12-31")).toEqual([
      "The start date must be between 1 January 1900 and 31 December 2100",
    ]);
    expect(messages(requiredDate("the start date"), "2101-01-01")).toEqual([
      "The start date must be between 1 January 1900 and 31 December 2100",
    ]);
    expect(requiredDate("the start date").parse("2100-12-31")).toEqual(new Date("2100-12-31T00:00:00Z"));
  });

  it("asks for a missing required date, and lets an optional one be blank", () => {
    expect(messages(requiredDate("the due date"), "")).toEqual(["Enter the due date"]);
    expect(messages(requiredDate("the due date"), undefined)).toEqual(["Enter the due date"]);
    expect(optionalDate("the start date").parse("")).toBeNull();
    expect(optionalDate("the start date").parse(undefined)).toBeNull();
    expect(messages(optionalDate("the start date"), "2027-02-30")).toEqual(["The start date must be a real date"]);
  });
});

describe("dates typed as Day, Month and Year", () => {
  const parts = (day: string, month: string, year: string) => formToInput(form({ "d.day": day, "d.month": month, "d.year": year })).d;
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k, v);
    return data;
  };

  it("turns the form's d.day, d.month and d.year fields into that day's UTC midnight, with or without leading zeros", () => {
    expect(requiredDate("the start date").parse(parts("4", "1", "2027"))).toEqual(new Date("2027-01-04T00:00:00Z"));
    expect(requiredDate("the start date").parse(parts(" 04 ", "01", "2027"))).toEqual(new Date("2027-01-04T00:00:00Z"));
    expect(requiredDate("the start date").parse(parts("29", "2", "2028"))).toEqual(new Date("2028-02-29T00:00:00Z"));
  });

  it("refuses 31 February and other days that do not exist as not a real date", () => {
    for (const [d, m, y] of [
      ["31", "2", "2027"],
      ["29", "2", "2027"],
      ["31", "4", "2027"],
      ["1", "13", "2027"],
      ["0", "1", "2027"],
    ]) {
      expect(messages(requiredDate("the start date"), parts(d, m, y)), `${d}/${m}/${y}`).toEqual(["The start date must be a real date"]);
    }
  });

  it("refuses fields that are not whole numbers, and a year without four digits", () => {
    for (const [d, m, y] of [
      ["first", "1", "2027"],
      ["1", "Jan", "2027"],
      ["1.5", "1", "2027"],
      ["-1", "1", "2027"],
      ["1", "1", "27"],
      ["1", "1", "02027"],
    ]) {
      expect(messages(requiredDate("the start date"), parts(d, m, y)), `${d}/${m}/${y}`).toEqual(["The start date must be a real date"]);
    }
  });

  it("names the fields left blank, and treats all three blank as no date", () => {
    expect(messages(requiredDate("the start date"), parts("4", "", "2027"))).toEqual(["The start date must include a month"]);
    expect(messages(requiredDate("the start date"), parts("", "1", ""))).toEqual(["The start date must include a day and year"]);
    expect(messages(requiredDate("the start date"), parts("", "", ""))).toEqual(["Enter the start date"]);
    expect(optionalDate("the start date").parse(parts(" ", "", ""))).toBeNull();
    expect(messages(optionalDate("the start date"), parts("", "", "2027"))).toEqual(["The start date must include a day and month"]);
  });

  it("keeps to the years 1900 to 2100", () => {
    expect(messages(requiredDate("the start date"), parts("31", "12", "1899"))).toEqual([
      "The start date must be between 1 January 1900 and 31 December 2100",
    ]);
    expect(requiredDate("the start date").parse(parts("1", "1", "1900"))).toEqual(new Date("1900-01-01T00:00:00Z"));
  });

  it("refuses a date sent in some other shape as not a real date", () => {
    for (const v of [["2027-01-04"], 20270104, { day: ["4"], month: "1", year: "2027" }]) {
      expect(messages(requiredDate("the start date"), v), JSON.stringify(v)).toEqual(["The start date must be a real date"]);
    }
  });
});

describe("text", () => {
  it("refuses a NUL byte in any text, required or optional", () => {
    expect(messages(requiredText("the brief"), "abc\u0000def")).toEqual(["The brief must not contain control characters"]);
    expect(messages(requiredLine("a title"), "\u0000")).toEqual(["A title must not contain control characters"]);
    expect(messages(optionalText(), "a\u0000")).toEqual(["Must not contain control characters"]);
    expect(messages(requiredChoice("the expert group"), "org\u0000")).toEqual(["Choose the expert group"]);
  });

  it("keeps line breaks and tabs in multi-line text but not in a single-line answer", () => {
    expect(requiredText("the brief").parse("Line one\r\n\tLine two")).toBe("Line one\r\n\tLine two");
    expect(messages(requiredText("the brief"), "bell\u0007")).toEqual(["The brief must not contain control characters"]);
    expect(messages(requiredLine("a title"), "Two\nlines")).toEqual(["A title must not contain control characters"]);
  });

  it("bounds the length after trimming, with the limit in the message", () => {
    expect(requiredLine("a title", 5).parse("  abcde  ")).toBe("abcde");
    expect(messages(requiredLine("a title", 5), "abcdef")).toEqual(["A title must be 5 characters or fewer"]);
    expect(messages(optionalText(10), "x".repeat(11))).toEqual(["Must be 10 characters or fewer"]);
  });

  it("keeps HTML, SQL-looking text and non-Latin scripts verbatim", () => {
    const hostile = "<script>alert(1)</script>' OR 1=1 -- Zoë 日本語 🙂";
    expect(requiredText("the brief").parse(hostile)).toBe(hostile);
  });
});

describe("identifiers and numbers", () => {
  it("accepts a record id and refuses one with characters no id has", () => {
    expect(id.parse("cm3x9k2l80000abcd1234efgh")).toBe("cm3x9k2l80000abcd1234efgh");
    for (const v of ["", "a b", "id\u0000", "../x", "x".repeat(65), 42]) expect(id.safeParse(v).success, String(v)).toBe(false);
  });

  it("refuses a version beyond PostgreSQL's int4 rather than overflowing in the query", () => {
    expect(version.parse("2147483647")).toBe(2_147_483_647);
    expect(messages(version, "3000000000")).toEqual(["Missing version"]);
  });
});

describe("lists", () => {
  it("reports an oversize or hostile list against the list's own field", () => {
    const schema = z.object({ professions: lines, conditions: onePerLine });
    const r = schema.safeParse({ professions: Array.from({ length: 101 }, (_, i) => `P${i}`), conditions: "ok\nnot\u0000ok" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["professions", "Enter 100 items or fewer"],
      ["conditions", "Items must not contain control characters"],
    ]);
  });

  it("splits typed lists as before", () => {
    expect(lines.parse("Physiotherapy, Paramedic\nPharmacy")).toEqual(["Physiotherapy", "Paramedic", "Pharmacy"]);
    expect(onePerLine.parse("Keep, as one\nTwo")).toEqual(["Keep, as one", "Two"]);
  });
});

describe("academic years", () => {
  const nextYear = new Date().getUTCFullYear() + 1;
  it("accept one academic year from 2000/01 to next year", () => {
    expect(messages(academicYear("the period"), "2025/26")).toEqual([]);
    expect(messages(academicYear("the period"), "1999/00")).toEqual([
      `The period must be between 2000/01 and ${nextYear}/${String((nextYear + 1) % 100).padStart(2, "0")}`,
    ]);
    expect(messages(academicYear("the period"), "2862/63")).toHaveLength(1);
    expect(messages(academicYear("the period"), `${nextYear}/${String((nextYear + 1) % 100).padStart(2, "0")}`)).toEqual([]);
  });

  it("refuse two years, another shape, and a blank when required", () => {
    expect(messages(academicYear("the period"), "2025/27")).toEqual(["The period must be one academic year, like 2025/26"]);
    expect(messages(academicYear("the period"), "2025-26")).toEqual(["Enter the period like 2025/26"]);
    expect(messages(academicYear("the period"), "")).toEqual(["Enter the period"]);
    expect(academicYear("the period").parse("2009/10")).toBe("2009/10");
  });

  it("may be left blank where optional", () => {
    expect(optionalAcademicYear("the period").parse("")).toBeNull();
    expect(optionalAcademicYear("the period").parse("2024/25")).toBe("2024/25");
    expect(messages(optionalAcademicYear("the period"), "2024/26")).toEqual(["The period must be one academic year, like 2024/25"]);
  });
});
