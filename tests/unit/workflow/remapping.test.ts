import { describe, expect, it } from "vitest";
import { check, remapOutcomes, remappingDueOn, remappingMachine, unmappedRemapping, type Actor } from "@/lib/workflow";

const provider: Actor = { id: "u1", role: "PROVIDER", organisationId: "org-a" };
const otherProvider: Actor = { id: "u2", role: "PROVIDER", organisationId: "org-b" };
const staff: Actor = { id: "s1", role: "CENTRE_STAFF", organisationId: null };
const ctx = { organisationId: "org-a", unmappedOutcomes: [] as string[], planDelivering: true };

describe("re-mapping machine", () => {
  it("refuses a submission while a new or changed outcome is unmapped, naming it", () => {
    const verdict = check(remappingMachine, "submit", "OPEN", { ...ctx, unmappedOutcomes: ["learning outcome 3"], actor: provider });
    expect(verdict).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    expect(!verdict.ok && verdict.reason).toContain("learning outcome 3");
  });

  it("refuses another provider's task", () => {
    expect(check(remappingMachine, "submit", "OPEN", { ...ctx, actor: otherProvider })).toMatchObject({ ok: false, code: "GUARD_FAILED" });
  });

  it("refuses approval once the plan no longer delivers", () => {
    expect(check(remappingMachine, "approve", "SUBMITTED", { ...ctx, planDelivering: false, actor: staff })).toMatchObject({ ok: false });
  });

  it("needs a reason to return a re-mapping", () => {
    expect(check(remappingMachine, "return", "SUBMITTED", { ...ctx, actor: staff })).toMatchObject({ ok: false, code: "GUARD_FAILED" });
    expect(
      check(remappingMachine, "return", "SUBMITTED", { ...ctx, reason: "Map outcome 2 to an assessment.", actor: staff }),
    ).toMatchObject({
      ok: true,
      to: "RETURNED",
    });
  });
});

describe("outcomes of a new version against the old", () => {
  const old = [
    { id: "o1", position: 1, text: "Assess complex presentations." },
    { id: "o2", position: 2, text: "Lead a multidisciplinary team." },
  ];
  const mappings = new Map([
    ["o1", { module: "M1", assessment: "OSCE" }],
    ["o2", { module: "M2", assessment: "Portfolio" }],
  ]);

  it("carries the mapping of an outcome whose text is unchanged, even when it moved", () => {
    const next = [
      { id: "n1", position: 1, text: "Lead a multidisciplinary  team." },
      { id: "n2", position: 2, text: "Assess complex presentations." },
    ];
    const rows = remapOutcomes(old, next, mappings);
    expect(rows.map((r) => [r.change, r.carried?.module])).toEqual([
      ["UNCHANGED", "M2"],
      ["UNCHANGED", "M1"],
    ]);
  });

  it("marks a reworded outcome changed with the old text to compare, and an extra one new, neither carried", () => {
    const next = [
      { id: "n1", position: 1, text: "Assess complex presentations." },
      { id: "n2", position: 2, text: "Lead and develop a multidisciplinary team." },
      { id: "n3", position: 3, text: "Use research in practice." },
    ];
    const rows = remapOutcomes(old, next, mappings);
    expect(rows.map((r) => [r.change, r.previousText, r.carried])).toEqual([
      ["UNCHANGED", null, { module: "M1", assessment: "OSCE" }],
      ["CHANGED", "Lead a multidisciplinary team.", null],
      ["NEW", null, null],
    ]);
  });

  it("marks an outcome reworded and moved to another position changed from the one it rewords, not new", () => {
    const next = [
      { id: "n1", position: 1, text: "Lead and develop a multidisciplinary team." },
      { id: "n2", position: 2, text: "Use research in practice." },
      { id: "n3", position: 3, text: "Assess complex presentations." },
    ];
    const rows = remapOutcomes(old, next, mappings);
    expect(rows.map((r) => [r.change, r.previousText])).toEqual([
      ["CHANGED", "Lead a multidisciplinary team."],
      ["NEW", null],
      ["UNCHANGED", null],
    ]);
  });

  it("names the outcomes without both a module and an assessment", () => {
    const outcomes = [
      { id: "n1", position: 1 },
      { id: "n2", position: 2 },
    ];
    expect(unmappedRemapping(outcomes, new Map([["n1", { module: "M1", assessment: " " }]]))).toEqual([
      "learning outcome 1",
      "learning outcome 2",
    ]);
  });
});

it("sets the deadline the configured number of days after the endorsement, as a date", () => {
  expect(remappingDueOn(new Date("2026-12-02T14:30:00Z"), 90).toISOString()).toBe("2027-03-02T00:00:00.000Z");
});
