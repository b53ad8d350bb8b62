import { beforeEach, describe, expect, it } from "vitest";
import { planReturnTrend, submitAnnualReturn } from "@/lib/data/annual-returns";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import * as q from "../support/quality-factory";
import { refusal } from "../support/refusal";

let c: q.QualityCast;
let physio: { id: string };
let nursing: { id: string };

beforeEach(async () => {
  await resetDb();
  c = await q.qualityCast();
  physio = await make.profession("Physiotherapy");
  nursing = await make.profession("Nursing", "NMC");
});

const answers = { cohorts: "Cohort 1", changesToDelivery: "None", staffing: "Two lecturers", concerns: "None" };
const openReturn = (year: number) => testDb().annualReturn.create({ data: { planId: c.plan.id, year, dueOn: new Date(`${year}-09-30`) } });
const row = (professionId: string, starts: unknown, continuing: unknown, completions: unknown, withdrawals: unknown) => ({
  professionId,
  starts,
  continuing,
  completions,
  withdrawals,
});
const figuresOf = (annualReturnId: string) =>
  testDb().annualReturnFigures.findMany({
    where: { annualReturnId },
    orderBy: { starts: "asc" },
    omit: { id: true, annualReturnId: true },
  });

describe("annual return figures", () => {
  it("are kept by profession with the learner satisfaction; a profession left blank is not part of the return", async () => {
    const r = await openReturn(2026);
    await submitAnnualReturn(c.provider, {
      id: r.id,
      version: 1,
      ...answers,
      learnerSatisfaction: "87",
      figures: [row(physio.id, "12", "8", "3", "1"), row(nursing.id, "", "", "", "")],
    });
    expect(await figuresOf(r.id)).toEqual([{ professionId: physio.id, starts: 12, continuing: 8, completions: 3, withdrawals: 1 }]);
    expect((await testDb().annualReturn.findUniqueOrThrow({ where: { id: r.id } })).learnerSatisfaction).toBe(87);
  });

  it("refuse negative, fractional, oversized and half-filled figures and a satisfaction over 100 by field, writing nothing", async () => {
    const r = await openReturn(2026);
    const bad = await refusal(
      submitAnnualReturn(c.provider, {
        id: r.id,
        version: 1,
        ...answers,
        learnerSatisfaction: "120",
        figures: [row(physio.id, "-1", "2.5", "99999", "0"), row(nursing.id, "4", "", "", "")],
      }),
    );
    expect(bad.code).toBe("INVALID_INPUT");
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual([
      "figures.0.completions",
      "figures.0.continuing",
      "figures.0.starts",
      "learnerSatisfaction",
    ]);
    const half = await refusal(
      submitAnnualReturn(c.provider, { id: r.id, version: 1, ...answers, figures: [row(nursing.id, "4", "", "1", "")] }),
    );
    expect(Object.keys(half.fieldErrors ?? {}).sort()).toEqual(["figures.0.continuing", "figures.0.withdrawals"]);
    expect(await testDb().annualReturnFigures.count()).toBe(0);
    expect((await testDb().annualReturn.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("OPEN");
  });

  it("cannot account for more learners than started this year or continued from last year's return", async () => {
    const last = await openReturn(2025);
    await submitAnnualReturn(c.provider, { id: last.id, version: 1, ...answers, figures: [row(physio.id, "10", "6", "3", "1")] });
    const r = await openReturn(2026);
    // 4 started + 6 continuing from 2025 = 10 learners: 11 accounted for is one too many.
    const refused = await refusal(
      submitAnnualReturn(c.provider, { id: r.id, version: 1, ...answers, figures: [row(physio.id, "4", "3", "6", "2")] }),
    );
    expect(refused.fieldErrors?.["figures.0.completions"]?.[0]).toContain("add up to 11, more than the 10");
    await submitAnnualReturn(c.provider, { id: r.id, version: 1, ...answers, figures: [row(physio.id, "4", "3", "6", "1")] });
    expect(await figuresOf(r.id)).toHaveLength(1);
  });

  it("a resubmission replaces the figures as a whole", async () => {
    const r = await openReturn(2026);
    await submitAnnualReturn(c.provider, { id: r.id, version: 1, ...answers, figures: [row(physio.id, "5", "5", "0", "0")] });
    await testDb().annualReturn.update({ where: { id: r.id }, data: { status: "QUERIED" } });
    await submitAnnualReturn(c.provider, { id: r.id, version: 2, ...answers, figures: [row(nursing.id, "7", "6", "0", "1")] });
    expect((await figuresOf(r.id)).map((f) => f.professionId)).toEqual([nursing.id]);
  });

  it("the plan's trend totals professions by year, newest first, with the withdrawal rate over the learners each year had", async () => {
    const last = await openReturn(2025);
    await submitAnnualReturn(c.provider, {
      id: last.id,
      version: 1,
      ...answers,
      learnerSatisfaction: "80",
      figures: [row(physio.id, "10", "6", "3", "1"), row(nursing.id, "10", "8", "0", "2")],
    });
    const r = await openReturn(2026);
    await submitAnnualReturn(c.provider, { id: r.id, version: 1, ...answers, figures: [row(physio.id, "6", "5", "3", "4")] });
    const trend = await planReturnTrend(c.staff, c.plan.id);
    expect(
      trend.map(({ year, starts, continuing, completions, withdrawals, withdrawalRate, learnerSatisfaction }) => ({
        year,
        starts,
        continuing,
        completions,
        withdrawals,
        withdrawalRate,
        learnerSatisfaction,
      })),
    ).toEqual([
      // 2026 had 6 starts + 14 continuing from 2025 = 20 learners; 4 withdrew.
      { year: 2026, starts: 6, continuing: 5, completions: 3, withdrawals: 4, withdrawalRate: 20, learnerSatisfaction: null },
      { year: 2025, starts: 20, continuing: 14, completions: 3, withdrawals: 3, withdrawalRate: 15, learnerSatisfaction: 80 },
    ]);
    expect(await planReturnTrend(c.otherProvider, c.plan.id)).toEqual([]);
  });
});
