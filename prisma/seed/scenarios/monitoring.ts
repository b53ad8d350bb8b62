// Risk-based monitoring. The Centre publishes no risk thresholds or review intervals: its "Accreditation Monitoring"
// page (https://advanced-practice.hee.nhs.uk/our-work/programme-accreditation/accreditation-monitoring/) and
// "Exception Reporting: Guidance for Education Providers"
// (https://advanced-practice.hee.nhs.uk/exception-reporting-guidance-for-education-providers) describe a responsive,
// proportionate approach — monitoring after accreditation, then exception reporting — without any figures. So the
// migration inserts no rule set, and the rule set below is a DEMONSTRATION with invented figures, labelled as such in
// its source, for the Centre to replace under Admin, Risk rules. Nothing here is the Centre's rule.
//
// The Midlands frailty plan ("Community Frailty Practice (level 7)") gets last year's accepted annual return with
// figures that the demonstration rules rate high risk: a third of its learners withdrew, and satisfaction was 68%.
import { step, trail } from "../audit";
import { addDays, currentYear, dateOnly, monthsAgo } from "../dates";
import { addMonths, MONITORING_REPORT_MONTHS } from "../../../lib/workflow/monitoring";
import type { Seeded, Tx } from "../types";

export const DEMO_RISK_RULES_SOURCE =
  "Demonstration only: invented figures for trying the service out, not the Centre's. The Centre publishes no risk thresholds or review intervals; a Centre admin replaces this version with the Centre's own.";

export async function seedMonitoring(tx: Tx, s: Seeded) {
  await tx.riskRuleSet.create({
    data: {
      number: 1,
      effectiveFrom: dateOnly(monthsAgo(1)),
      source: DEMO_RISK_RULES_SOURCE,
      withdrawalMediumPercent: 15,
      withdrawalHighPercent: 25,
      satisfactionBelowPercent: 75,
      requiresImprovementLevel: "MEDIUM",
      doesNotMeetLevel: "HIGH",
      overdueReturnLevel: "MEDIUM",
      reviewMonthsLow: 24,
      reviewMonthsMedium: 12,
      reviewMonthsHigh: 6,
      createdAt: monthsAgo(1),
    },
  });

  const plan = await tx.deliveryPlan.findFirstOrThrow({
    where: { programmeTitle: "Community Frailty Practice (level 7)", organisationId: s.orgs.midlands.id },
    select: { id: true },
  });
  const professions = await tx.profession.findMany({
    where: { name: { in: ["Nursing", "Paramedicine"] } },
    select: { id: true, name: true },
  });
  const id = (name: string) => professions.find((p) => p.name === name)!.id;
  const dueOn = monthsAgo(4);
  const submittedAt = addDays(dueOn, -2);
  const acceptedAt = addDays(dueOn, 10);
  const ret = await tx.annualReturn.create({
    data: {
      planId: plan.id,
      year: currentYear() - 1,
      dueOn: dateOnly(dueOn),
      status: "ACCEPTED",
      cohorts: "Cohort 1: 12 started; 4 withdrew, 8 continue into their second year.",
      changesToDelivery: "None",
      staffing: "Module lead and consultant practitioner supervisors in two community trusts.",
      concerns: "Learners in one trust could not be released for placement days over the winter.",
      learnerSatisfaction: 68,
      submittedAt,
      createdAt: addDays(dueOn, -60),
      figures: {
        create: [
          { professionId: id("Nursing"), starts: 8, continuing: 6, completions: 0, withdrawals: 2 },
          { professionId: id("Paramedicine"), starts: 4, continuing: 2, completions: 0, withdrawals: 2 },
        ],
      },
    },
    select: { id: true },
  });
  await trail(tx, "AnnualReturn", ret.id, [
    step("create", null, "OPEN", null, addDays(dueOn, -60)),
    step("submit", "OPEN", "SUBMITTED", s.users.provider3, submittedAt),
    step("accept", "SUBMITTED", "ACCEPTED", s.users.staff, acceptedAt),
  ]);

  const placedAt = addDays(acceptedAt, 1);
  const reason = "A third of the first cohort withdrew and satisfaction fell to 68%: report on supervision and placement release.";
  const spell = await tx.enhancedMonitoring.create({
    data: { planId: plan.id, reason, placedAt, createdAt: placedAt },
    select: { id: true },
  });
  const report = await tx.monitoringReport.create({
    data: { monitoringId: spell.id, sequence: 1, dueOn: addMonths(dateOnly(placedAt), MONITORING_REPORT_MONTHS), createdAt: placedAt },
    select: { id: true },
  });
  await trail(tx, "EnhancedMonitoring", spell.id, [step("place", null, "ACTIVE", s.users.staff, placedAt, { reason })]);
  await trail(tx, "MonitoringReport", report.id, [step("open", null, "OPEN", s.users.staff, placedAt)]);
}
