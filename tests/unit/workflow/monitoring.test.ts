import { describe, expect, it } from "vitest";
import {
  addMonths,
  check,
  effectiveLevel,
  monitoredUntilFirstCohort,
  monitoringReportMachine,
  nextReviewDue,
  planRiskMachine,
  rateRisk,
  ruleSetProblems,
  type RiskFacts,
  type RiskRules,
} from "@/lib/workflow";
import { riskRuleSetSchema } from "@/lib/validation/monitoring";
import { ACTORS, ORG } from "./fixtures";

const RULES: RiskRules = {
  withdrawalMediumPercent: 15,
  withdrawalHighPercent: 25,
  satisfactionBelowPercent: 75,
  requiresImprovementLevel: "MEDIUM",
  doesNotMeetLevel: "HIGH",
  overdueReturnLevel: "MEDIUM",
  reviewMonthsLow: 24,
  reviewMonthsMedium: 12,
  reviewMonthsHigh: 6,
};

const facts = (over: Partial<RiskFacts> = {}): RiskFacts => ({
  latestReturn: { year: 2025, learners: 100, withdrawals: 5, satisfaction: 90 },
  lastReviewOutcome: "MEETS_STANDARDS",
  overdueReturnYears: [],
  ...over,
});
const withReturn = (withdrawals: number, satisfaction: number | null = 90) =>
  facts({ latestReturn: { year: 2025, learners: 100, withdrawals, satisfaction } });

describe("rating a plan's risk from its latest figures", () => {
  it("is low with no reasons when no rule applies", () => {
    expect(rateRisk(facts(), RULES)).toEqual({ level: "LOW", reasons: [] });
  });

  it("rates withdrawals at the threshold low and just above it medium, then high above the high threshold", () => {
    expect(rateRisk(withReturn(15), RULES).level).toBe("LOW");
    expect(rateRisk(withReturn(16), RULES).level).toBe("MEDIUM");
    expect(rateRisk(withReturn(25), RULES).level).toBe("MEDIUM");
    expect(rateRisk(withReturn(32), RULES)).toEqual({
      level: "HIGH",
      reasons: ["Withdrawals 32% of the year's learners in the 2025 return, above 25%: high"],
    });
  });

  it("rates satisfaction below its threshold medium and says so", () => {
    expect(rateRisk(withReturn(0, 74), RULES).reasons).toEqual(["Learner satisfaction 74% in the 2025 return, below 75%: medium"]);
    expect(rateRisk(withReturn(0, 75), RULES).level).toBe("LOW");
    expect(rateRisk(withReturn(0, null), RULES).level).toBe("LOW");
  });

  it("takes the level each review outcome has in the rules, and the highest of every rule that applies", () => {
    expect(rateRisk(facts({ lastReviewOutcome: "REQUIRES_IMPROVEMENT" }), RULES).level).toBe("MEDIUM");
    expect(rateRisk(facts({ lastReviewOutcome: "DOES_NOT_MEET" }), RULES).level).toBe("HIGH");
    expect(rateRisk(facts({ lastReviewOutcome: "DOES_NOT_MEET" }), { ...RULES, doesNotMeetLevel: "MEDIUM" }).level).toBe("MEDIUM");
    const both = rateRisk({ ...withReturn(20), overdueReturnYears: [2026], lastReviewOutcome: "DOES_NOT_MEET" }, RULES);
    expect(both.level).toBe("HIGH");
    expect(both.reasons).toHaveLength(3);
    expect(both.reasons).toContain("The 2026 annual return is overdue: medium");
  });

  it("reads no rate from a return without learners, and nothing from a plan with no accepted return", () => {
    expect(rateRisk(facts({ latestReturn: { year: 2025, learners: 0, withdrawals: 0, satisfaction: null } }), RULES).level).toBe("LOW");
    expect(rateRisk(facts({ latestReturn: null }), RULES).level).toBe("LOW");
  });
});

describe("the next quality review date", () => {
  it("adds the rating's months to the last review, ending on the month's last day when it is shorter", () => {
    const from = new Date("2026-01-31T00:00:00Z");
    expect(nextReviewDue(from, RULES, "HIGH").toISOString().slice(0, 10)).toBe("2026-07-31");
    expect(nextReviewDue(from, RULES, "MEDIUM").toISOString().slice(0, 10)).toBe("2027-01-31");
    expect(addMonths(new Date("2026-08-31T00:00:00Z"), 6).toISOString().slice(0, 10)).toBe("2027-02-28");
  });
});

describe("risk rules that make sense together", () => {
  it("names the field when high withdrawals are not above medium or a riskier rating would wait longer", () => {
    expect(ruleSetProblems(RULES)).toEqual({});
    expect(Object.keys(ruleSetProblems({ ...RULES, withdrawalHighPercent: 15 }))).toEqual(["withdrawalHighPercent"]);
    expect(Object.keys(ruleSetProblems({ ...RULES, reviewMonthsHigh: 13 }))).toEqual(["reviewMonthsHigh"]);
  });

  it("refuses a percentage above 100 and months of zero as field errors", () => {
    const result = riskRuleSetSchema.safeParse({
      basedOn: "0",
      effectiveFrom: "2030-01-01",
      source: "The Centre's decision.",
      ...Object.fromEntries(Object.entries(RULES).map(([k, v]) => [k, String(v)])),
      withdrawalHighPercent: "120",
      reviewMonthsLow: "0",
    });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["withdrawalHighPercent", "reviewMonthsLow"]));
  });
});

describe("the rating's override and the monitoring report", () => {
  it("uses staff's override while there is one", () => {
    expect(effectiveLevel({ status: "OVERRIDDEN", computed: "LOW", overrideLevel: "HIGH" })).toBe("HIGH");
    expect(effectiveLevel({ status: "RATED", computed: "LOW", overrideLevel: null })).toBe("LOW");
  });

  it("refuses an override without a rating or a reason", () => {
    const staff = ACTORS.CENTRE_STAFF;
    expect(check(planRiskMachine, "override", "RATED", { actor: staff, overrideLevel: "HIGH", reason: " " })).toMatchObject({
      ok: false,
      code: "GUARD_FAILED",
    });
    expect(check(planRiskMachine, "override", "RATED", { actor: staff, overrideLevel: null, reason: "Concerns" })).toMatchObject({
      ok: false,
    });
  });

  it("refuses a provider's empty report, and another organisation's report", () => {
    const provider = ACTORS.PROVIDER;
    expect(
      check(monitoringReportMachine, "submit", "OPEN", { actor: provider, organisationId: ORG.provider, narrative: "" }),
    ).toMatchObject({
      ok: false,
      code: "GUARD_FAILED",
    });
    expect(
      check(monitoringReportMachine, "submit", "OPEN", { actor: provider, organisationId: "elsewhere", narrative: "Fine." }),
    ).toMatchObject({
      ok: false,
    });
    expect(
      check(monitoringReportMachine, "submit", "QUERIED", { actor: provider, organisationId: ORG.provider, narrative: "Fine." }).ok,
    ).toBe(true);
  });

  it("monitors a delivering plan until a completion is known", () => {
    expect(monitoredUntilFirstCohort("APPROVED", 0)).toBe(true);
    expect(monitoredUntilFirstCohort("APPROVED", 1)).toBe(false);
    expect(monitoredUntilFirstCohort("SUSPENDED", 0)).toBe(false);
  });
});
