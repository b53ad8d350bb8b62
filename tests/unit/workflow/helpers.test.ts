import { describe, expect, it } from "vitest";
import {
  DECISION_TRANSITIONS,
  ENDORSEMENT_DECISIONS,
  SPECIFICATION_SECTIONS,
  canStartNewVersion,
  canStartPlan,
  conflictOfInterest,
  dueForOpening,
  gatewayOutcome,
  incompleteCurrencyChecks,
  isEndorsedForDelivery,
  isLate,
  isOverdue,
  isPeriodicReviewOverdue,
  listInWords,
  machines,
  missingSections,
  reviewDueFrom,
  stateLabel,
  type SpecificationContent,
} from "@/lib/workflow";

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("gatewayOutcome", () => {
  const met = (criterion: string, isMet = true) => ({ criterion, met: isMet });
  it("passes only when every criterion is assessed and met", () => {
    expect(gatewayOutcome([met("1"), met("2"), met("3")], 3)).toBe("PASSED");
  });
  it("fails when all are assessed and any is not met", () => {
    expect(gatewayOutcome([met("1"), met("2", false), met("3")], 3)).toBe("FAILED");
  });
  it("is not assessed while any criterion is unassessed, even if one already failed", () => {
    expect(gatewayOutcome([met("1"), met("2", false)], 3)).toBe("NOT_ASSESSED");
    expect(gatewayOutcome([], 3)).toBe("NOT_ASSESSED");
  });
  it("counts a criterion assessed twice once, with its latest assessment", () => {
    expect(gatewayOutcome([met("1"), met("1"), met("2")], 3)).toBe("NOT_ASSESSED");
    expect(gatewayOutcome([met("1", false), met("2"), met("3"), met("1")], 3)).toBe("PASSED");
  });
  it("is not assessed when there are no criteria", () => {
    expect(gatewayOutcome([], 0)).toBe("NOT_ASSESSED");
  });
});

describe("missingSections", () => {
  const complete: SpecificationContent = {
    purposeAndScope: "Purpose",
    targetGroup: "Nurses, paramedics and pharmacists",
    entryRequirements: "Registered professional",
    learningOutcomes: [{ text: "Assess complex frailty", pillars: ["CLINICAL_PRACTICE"] }],
    linksToOtherProvision: "Links to the ACP MSc",
    assessmentStrategy: "Portfolio and OSCE",
    academicLevel: 7,
    credits: 30,
    notionalHours: 300,
    deliveryModes: ["BLENDED"],
    supervisionRequirements: "Named supervisor",
    evidenceBase: "NICE guidance",
  };
  it("finds nothing missing in a complete first version (EPAs are optional)", () => {
    expect(missingSections(complete, { isFirstVersion: true })).toEqual([]);
  });
  it("needs a change summary on later versions only", () => {
    expect(missingSections(complete, { isFirstVersion: false })).toEqual(["Change summary"]);
    expect(missingSections({ ...complete, changeSummary: "Updated outcomes" }, { isFirstVersion: false })).toEqual([]);
  });
  it("lists every missing required section, in section order, by label", () => {
    expect(missingSections({}, { isFirstVersion: true })).toEqual(
      SPECIFICATION_SECTIONS.filter((s) => s.required && s.key !== "changeSummary").map((s) => s.label),
    );
  });
  it("treats blank text, empty lists and zero as missing", () => {
    const gaps = missingSections({ ...complete, purposeAndScope: "  ", deliveryModes: [], credits: 0 }, { isFirstVersion: true });
    expect(gaps).toEqual(["Purpose and scope", "Credits", "Delivery modes"]);
  });
  it("needs at least one learning outcome, each with text and a pillar", () => {
    const label = "Area-specific capabilities (learning outcomes)";
    expect(missingSections({ ...complete, learningOutcomes: [] }, { isFirstVersion: true })).toEqual([label]);
    expect(missingSections({ ...complete, learningOutcomes: [{ text: "Lead change", pillars: [] }] }, { isFirstVersion: true })).toEqual([
      label,
    ]);
    expect(missingSections({ ...complete, learningOutcomes: [{ text: " ", pillars: ["RESEARCH"] }] }, { isFirstVersion: true })).toEqual([
      label,
    ]);
  });
});

describe("dates", () => {
  it("a quality action is overdue when not closed and past due", () => {
    expect(isOverdue("OPEN", day("2025-03-01"), day("2025-03-02"))).toBe(true);
    expect(isOverdue("RESPONDED", day("2025-03-01"), day("2025-03-02"))).toBe(true);
    expect(isOverdue("CLOSED", day("2025-03-01"), day("2025-03-02"))).toBe(false);
    expect(isOverdue("OPEN", day("2025-03-01"), day("2025-03-01"))).toBe(false);
    expect(isOverdue("OPEN", null, day("2025-03-02"))).toBe(false);
  });
  it("an annual return is late when still open after the end of its due day", () => {
    expect(isLate("OPEN", day("2025-06-30"), day("2025-07-01"))).toBe(true);
    const dueOn = new Date("2025-06-30T00:00:00Z"); // as stored: the due day's midnight
    expect(isLate("OPEN", dueOn, new Date("2025-06-30T23:59:59Z"))).toBe(false);
    expect(isLate("OPEN", dueOn, new Date("2025-07-01T00:00:00Z"))).toBe(true);
    expect(isLate("OPEN", day("2025-06-30"), day("2025-06-29"))).toBe(false);
    expect(isLate("SUBMITTED", day("2025-06-30"), day("2025-07-01"))).toBe(false);
    expect(isLate("QUERIED", day("2025-06-30"), day("2025-07-01"))).toBe(false);
    expect(isLate("ACCEPTED", day("2025-06-30"), day("2025-07-01"))).toBe(false);
  });
  it("a periodic review opens 90 days (or the given lead) before it is due", () => {
    const due = day("2026-04-01");
    expect(dueForOpening(due, day("2026-01-01"))).toBe(true); // exactly 90 days ahead
    expect(dueForOpening(due, day("2025-12-31"))).toBe(false);
    expect(dueForOpening(due, day("2026-05-01"))).toBe(true);
    expect(dueForOpening(due, day("2026-03-01"), 14)).toBe(false);
    expect(dueForOpening(due, day("2026-03-18"), 14)).toBe(true);
  });
  it("a periodic review is overdue when not concluded by the due date", () => {
    expect(isPeriodicReviewOverdue("IN_PROGRESS", day("2026-04-01"), day("2026-04-02"))).toBe(true);
    expect(isPeriodicReviewOverdue("SCHEDULED", day("2026-04-01"), day("2026-03-31"))).toBe(false);
    expect(isPeriodicReviewOverdue("CONCLUDED", day("2026-04-01"), day("2026-04-02"))).toBe(false);
  });
  it("the next review is due three years after endorsement by default", () => {
    expect(reviewDueFrom(day("2025-05-10")).toISOString()).toBe(day("2028-05-10").toISOString());
    expect(reviewDueFrom(day("2025-05-10"), 2).toISOString()).toBe(day("2027-05-10").toISOString());
  });
});

