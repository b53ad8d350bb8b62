import { describe, expect, it } from "vitest";
import { alignLists, diffWords, isUnchanged, sidesOf, tokenize } from "@/lib/diff";

const marked = (before: string, after: string) =>
  diffWords(before, after)
    .map((p) => (p.kind === "added" ? `{+${p.text}+}` : p.kind === "removed" ? `[-${p.text}-]` : p.text))
    .join("");

describe("tokenize", () => {
  it("keeps words and whitespace so the tokens join back into the text", () => {
    const text = "Assess  patients\nof all ages.";
    expect(tokenize(text)).toEqual(["Assess", "  ", "patients", "\n", "of", " ", "all", " ", "ages."]);
    expect(tokenize(text).join("")).toBe(text);
    expect(tokenize("")).toEqual([]);
  });
});

describe("diffWords", () => {
  it("reports equal texts as one unchanged part", () => {
    const parts = diffWords("Lead shifts safely", "Lead shifts safely");
    expect(parts).toEqual([{ kind: "equal", text: "Lead shifts safely" }]);
    expect(isUnchanged(parts)).toBe(true);
  });

  it("marks a replaced word as removed then added", () => {
    expect(marked("Understand the management of injuries", "Diagnose the management of injuries")).toBe(
      "[-Understand-]{+Diagnose+} the management of injuries",
    );
  });

  it("marks insertions and deletions in the middle and at the ends", () => {
    expect(marked("Lead shifts", "Lead shifts and manage flow")).toBe("Lead shifts{+ and manage flow+}");
    expect(marked("Contribute to audit and education", "Contribute to education")).toBe("Contribute to [-audit and -]education");
    expect(marked("", "New text")).toBe("{+New text+}");
    expect(marked("Old text", "")).toBe("[-Old text-]");
  });

  it("finds the common words between scattered changes", () => {
    const parts = diffWords("a b c d e", "a x c d y e");
    expect(marked("a b c d e", "a x c d y e")).toBe("a [-b-]{+x+} c d {+y +}e");
    expect(isUnchanged(parts)).toBe(false);
  });

  it("gives back both texts exactly from the two sides", () => {
    const before = "Portfolio of workplace-based assessments across the age range.";
    const after = "Portfolio of directly observed assessments in each of adult and paediatric presentations.";
    const { before: left, after: right } = sidesOf(diffWords(before, after));
    expect(left.map((p) => p.text).join("")).toBe(before);
    expect(right.map((p) => p.text).join("")).toBe(after);
    expect(left.some((p) => p.kind === "added")).toBe(false);
    expect(right.some((p) => p.kind === "removed")).toBe(false);
  });

  it("still gives a correct (coarser) answer for texts too long to compare word by word", () => {
    const before = Array.from({ length: 2100 }, (_, i) => `w${i}`).join(" ");
    const after = `${before.replace("w5 ", "changed ")}`;
    const { before: left, after: right } = sidesOf(diffWords(before, after));
    expect(left.map((p) => p.text).join("")).toBe(before);
    expect(right.map((p) => p.text).join("")).toBe(after);
  });
});

describe("alignLists", () => {
  it("pairs kept items and reworded items, and shows new items alone", () => {
    expect(
      alignLists(
        ["Lead shifts", "Assess patients of all ages", "Teach"],
        ["Lead shifts", "Assess patients of all ages safely", "Teach", "Audit"],
      ),
    ).toEqual([
      { before: "Lead shifts", after: "Lead shifts" },
      { before: "Assess patients of all ages", after: "Assess patients of all ages safely" },
      { before: "Teach", after: "Teach" },
      { before: null, after: "Audit" },
    ]);
  });

  it("does not pair a removed item with an unrelated new one", () => {
    expect(
      alignLists(
        ["Lead shifts.", "Prescribe safely within scope."],
        ["Assess frail people.", "Prescribe safely within scope, including controlled drugs."],
      ),
    ).toEqual([
      { before: "Lead shifts.", after: null },
      { before: null, after: "Assess frail people." },
      { before: "Prescribe safely within scope.", after: "Prescribe safely within scope, including controlled drugs." },
    ]);
  });

  it("shows removed items with nothing after them", () => {
    expect(alignLists(["A", "B"], ["B"])).toEqual([
      { before: "A", after: null },
      { before: "B", after: "B" },
    ]);
    expect(alignLists([], [])).toEqual([]);
  });
});
