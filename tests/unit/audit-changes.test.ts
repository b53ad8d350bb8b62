import { describe, expect, it } from "vitest";
import { changes, MAX_AUDIT_TEXT } from "@/lib/audit";

describe("changes, for an edit's audit event", () => {
  it("lists only the fields whose value differs, with the old and new value", () => {
    const before = { title: "Frailty", rank: 2, startsOn: new Date("2027-09-01"), note: null };
    const after = { title: "Frailty", rank: 3, startsOn: new Date("2027-09-01"), note: "" };
    expect(changes(before, after, ["title", "rank", "startsOn", "note"])).toEqual({ rank: { from: 2, to: 3 } });
  });

  it("records dates as ISO text and a cleared value as null", () => {
    expect(changes({ startsOn: new Date("2027-09-01"), award: "MSc" }, { startsOn: null, award: "" }, ["startsOn", "award"])).toEqual({
      startsOn: { from: "2027-09-01T00:00:00.000Z", to: null },
      award: { from: "MSc", to: null },
    });
  });

  it("shortens long texts, yet still sees a change past the cut", () => {
    const long = "x".repeat(MAX_AUDIT_TEXT + 50);
    const result = changes({ body: long }, { body: `${long}!` }, ["body"]);
    expect(result.body.from).toBe(`${"x".repeat(MAX_AUDIT_TEXT)}… (${long.length} characters)`);
    expect(result.body.to).toBe(`${"x".repeat(MAX_AUDIT_TEXT)}… (${long.length + 1} characters)`);
  });
});
