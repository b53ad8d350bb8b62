import { beforeEach, describe, expect, it } from "vitest";
import { acceptAnnualReturn } from "@/lib/data/annual-returns";
import {
  acceptMonitoringReport,
  liftEnhancedMonitoring,
  placeUnderEnhancedMonitoring,
  planMonitoring,
  queryMonitoringReport,
  submitMonitoringReport,
} from "@/lib/data/enhanced-monitoring";
import { listDeliveryPlans } from "@/lib/data/delivery-plans";
import { historyOf } from "@/lib/data/history";
import { clearPlanRiskOverride, overridePlanRisk, planRiskOf, ratePlanNow } from "@/lib/data/plan-risks";
import { publishRiskRuleSet, riskRuleSets } from "@/lib/data/risk-rules";
import { toDoList } from "@/lib/data/to-do";
import { openMonitoringReports, ratePlanRisks } from "@/lib/jobs/monitoring";
import { PrismaPg } from "@prisma/adapter-pg";
import { addDays } from "@/lib/dates";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resetDb, testDatabaseUrl, testDb } from "../support/db";
import * as plans from "../support/delivery-factory";
import { auditFor, profession } from "../support/factory";
import { oneOfTwoWins, refusal } from "../support/refusal";

type Cast = Awaited<ReturnType<typeof plans.deliveryCast>>;
let c: Cast;
let plan: { id: string };

const today = () => new Date().toISOString().slice(0, 10);
const RULES = {
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
const admin = async () => {
  await testDb().user.update({ where: { id: c.staff.id }, data: { isAdmin: true } });
  return c.staff;
};
const publish = async (over: Record<string, unknown> = {}, basedOn = 0) =>
  publishRiskRuleSet(await admin(), { basedOn, effectiveFrom: today(), source: "Test rules, not the Centre's.", ...RULES, ...over });

/** An accepted return for last year: 12 started, 4 withdrew (33%), satisfaction 68%. */
async function acceptedReturn(planId: string, completions = 0) {
  const p = await profession(`Nursing ${Math.random()}`);
  return testDb().annualReturn.create({
    data: {
      planId,
      year: new Date().getUTCFullYear() - 1,
      dueOn: new Date("2025-07-31"),
      status: "ACCEPTED",
      learnerSatisfaction: 68,
      figures: { create: [{ professionId: p.id, starts: 12, continuing: 8 - completions, completions, withdrawals: 4 }] },
    },
  });
}

beforeEach(async () => {
  await resetDb();
  c = await plans.deliveryCast();
  plan = await plans.plan(await plans.endorsedCredential("ENDORSED", 2), c.providerOrg.id, "APPROVED");
  await testDb().deliveryPlan.update({ where: { id: plan.id }, data: { decidedAt: new Date("2026-01-31") } });
});

describe("risk rules", () => {
  it("an admin publishes versions in turn; staff read them, with the one in effect", async () => {
    await publish();
    const second = await publish({ withdrawalHighPercent: 30 }, 1);
    expect(second.number).toBe(2);
    const { sets, inEffectId } = await riskRuleSets(c.staff);
    expect(sets.map((s) => s.number)).toEqual([2, 1]);
    expect(inEffectId).toBe(second.id);
    expect((await auditFor(second.id)).map((e) => e.action)).toEqual(["publish"]);
  });

  it("refuses thresholds out of range or out of order as field errors, and writes nothing", async () => {
    const bad = await refusal(publish({ withdrawalMediumPercent: 101, reviewMonthsLow: 0, source: "" }));
    expect(bad.code).toBe("INVALID_INPUT");
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["reviewMonthsLow", "source", "withdrawalMediumPercent"]);
    const disordered = await refusal(publish({ withdrawalHighPercent: 10, reviewMonthsHigh: 18 }));
    expect(Object.keys(disordered.fieldErrors ?? {}).sort()).toEqual(["reviewMonthsHigh", "withdrawalHighPercent"]);
    const past = await refusal(publish({ effectiveFrom: "2020-01-01" }));
    expect(Object.keys(past.fieldErrors ?? {})).toEqual(["effectiveFrom"]);
    expect(await testDb().riskRuleSet.count()).toBe(0);
  });

  it("refuses a version based on one that is no longer the latest, and anyone who is not an admin", async () => {
    await publish();
    expect((await refusal(publish({}, 0))).code).toBe("STALE_VERSION");
    await testDb().user.update({ where: { id: c.staff.id }, data: { isAdmin: false } });
    expect((await refusal(publishRiskRuleSet(c.staff, { basedOn: 1, effectiveFrom: today(), source: "x", ...RULES }))).code).toBe(
      "NOT_ALLOWED",
    );
    expect(await testDb().riskRuleSet.count()).toBe(1);
  });
});

