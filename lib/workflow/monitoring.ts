import { isDelivering, type DeliveryPlanStatus } from "./delivery-plan";
import { hasText, ownOrganisation, requireReason } from "./guards";
import type { QualityOutcome } from "./quality-review";
import { defineMachine, STAFF, STAFF_OR_SYSTEM, UNCHANGED, type Guard } from "./types";

// Risk-based monitoring of approved delivery plans. The rules are data (a versioned rule set admins publish); this
// file holds what reads them — the rating of one plan from its latest figures, in words, and when its next quality
// review falls due — and the machines of a plan's rating, of enhanced monitoring and of its six-monthly reports.

export const RISK_LEVELS = ["LOW", "MEDIUM", "HIGH"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" };
const RANK: Record<RiskLevel, number> = { LOW: 0, MEDIUM: 1, HIGH: 2 };

/** The thresholds and intervals of one published rule set. */
export interface RiskRules {
  /** Withdrawals above this share of the year's learners (whole percent) make a plan medium risk… */
  withdrawalMediumPercent: number;
  /** …and above this one high risk. */
  withdrawalHighPercent: number;
  /** Learner satisfaction below this whole percentage makes a plan medium risk. */
  satisfactionBelowPercent: number;
  requiresImprovementLevel: RiskLevel;
  doesNotMeetLevel: RiskLevel;
  overdueReturnLevel: RiskLevel;
  reviewMonthsLow: number;
  reviewMonthsMedium: number;
  reviewMonthsHigh: number;
}

/** What the rules look at, read from the plan's records. */
export interface RiskFacts {
  /**
   * The latest accepted annual return's totals over professions: the year's learners are its starts and those
   * continuing from the year before (the withdrawal rate the plan's trend shows); null when none is accepted, or it
   * gave no figures.
   */
  latestReturn: { year: number; learners: number; withdrawals: number; satisfaction: number | null } | null;
  /** The outcome of the plan's last reported quality review, or null when none has reported. */
  lastReviewOutcome: QualityOutcome | null;
  /** The years of the plan's returns still open after their due day. */
  overdueReturnYears: readonly number[];
}

export type RiskRating = { level: RiskLevel; reasons: string[] };

const OUTCOME_WORDS: Record<QualityOutcome, string> = {
  MEETS_STANDARDS: "meets standards",
  REQUIRES_IMPROVEMENT: "requires improvement",
  DOES_NOT_MEET: "does not meet standards",
};

/**
 * The plan's rating under `rules`: the highest level any rule gives, with one sentence per rule that applies
 * ("withdrawals 32% of the year's learners in the 2025 return, above 25%: high"). No rule applying is low risk.
 */
export function rateRisk(facts: RiskFacts, rules: RiskRules): RiskRating {
  const found: { level: RiskLevel; words: string }[] = [];
  const ret = facts.latestReturn;
  if (ret && ret.learners > 0) {
    const rate = Math.round((100 * ret.withdrawals) / ret.learners);
    const said = `Withdrawals ${rate}% of the year's learners in the ${ret.year} return`;
    if (rate > rules.withdrawalHighPercent) found.push({ level: "HIGH", words: `${said}, above ${rules.withdrawalHighPercent}%` });
    else if (rate > rules.withdrawalMediumPercent)
      found.push({ level: "MEDIUM", words: `${said}, above ${rules.withdrawalMediumPercent}%` });
  }
  if (ret && ret.satisfaction !== null && ret.satisfaction < rules.satisfactionBelowPercent) {
    found.push({
      level: "MEDIUM",
      words: `Learner satisfaction ${ret.satisfaction}% in the ${ret.year} return, below ${rules.satisfactionBelowPercent}%`,
    });
  }
  const outcomeLevel =
    facts.lastReviewOutcome === "DOES_NOT_MEET"
      ? rules.doesNotMeetLevel
      : facts.lastReviewOutcome === "REQUIRES_IMPROVEMENT"
        ? rules.requiresImprovementLevel
        : null;
  if (facts.lastReviewOutcome && outcomeLevel && outcomeLevel !== "LOW") {
    found.push({ level: outcomeLevel, words: `The last quality review found the delivery ${OUTCOME_WORDS[facts.lastReviewOutcome]}` });
  }
  if (facts.overdueReturnYears.length > 0 && rules.overdueReturnLevel !== "LOW") {
    const years = facts.overdueReturnYears.join(", ");
    found.push({ level: rules.overdueReturnLevel, words: `The ${years} annual return is overdue` });
  }
  const level = found.reduce<RiskLevel>((top, f) => (RANK[f.level] > RANK[top] ? f.level : top), "LOW");
  return { level, reasons: found.map((f) => `${f.words}: ${RISK_LEVEL_LABELS[f.level].toLowerCase()}`) };
}

/** Months from the last quality review (or approval) to the next, for a rating. */
export function reviewMonths(rules: Pick<RiskRules, "reviewMonthsLow" | "reviewMonthsMedium" | "reviewMonthsHigh">, level: RiskLevel) {
  return level === "HIGH" ? rules.reviewMonthsHigh : level === "MEDIUM" ? rules.reviewMonthsMedium : rules.reviewMonthsLow;
}

/** `months` calendar months after `from`, as a date; a day the month lacks (31 in a 30-day month) becomes its last. */
export function addMonths(from: Date, months: number): Date {
  const target = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(from.getUTCDate(), last)));
}