describe("canStartNewVersion", () => {
  it("allows a new version after changes were requested", () => {
    expect(canStartNewVersion("CHANGES_REQUESTED", "IN_DEVELOPMENT")).toEqual({ ok: true });
  });
  it("allows a revision of an endorsed version when the credential needs revision", () => {
    expect(canStartNewVersion("ENDORSED", "REVISION_REQUIRED")).toEqual({ ok: true });
  });
  it("refuses otherwise, saying why", () => {
    expect(canStartNewVersion("ENDORSED", "ENDORSED")).toMatchObject({
      ok: false,
      code: "WRONG_STATE",
      reason: expect.stringMatching(/latest version is Endorsed/),
    });
    expect(canStartNewVersion("IN_REVIEW", "IN_DEVELOPMENT")).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/latest version is In review/),
    });
    expect(canStartNewVersion("DRAFT", "IN_DEVELOPMENT")).toMatchObject({ ok: false });
  });
  it("refuses any new version of a withdrawn credential", () => {
    expect(canStartNewVersion("CHANGES_REQUESTED", "WITHDRAWN")).toEqual({
      ok: false,
      code: "WRONG_STATE",
      reason: "No new version can be started for a withdrawn credential.",
    });
  });
});

describe("canStartPlan and isEndorsedForDelivery", () => {
  it("a credential stays deliverable while under periodic review or being revised", () => {
    for (const status of ["ENDORSED", "UNDER_PERIODIC_REVIEW", "REVISION_REQUIRED"] as const) {
      expect(isEndorsedForDelivery(status)).toBe(true);
      expect(canStartPlan(status)).toEqual({ ok: true });
    }
  });
  it("no plan can start against a withdrawn or undeveloped credential", () => {
    expect(isEndorsedForDelivery("WITHDRAWN")).toBe(false);
    expect(canStartPlan("WITHDRAWN")).toEqual({
      ok: false,
      code: "WRONG_STATE",
      reason: "No new delivery plans can start against a withdrawn credential.",
    });
    expect(canStartPlan("IN_DEVELOPMENT")).toMatchObject({ ok: false, reason: expect.stringMatching(/In development/) });
  });
});

describe("conflictOfInterest", () => {
  it("refuses a reviewer whose organisation is a subject", () => {
    expect(conflictOfInterest({ organisationId: "org-a" }, ["org-b", "org-a"])).toMatch(/conflict of interest/);
  });
  it("allows a reviewer from elsewhere, or with no organisation", () => {
    expect(conflictOfInterest({ organisationId: "org-c" }, ["org-a"])).toBeNull();
    expect(conflictOfInterest({ organisationId: null }, ["org-a"])).toBeNull();
  });
});

describe("small helpers", () => {
  it("maps every endorsement decision to a real transition", () => {
    const names = machines.SpecificationVersion.transitions.map((t) => t.name);
    for (const decision of ENDORSEMENT_DECISIONS) expect(names).toContain(DECISION_TRANSITIONS[decision]);
    expect(DECISION_TRANSITIONS.ENDORSE_WITH_CONDITIONS).toBe("endorseWithConditions");
  });
  it("labels states in plain English", () => {
    expect(stateLabel("SpecificationVersion", "CHANGES_REQUESTED")).toBe("Changes requested");
    expect(stateLabel("DeliveryPlan", "APPROVED_WITH_CONDITIONS")).toBe("Approved with conditions");
    expect(stateLabel("Credential", "UNDER_PERIODIC_REVIEW")).toBe("Under periodic review");
  });
  it("lists currency checks not yet recorded", () => {
    expect(incompleteCurrencyChecks(["CHANGING_NEEDS", "EVIDENCE_BASE"])).toEqual(["Technological advances", "New models of care"]);
    expect(incompleteCurrencyChecks(["CHANGING_NEEDS", "EVIDENCE_BASE", "TECHNOLOGICAL_ADVANCES", "NEW_MODELS_OF_CARE"])).toEqual([]);
  });
  it("joins lists in words", () => {
    expect(listInWords([])).toBe("");
    expect(listInWords(["A"])).toBe("A");
    expect(listInWords(["A", "B"], "or")).toBe("A or B");
    expect(listInWords(["A", "B", "C"])).toBe("A, B and C");
  });
});