describe("a plan's risk rating", () => {
  it("is worked out from the latest accepted return, with reasons in words and the next review from approval", async () => {
    await publish();
    await acceptedReturn(plan.id);
    await ratePlanNow(c.staff, { planId: plan.id });
    const risk = await planRiskOf(c.staff, plan.id);
    expect(risk?.level).toBe("HIGH");
    expect(risk?.reasons).toEqual([
      expect.stringMatching(/^Withdrawals 33% of the year's learners in the \d{4} return, above 25%: high$/),
      expect.stringMatching(/^Learner satisfaction 68% in the \d{4} return, below 75%: medium$/),
    ]);
    expect(risk?.ruleSet.number).toBe(1);
    expect(risk?.nextReviewDueOn.toISOString().slice(0, 10)).toBe("2026-07-31");
    expect(await planRiskOf(c.provider, plan.id)).toBeNull();
  });

  it("keeps the version it was worked out with until the job rates it again under a newer one", async () => {
    await publish();
    await acceptedReturn(plan.id);
    expect(await ratePlanRisks(testDb(), new Date())).toBe(1);
    expect(await ratePlanRisks(testDb(), new Date())).toBe(0);
    await testDb().riskRuleSet.create({
      data: { number: 2, effectiveFrom: new Date("2099-01-01"), source: "Later.", ...RULES, withdrawalHighPercent: 40 } as never,
    });
    expect((await planRiskOf(c.staff, plan.id))?.ruleSet.number).toBe(1);
    expect(await ratePlanRisks(testDb(), new Date("2099-01-02"))).toBe(1);
    const risk = await planRiskOf(c.staff, plan.id);
    expect([risk?.ruleSet.number, risk?.level]).toEqual([2, "MEDIUM"]);
  });

  it("the job rates a batch of plans in as many statements for twelve as for two, each from its own figures", async () => {
    await publish();
    const counting = new PrismaClient({
      adapter: new PrismaPg({ connectionString: testDatabaseUrl() }),
      log: [{ emit: "event", level: "query" }],
    });
    let statements = 0;
    counting.$on("query", () => statements++);
    const credential = await plans.endorsedCredential("ENDORSED", 2);
    const rating = async (n: number, at: Date) => {
      for (let i = 0; i < n; i++) {
        const p = await plans.plan(credential, c.providerOrg.id, "APPROVED");
        if (i === 0) await acceptedReturn(p.id);
        // Another plan's return is late: open, due a year before.
        if (i === 1) await testDb().annualReturn.create({ data: { planId: p.id, year: 2024, dueOn: new Date("2024-07-31") } });
      }
      statements = 0;
      return { rated: await ratePlanRisks(counting, at), statements };
    };
    try {
      // The plan of beforeEach, and two more; then ten more, rated for the first time a day later.
      const two = await rating(2, new Date());
      const twelve = await rating(10, addDays(new Date(), 1));
      expect([two.rated, twelve.rated]).toEqual([3, 10]);
      expect(twelve.statements).toBe(two.statements);
    } finally {
      await counting.$disconnect();
    }
    const risks = await testDb().planRisk.findMany({ select: { computed: true, reasons: true } });
    expect(risks.filter((r) => r.computed === "HIGH")).toHaveLength(2);
    expect(risks.filter((r) => r.reasons.some((words) => words.startsWith("The 2024 annual return is overdue")))).toHaveLength(2);
    expect(await testDb().auditEvent.count({ where: { entityType: "PlanRisk", action: "rate" } })).toBe(13);
  });

  it("the job reads delivering plans a batch at a time and rates each once, leaving plans not delivering alone", async () => {
    await publish();
    const credential = await plans.endorsedCredential("ENDORSED", 2);
    const delivering = [plan.id];
    for (let i = 0; i < 4; i++) delivering.push((await plans.plan(credential, c.providerOrg.id, "APPROVED")).id);
    const draft = await plans.plan(credential, c.providerOrg.id, "DRAFT");
    expect(await ratePlanRisks(testDb(), new Date(), 2)).toBe(5);
    const rated = await testDb().planRisk.findMany({ select: { planId: true } });
    expect(rated.map((r) => r.planId).sort()).toEqual([...delivering].sort());
    expect(rated.map((r) => r.planId)).not.toContain(draft.id);
    expect(await ratePlanRisks(testDb(), new Date(), 2)).toBe(0);
  });

  it("is rated again when staff accept an annual return", async () => {
    await publish();
    const p = await profession("Paramedicine");
    const ret = await testDb().annualReturn.create({
      data: {
        planId: plan.id,
        year: 2025,
        dueOn: new Date("2025-07-31"),
        status: "SUBMITTED",
        figures: { create: [{ professionId: p.id, starts: 10, continuing: 7, completions: 0, withdrawals: 3 }] },
      },
    });
    await acceptAnnualReturn(c.staff, { id: ret.id, version: ret.version });
    expect((await planRiskOf(c.staff, plan.id))?.level).toBe("HIGH");
  });

  it("staff override it with a reason, which moves the review date, and clear the override", async () => {
    await publish();
    await ratePlanNow(c.staff, { planId: plan.id });
    const rated = (await planRiskOf(c.staff, plan.id))!;
    expect([rated.level, rated.nextReviewDueOn.toISOString().slice(0, 10)]).toEqual(["LOW", "2028-01-31"]);
    await overridePlanRisk(c.staff, { id: rated.id, version: rated.version, level: "HIGH", reason: "Programme lead left suddenly." });
    const overridden = (await planRiskOf(c.staff, plan.id))!;
    expect([overridden.level, overridden.status, overridden.overrideReason]).toEqual([
      "HIGH",
      "OVERRIDDEN",
      "Programme lead left suddenly.",
    ]);
    expect(overridden.nextReviewDueOn.toISOString().slice(0, 10)).toBe("2026-07-31");
    // A night's re-rating keeps the override and its date.
    await ratePlanRisks(testDb(), new Date());
    expect((await planRiskOf(c.staff, plan.id))?.level).toBe("HIGH");
    const current = (await planRiskOf(c.staff, plan.id))!;
    await clearPlanRiskOverride(c.staff, { id: current.id, version: current.version });
    const cleared = (await planRiskOf(c.staff, plan.id))!;
    expect([cleared.level, cleared.status, cleared.overrideReason]).toEqual(["LOW", "RATED", null]);
    expect(cleared.nextReviewDueOn.toISOString().slice(0, 10)).toBe("2028-01-31");
    expect((await auditFor(rated.id)).map((e) => e.action)).toEqual(["rate", "override", "clearOverride"]);
  });

  it("refuses an override without a reason or a rating as field errors, a provider, and a stale form; nothing changes", async () => {
    await publish();
    await ratePlanNow(c.staff, { planId: plan.id });
    const risk = (await planRiskOf(c.staff, plan.id))!;
    const bad = await refusal(overridePlanRisk(c.staff, { id: risk.id, version: risk.version, level: "SEVERE", reason: " " }));
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["level", "reason"]);
    expect((await refusal(overridePlanRisk(c.provider, { id: risk.id, version: risk.version, level: "HIGH", reason: "x" }))).code).toBe(
      "NOT_FOUND",
    );
    const { won, lost } = await oneOfTwoWins(
      overridePlanRisk(c.staff, { id: risk.id, version: risk.version, level: "HIGH", reason: "One." }),
      overridePlanRisk(c.staff, { id: risk.id, version: risk.version, level: "MEDIUM", reason: "Two." }),
    );
    expect(won).toBeTruthy();
    expect(["STALE_VERSION", "CONFLICT"]).toContain(lost.code);
    expect((await auditFor(risk.id)).map((e) => e.action)).toEqual(["rate", "override"]);
  });

  it("puts the review falling due on staff's to-do list", async () => {
    await publish({ reviewMonthsLow: 1, reviewMonthsMedium: 1, reviewMonthsHigh: 1 });
    await testDb().deliveryPlan.update({ where: { id: plan.id }, data: { decidedAt: new Date() } });
    await ratePlanNow(c.staff, { planId: plan.id });
    expect(await toDoList(c.staff)).toContainEqual(expect.objectContaining({ task: "Schedule the quality review its risk rating sets" }));
  });
});

