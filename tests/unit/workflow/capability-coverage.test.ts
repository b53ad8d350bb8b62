import { describe, expect, it } from "vitest";
import {
  capabilityCoverage,
  check,
  machines,
  missingCapabilities,
  type CoverageInput,
  type SpecificationVersionContext,
} from "@/lib/workflow";
import { ORG, expert } from "./fixtures";

const capabilities: CoverageInput["capabilities"] = [
  { id: "c11", number: "1.1", pillar: "CLINICAL_PRACTICE" },
  { id: "c12", number: "1.2", pillar: "CLINICAL_PRACTICE" },
  { id: "c21", number: "2.1", pillar: "LEADERSHIP_AND_MANAGEMENT" },
  { id: "c31", number: "3.1", pillar: "EDUCATION" },
  { id: "c41", number: "4.1", pillar: "RESEARCH" },
];

describe("capability coverage", () => {
  it("names the outcomes that cover each capability, by position", () => {
    const coverage = capabilityCoverage({
      capabilities,
      outcomes: [{ capabilityIds: ["c11", "c21"] }, { capabilityIds: ["c11"] }],
      uncovered: [],
    });
    expect(coverage.map((c) => [c.capability.number, c.status, c.outcomes])).toEqual([
      ["1.1", "COVERED", [1, 2]],
      ["1.2", "MISSING", []],
      ["2.1", "COVERED", [1]],
      ["3.1", "MISSING", []],
      ["4.1", "MISSING", []],
    ]);
  });

  it("accepts links to other provision only when they say where, and an out-of-scope mark as it is", () => {
    const coverage = capabilityCoverage({
      capabilities,
      outcomes: [{ capabilityIds: ["c11"] }],
      uncovered: [
        { coreCapabilityId: "c12", disposition: "OTHER_PROVISION", provision: "The MSc advanced practice programme." },
        { coreCapabilityId: "c21", disposition: "OTHER_PROVISION", provision: "   " },
        { coreCapabilityId: "c31", disposition: "OUT_OF_SCOPE", provision: "" },
      ],
    });
    expect(coverage.map((c) => c.status)).toEqual(["COVERED", "OTHER_PROVISION", "MISSING", "OUT_OF_SCOPE", "MISSING"]);
    expect(coverage[1]!.provision).toBe("The MSc advanced practice programme.");
    expect(missingCapabilities(coverage)).toEqual(["2.1", "4.1"]);
  });

  it("an outcome covering a capability outranks what was said about it before", () => {
    const [c] = capabilityCoverage({
      capabilities: capabilities.slice(0, 1),
      outcomes: [{ capabilityIds: ["c11"] }],
      uncovered: [{ coreCapabilityId: "c11", disposition: "OUT_OF_SCOPE", provision: "" }],
    });
    expect(c).toMatchObject({ status: "COVERED", outcomes: [1] });
  });
});

describe("the submit guard on capability coverage", () => {
  const ctx = (missingCapabilities: string[]): SpecificationVersionContext & { actor: typeof expert } => ({
    organisationId: ORG.expert,
    credentialOrigin: "COMMISSIONED",
    missingSections: [],
    missingCapabilities,
    reviewerCount: 0,
    submittedAssessmentCount: 0,
    actor: expert,
  });

  it("refuses submission while capabilities are unaccounted for, listing them", () => {
    expect(check(machines.SpecificationVersion, "submit", "DRAFT", ctx(["1.2", "2.1", "4.1"]))).toEqual({
      ok: false,
      code: "GUARD_FAILED",
      reason:
        "Map a learning outcome to each core capability of the framework, or say where practitioners meet it (links to other provision) or mark it out of scope. Still missing: 1.2, 2.1 and 4.1.",
    });
  });

  it("allows submission once every capability is covered or accounted for", () => {
    expect(check(machines.SpecificationVersion, "submit", "DRAFT", ctx([]))).toMatchObject({ ok: true, to: "SUBMITTED" });
  });

  it("reports missing sections before missing capabilities", () => {
    const result = check(machines.SpecificationVersion, "submit", "DRAFT", { ...ctx(["1.2"]), missingSections: ["Credits"] });
    expect(result).toMatchObject({ ok: false, reason: "Complete these sections before submitting: Credits." });
  });

  it("only submit asks about capabilities: a draft with gaps can still be edited", () => {
    expect(check(machines.SpecificationVersion, "edit", "DRAFT", ctx(["1.2"]))).toMatchObject({ ok: true });
  });
});