/** When the next quality review is due: the last review's report (or the plan's approval) plus the rating's months. */
export function nextReviewDue(lastReviewOrApproval: Date, rules: RiskRules, level: RiskLevel): Date {
  return addMonths(lastReviewOrApproval, reviewMonths(rules, level));
}

/** Bounds of a rule set's figures: a percentage is a whole 0–100, an interval 1 month to 10 years. */
export const RISK_MONTHS_MAX = 120;

/**
 * What is wrong with a rule set's figures, by field, in words; empty when they make sense together (the high
 * withdrawal threshold above the medium one, and a riskier rating never waiting longer for its review).
 */
export function ruleSetProblems(rules: RiskRules): Partial<Record<keyof RiskRules, string>> {
  const problems: Partial<Record<keyof RiskRules, string>> = {};
  if (rules.withdrawalHighPercent <= rules.withdrawalMediumPercent) {
    problems.withdrawalHighPercent = "The withdrawal rate for high risk must be above the rate for medium risk";
  }
  if (rules.reviewMonthsMedium > rules.reviewMonthsLow) {
    problems.reviewMonthsMedium = "A medium-risk plan cannot wait longer for its review than a low-risk one";
  }
  if (rules.reviewMonthsHigh > rules.reviewMonthsMedium) {
    problems.reviewMonthsHigh = "A high-risk plan cannot wait longer for its review than a medium-risk one";
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// A plan's rating

export const PLAN_RISK_STATES = ["RATED", "OVERRIDDEN"] as const;
export type PlanRiskStatus = (typeof PLAN_RISK_STATES)[number];

export interface PlanRiskContext {
  /** The rating staff set instead of the rules' one, and why. */
  overrideLevel?: RiskLevel | null;
  reason?: string | null;
}

const overrideGiven: Guard<PlanRiskContext> = (ctx) => {
  if (!ctx.overrideLevel) return "Choose the rating that applies instead.";
  return hasText(ctx.reason) ? null : "Give a reason for overriding the rating.";
};

export const planRiskMachine = defineMachine<PlanRiskStatus, PlanRiskContext>()({
  entity: "PlanRisk",
  noun: "risk rating",
  states: PLAN_RISK_STATES,
  initial: "RATED",
  labels: { RATED: "Rated by the rules", OVERRIDDEN: "Overridden by staff" },
  transitions: [
    // Working the rating out again (the nightly job, or after a return is accepted) keeps any override in place.
    {
      name: "rate",
      from: PLAN_RISK_STATES,
      to: UNCHANGED,
      roles: STAFF_OR_SYSTEM,
      label: "Work out the rating again",
      verb: "work out a plan's risk rating",
      participle: "rated",
    },
    {
      name: "override",
      from: PLAN_RISK_STATES,
      to: "OVERRIDDEN",
      roles: STAFF,
      label: "Override the rating",
      verb: "override a plan's risk rating",
      participle: "overridden",
      input: overrideGiven,
    },
    {
      name: "clearOverride",
      from: ["OVERRIDDEN"],
      to: "RATED",
      roles: STAFF,
      label: "Clear the override",
      verb: "clear the override of a plan's risk rating",
      participle: "cleared of an override",
    },
  ],
});

/** The rating in effect: staff's override when there is one, else the rules'. */
export const effectiveLevel = (risk: { status: PlanRiskStatus; computed: RiskLevel; overrideLevel: RiskLevel | null }) =>
  risk.status === "OVERRIDDEN" && risk.overrideLevel ? risk.overrideLevel : risk.computed;

/**
 * A new plan is monitored until its first cohort completes: while it delivers and no completion is known — none
 * recorded against it, and no accepted annual return giving one.
 */
export const monitoredUntilFirstCohort = (status: DeliveryPlanStatus, completionsKnown: number) =>
  isDelivering(status) && completionsKnown === 0;

// ---------------------------------------------------------------------------------------------------------------
// Enhanced monitoring and its reports

/** How often a plan under enhanced monitoring reports, in months (the product's interval, not a Centre figure). */
export const MONITORING_REPORT_MONTHS = 6;

export const ENHANCED_MONITORING_STATES = ["ACTIVE", "LIFTED"] as const;
export type EnhancedMonitoringStatus = (typeof ENHANCED_MONITORING_STATES)[number];

export interface EnhancedMonitoringContext {
  reason?: string | null;
}

export const enhancedMonitoringMachine = defineMachine<EnhancedMonitoringStatus, EnhancedMonitoringContext>()({
  entity: "EnhancedMonitoring",
  noun: "enhanced monitoring",
  states: ENHANCED_MONITORING_STATES,
  initial: "ACTIVE",
  labels: { ACTIVE: "Under enhanced monitoring", LIFTED: "Lifted" },
  transitions: [
    // The next report opens as a transition of the monitoring that keeps it active, so lifting cannot race it.
    {
      name: "openReport",
      from: ["ACTIVE"],
      to: UNCHANGED,
      roles: STAFF_OR_SYSTEM,
      label: "Open the next report",
      verb: "open a monitoring report",
      participle: "given another report",
    },
    {
      name: "lift",
      from: ["ACTIVE"],
      to: "LIFTED",
      roles: STAFF,
      label: "Lift enhanced monitoring",
      verb: "lift enhanced monitoring",
      participle: "lifted again",
      input: requireReason("lifting enhanced monitoring"),
    },
  ],
});

export const MONITORING_REPORT_STATES = ["OPEN", "SUBMITTED", "QUERIED", "ACCEPTED", "CANCELLED"] as const;
export type MonitoringReportStatus = (typeof MONITORING_REPORT_STATES)[number];
/** With the provider to write (or answer a query on). */
export const PROVIDER_REPORT_STATES: readonly MonitoringReportStatus[] = ["OPEN", "QUERIED"];
/** Not finished: lifting enhanced monitoring cancels these. */
export const UNFINISHED_REPORT_STATES: readonly MonitoringReportStatus[] = ["OPEN", "SUBMITTED", "QUERIED"];

export interface MonitoringReportContext {
  /** The education provider whose plan it is. */
  organisationId: string;
  narrative?: string | null;
  reason?: string | null;
}

const narrativeGiven: Guard<MonitoringReportContext> = (ctx) =>
  hasText(ctx.narrative) ? null : "Write the report: how delivery has gone since enhanced monitoring began or since the last report.";

export const monitoringReportMachine = defineMachine<MonitoringReportStatus, MonitoringReportContext>()({
  entity: "MonitoringReport",
  noun: "monitoring report",
  states: MONITORING_REPORT_STATES,
  initial: "OPEN",
  labels: { OPEN: "Due", SUBMITTED: "Submitted", QUERIED: "Queried", ACCEPTED: "Accepted", CANCELLED: "Cancelled" },
  transitions: [
    {
      name: "submit",
      from: PROVIDER_REPORT_STATES,
      to: "SUBMITTED",
      roles: ["PROVIDER"],
      label: "Submit the report",
      verb: "submit a monitoring report",
      participle: "submitted",
      guard: ownOrganisation("PROVIDER", "monitoring report"),
      input: narrativeGiven,
    },
    {
      name: "query",
      from: ["SUBMITTED"],
      to: "QUERIED",
      roles: STAFF,
      label: "Query the report",
      verb: "query a monitoring report",
      participle: "queried",
      input: requireReason("querying this report"),
    },
    {
      name: "accept",
      from: ["SUBMITTED"],
      to: "ACCEPTED",
      roles: STAFF,
      label: "Accept the report",
      verb: "accept a monitoring report",
      participle: "accepted",
    },
    // Lifting enhanced monitoring ends the reports it still owed.
    {
      name: "cancel",
      from: UNFINISHED_REPORT_STATES,
      to: "CANCELLED",
      roles: STAFF,
      label: "Cancel",
      verb: "cancel a monitoring report",
      participle: "cancelled",
    },
  ],
});