describe("new plans until their first cohort completes", () => {
  it("are marked on the plan page and the staff list until an accepted return records completions", async () => {
    expect((await planMonitoring(c.staff, plan.id)).newPlan).toBe(true);
    expect((await listDeliveryPlans(c.staff)).rows.find((r) => r.id === plan.id)?.newPlan).toBe(true);
    await acceptedReturn(plan.id, 2);
    expect((await planMonitoring(c.staff, plan.id)).newPlan).toBe(false);
    expect((await listDeliveryPlans(c.staff)).rows.find((r) => r.id === plan.id)?.newPlan).toBe(false);
  });
});

describe("enhanced monitoring", () => {
  const place = (actor = c.staff, reason = "Two cohorts lost their supervisors.") =>
    placeUnderEnhancedMonitoring(actor, { planId: plan.id, reason });
  const spell = async () => (await planMonitoring(c.staff, plan.id)).spell!;

  it("placing it opens a report due in six months; the provider submits, staff accept, the next opens; lifting cancels what is owed", async () => {
    await place();
    const first = (await spell()).reports[0];
    expect(first.sequence).toBe(1);
    expect(await toDoList(c.provider)).toContainEqual(expect.objectContaining({ task: "Write the monitoring report", dueOn: first.dueOn }));
    const open = await testDb().monitoringReport.findUniqueOrThrow({ where: { id: first.id } });
    await submitMonitoringReport(c.provider, { id: open.id, version: open.version, narrative: "Supervisors replaced; weekly check-ins." });
    expect(await toDoList(c.staff)).toContainEqual(expect.objectContaining({ task: "Accept or query the monitoring report" }));
    const submitted = await testDb().monitoringReport.findUniqueOrThrow({ where: { id: first.id } });
    await queryMonitoringReport(c.staff, { id: submitted.id, version: submitted.version, reason: "How many learners were affected?" });
    const queried = await testDb().monitoringReport.findUniqueOrThrow({ where: { id: first.id } });
    await submitMonitoringReport(c.provider, { id: queried.id, version: queried.version, narrative: "Six learners; all now supervised." });
    const again = await testDb().monitoringReport.findUniqueOrThrow({ where: { id: first.id } });
    await acceptMonitoringReport(c.staff, { id: again.id, version: again.version });
    const reports = (await spell()).reports;
    expect(reports.map((r) => [r.sequence, r.status])).toEqual([
      [2, "OPEN"],
      [1, "ACCEPTED"],
    ]);
    expect(reports[0].dueOn.getTime() - reports[1].dueOn.getTime()).toBeGreaterThan(150 * 86_400_000);
    expect(await openMonitoringReports(testDb())).toBe(0);
    const active = await spell();
    await liftEnhancedMonitoring(c.staff, { id: active.id, version: active.version, reason: "Supervision restored for a year." });
    const lifted = await spell();
    expect([lifted.status, lifted.liftReason, lifted.reports[0].status]).toEqual([
      "LIFTED",
      "Supervision restored for a year.",
      "CANCELLED",
    ]);
    expect(await openMonitoringReports(testDb())).toBe(0);
  });

  it("refuses a missing reason as a field error, a provider, a second placement and a lift without a reason; nothing is written", async () => {
    const bad = await refusal(place(c.staff, "  "));
    expect(Object.keys(bad.fieldErrors ?? {})).toEqual(["reason"]);
    expect((await refusal(place(c.provider))).code).toBe("NOT_ALLOWED");
    expect(await testDb().enhancedMonitoring.count()).toBe(0);
    await place();
    expect((await refusal(place())).code).toBe("WRONG_STATE");
    const active = await spell();
    const noReason = await refusal(liftEnhancedMonitoring(c.staff, { id: active.id, version: active.version, reason: "" }));
    expect(Object.keys(noReason.fieldErrors ?? {})).toEqual(["reason"]);
    expect([await testDb().enhancedMonitoring.count(), (await spell()).status]).toEqual([1, "ACTIVE"]);
  });

  it("another provider cannot see or submit the report; an empty report is a field error", async () => {
    await place();
    const report = await testDb().monitoringReport.findFirstOrThrow();
    expect((await refusal(submitMonitoringReport(c.otherProvider, { id: report.id, version: report.version, narrative: "x" }))).code).toBe(
      "NOT_FOUND",
    );
    const empty = await refusal(submitMonitoringReport(c.provider, { id: report.id, version: report.version, narrative: "" }));
    expect(Object.keys(empty.fieldErrors ?? {})).toEqual(["narrative"]);
    expect((await testDb().monitoringReport.findFirstOrThrow()).status).toBe("OPEN");
    expect((await planMonitoring(c.otherProvider, plan.id)).spell).toBeNull();
  });

  it("the provider reads its report's history but never the rating's; another provider reads neither", async () => {
    await publish();
    await ratePlanNow(c.staff, { planId: plan.id });
    await place();
    const report = await testDb().monitoringReport.findFirstOrThrow();
    const risk = (await planRiskOf(c.staff, plan.id))!;
    const actions = async (actor: typeof c.staff, id: string) => (await historyOf(actor, [id])).rows.map((e) => e.action);
    expect(await actions(c.provider, report.id)).toEqual(["open"]);
    expect(await actions(c.provider, risk.id)).toEqual([]);
    expect(await actions(c.otherProvider, report.id)).toEqual([]);
    expect(await actions(c.staff, risk.id)).toEqual(["rate"]);
  });

  it("the job opens a report for a spell that owes none", async () => {
    await place();
    await testDb().monitoringReport.updateMany({ data: { status: "CANCELLED" } });
    expect(await openMonitoringReports(testDb())).toBe(1);
    expect((await spell()).reports.map((r) => r.sequence)).toEqual([2, 1]);
  });
});
