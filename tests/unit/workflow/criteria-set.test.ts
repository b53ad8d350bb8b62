import { describe, expect, it } from "vitest";
import { check, guidanceFor, machines, ratableCriteria, type CriteriaSetContext } from "@/lib/workflow";
import { staff } from "./fixtures";

const c4 = { id: "4", parentId: null, guidance: "" };
const c41 = { id: "4.1", parentId: "4", guidance: "Map the capabilities to the Framework." };
const parts = ["a", "b", "c", "d"].map((p) => ({ id: `4.1(${p})`, parentId: "4.1", guidance: p === "a" ? "About activities." : "" }));
const criteria = [c4, c41, ...parts];

describe("criteria set rules", () => {
  it("reviewers rate the parts of 4.1, not 4 or 4.1 themselves", () => {
    expect(ratableCriteria(criteria).map((c) => c.id)).toEqual(["4.1(a)", "4.1(b)", "4.1(c)", "4.1(d)"]);
  });
  it("a part shows its criterion's guidance before its own", () => {
    expect(guidanceFor(parts[0], criteria)).toEqual(["Map the capabilities to the Framework.", "About activities."]);
    expect(guidanceFor(parts[1], criteria)).toEqual(["Map the capabilities to the Framework."]);
  });
});

describe("publishing a criteria set", () => {
  const ok: CriteriaSetContext = { ratableCount: 4, effectiveFrom: "2026-12-02", today: "2026-12-02" };
  const publish = (ctx: Partial<CriteriaSetContext>, state: "DRAFT" | "PUBLISHED" = "DRAFT") =>
    check(machines.CriteriaSet, "publish", state, { ...ok, ...ctx, actor: staff });

  it("needs something reviewers can rate and an effective date no earlier than today", () => {
    expect(publish({ ratableCount: 0 })).toMatchObject({ ok: false, reason: expect.stringMatching(/at least one criterion/) });
    expect(publish({ effectiveFrom: null })).toMatchObject({ ok: false, reason: "Enter the date this set takes effect." });
    expect(publish({ effectiveFrom: "2026-12-01" })).toMatchObject({ ok: false, reason: expect.stringMatching(/today or in the future/) });
    expect(publish({})).toMatchObject({ ok: true, to: "PUBLISHED" });
  });
  it("a published set can be neither edited nor published again", () => {
    expect(publish({}, "PUBLISHED")).toMatchObject({ ok: false, code: "WRONG_STATE" });
    expect(check(machines.CriteriaSet, "edit", "PUBLISHED", { ...ok, actor: staff })).toMatchObject({ ok: false, code: "WRONG_STATE" });
  });
});
