import { beforeEach, describe, expect, it, vi } from "vitest";
import { csvField, csvResponse, oneBatch, type CsvExport } from "@/lib/csv";
import { impactReturnBatches, listImpactReturns } from "@/lib/data/impact";
import { impactCsv } from "@/lib/data/impact-export";
import { impactByCredentialPage, impactByCredentialBatches, impactFigures } from "@/lib/data/impact-figures";
import {
  acceptImpactReturn,
  createImpactReturn,
  editImpactReturn,
  getImpactReturn,
  professionLabel,
  queryImpactReturn,
  submitImpactReturn,
} from "@/lib/data/impact-returns";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import * as q from "../support/quality-factory";
import { refusal } from "../support/refusal";

// Outside a Next server there is no data cache: the portfolio's figures, cached in the app, are read straight through.
vi.mock("next/cache", () => ({ unstable_cache: <F>(fn: F) => fn }));

let c: q.QualityCast;
/** The ids of the professions on the list, by name. */
let listed: Record<string, string> = {};
beforeEach(async () => {
  await resetDb();
  c = await q.qualityCast();
  listed = {};
  for (const name of ["Nursing", "Physiotherapy", "Pharmacy"]) listed[name] = (await make.profession(name)).id;
});

/** A row of the form: the profession chosen by its name on the list (any other text is sent as the id itself). */
const row = (profession: string, enrolled: number | string, completed: number | string, deployed: number | string) => ({
  professionId: listed[profession] ?? profession,
  enrolled: String(enrolled),
  completed: String(completed),
  deployed: String(deployed),
});
const blankRow = row("", "", "", "");
const figures = (over: Record<string, unknown> = {}) => ({
  planId: c.plan.id,
  period: "2026/27",
  enrolled: "20",
  completed: "15",
  withdrawn: "2",
  deployed: "10",
  professions: [row("Nursing", 12, 9, 6), row("Physiotherapy", 8, 6, 4), blankRow],
  employerFeedback: "Valued",
  patientBenefit: "Shorter waits",
  ...over,
});

describe("starting and revising an impact return", () => {
  it("the provider saves a draft with figures by profession (blank rows dropped); it is audited", async () => {
    const r = await createImpactReturn(c.provider, figures());
    expect(r).toMatchObject({
      status: "DRAFT",
      enrolled: 20,
      completed: 15,
      withdrawn: 2,
      deployed: 10,
      organisationId: c.providerOrg.id,
      credentialId: c.credential.id,
      credentialReference: c.credential.reference,
    });
    const rows = await testDb().impactByProfession.findMany({
      where: { impactReturnId: r.id },
      orderBy: { profession: { name: "asc" } },
      select: { profession: { select: { name: true } }, enrolled: true, completed: true, deployed: true },
    });
    expect(rows.map((p) => [p.profession?.name, p.enrolled, p.completed, p.deployed])).toEqual([
      ["Nursing", 12, 9, 6],
      ["Physiotherapy", 8, 6, 4],
    ]);
    expect((await make.auditFor(r.id))[0]).toMatchObject({ action: "create", toState: "DRAFT", actorId: c.provider.id });
  });

  it.each([
    [{ completed: "21" }, "completed", "Completed cannot be more than enrolled"],
    [{ withdrawn: "21", completed: "0", deployed: "0" }, "withdrawn", "Withdrawn cannot be more than enrolled"],
    [{ withdrawn: "6" }, "withdrawn", "Completed and withdrawn together cannot be more than enrolled"],
    [{ deployed: "16" }, "deployed", "Deployed cannot be more than completed"],
    [{ enrolled: "" }, "enrolled", "Enter the number enrolled"],
    [{ enrolled: "2.5" }, "enrolled", "Enrolled must be a whole number"],
    [{ period: "2026-27" }, "period", "Enter the period like 2025/26"],
    [
      { professions: [row("Nursing", 15, 9, 6), row("Physiotherapy", 8, 6, 4)] },
      "professions",
      "The professions' enrolled figures add up to 23, more than the total enrolled (20)",
    ],
    [
      { professions: [row("Nursing", 5, 5, 1), row("Nursing", 5, 5, 1)] },
      "professions.1.professionId",
      "Each profession can appear only once",
    ],
    [{ professions: [blankRow, row("", 5, 4, 1)] }, "professions.1.professionId", "Choose a profession from the list"],
    [
      { professions: [blankRow, row("Nursing", 5, 4, 1), row("unknown-profession", 5, 4, 1)] },
      "professions.2.professionId",
      "Choose a profession from the list",
    ],
    [{ professions: [row("Nurse <b>practitioner</b>", 5, 4, 1)] }, "professions.0.professionId", "Choose a profession from the list"],
    [{ professions: [row("Nursing", 5, 6, 1)] }, "professions.0.completed", "Completed cannot be more than enrolled"],
    [{ professions: [row("Nursing", 5, 4, 5)] }, "professions.0.deployed", "Deployed cannot be more than completed"],
  ])("refuses %j with a field error on %s and saves nothing", async (over, field, message) => {
    const err = await refusal(createImpactReturn(c.provider, figures(over)));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors?.[field]).toContain(message);
    expect(await testDb().impactReturn.count()).toBe(0);
    expect(await testDb().auditEvent.count()).toBe(0);
  });

  it("refuses a retired profession on a new return, saving nothing, but keeps it on a return that already had it", async () => {
    const draft = await createImpactReturn(c.provider, figures());
    await testDb().profession.update({ where: { id: listed.Physiotherapy }, data: { retiredAt: new Date() } });
    const err = await refusal(createImpactReturn(c.provider, figures({ period: "2027/28" })));
    expect(err.fieldErrors?.["professions.1.professionId"]).toEqual(["Choose a profession from the list"]);
    expect(await testDb().impactReturn.count()).toBe(1);
    const { planId: _, ...fields } = figures({ patientBenefit: "Fewer admissions" });
    await editImpactReturn(c.provider, { ...fields, id: draft.id, version: 1 });
    expect(await testDb().impactByProfession.count({ where: { impactReturnId: draft.id, professionId: listed.Physiotherapy } })).toBe(1);
  });

  it("shows and audits a row recorded before the list by its text, marked as not on the list, until the provider chooses", async () => {
    const r = await createImpactReturn(c.provider, figures({ professions: [row("Nursing", 12, 9, 6)] }));
    await testDb().impactByProfession.create({
      data: { impactReturnId: r.id, legacyProfession: "ACP (nurse)", enrolled: 8, completed: 6, deployed: 4 },
    });
    const shown = await getImpactReturn(c.provider, r.id);
    expect(shown?.byProfession.map(professionLabel)).toEqual(["Nursing", "ACP (nurse) (not on the list)"]);
    const { planId: _, ...fields } = figures();
    await editImpactReturn(c.provider, { ...fields, id: r.id, version: 1 });
    const edit = (await make.auditFor(r.id)).find((a) => a.action === "edit")!;
    expect(edit.data).toMatchObject({
      professions: {
        "ACP (nurse) (not on the list)": { from: { enrolled: 8, completed: 6, deployed: 4 }, to: null },
        Physiotherapy: { from: null, to: { enrolled: 8, completed: 6, deployed: 4 } },
      },
    });
    expect(await testDb().impactByProfession.count({ where: { impactReturnId: r.id, professionId: null } })).toBe(0);
  });

  it("refuses a second return for the same delivery and period, staff, another organisation's plan and an unapproved plan", async () => {
    await createImpactReturn(c.provider, figures());
    expect((await refusal(createImpactReturn(c.colleague, figures()))).fieldErrors?.period).toEqual([
      "There is already an impact return for this delivery and period",
    ]);
    expect((await refusal(createImpactReturn(c.staff, figures()))).code).toBe("NOT_ALLOWED");
    expect((await refusal(createImpactReturn(c.otherProvider, figures()))).code).toBe("NOT_FOUND");
    const draft = await q.plan(c.credential, c.providerOrg.id, "DRAFT");
    expect((await refusal(createImpactReturn(c.provider, figures({ planId: draft.id })))).code).toBe("WRONG_STATE");
    expect(await testDb().impactReturn.count()).toBe(1);
  });

  it("submit, query (provider notified), revise and resubmit, accept — each transition audited", async () => {
    const r = await createImpactReturn(c.provider, figures());
    await submitImpactReturn(c.provider, { id: r.id, version: 1 });
    expect((await q.notificationsFor(c.staff.id))[0].title).toMatch(/^Impact return submitted/);
    expect((await refusal(editImpactReturn(c.provider, { ...figures(), id: r.id, version: 2 }))).code).toBe("WRONG_STATE");
    await queryImpactReturn(c.staff, { id: r.id, version: 2, reason: "Check deployed" });
    expect((await q.notificationsFor(c.colleague.id))[0]).toMatchObject({ body: "Check deployed" });
    const { planId: _, ...fields } = figures({ deployed: "9", professions: [row("Nursing", 12, 9, 5)] });
    await editImpactReturn(c.provider, { ...fields, id: r.id, version: 3 });
    expect((await testDb().impactByProfession.findMany({ where: { impactReturnId: r.id } })).map((p) => p.deployed)).toEqual([5]);
    await submitImpactReturn(c.provider, { id: r.id, version: 4 });
    await acceptImpactReturn(c.staff, { id: r.id, version: 5 });
    const saved = await testDb().impactReturn.findUniqueOrThrow({ where: { id: r.id } });
    expect(saved).toMatchObject({ status: "ACCEPTED", deployed: 9, queryReason: null });
    expect(saved.acceptedAt).not.toBeNull();
    expect((await make.auditFor(r.id)).map((a) => a.action)).toEqual(["create", "submit", "query", "edit", "submit", "accept"]);
    expect((await q.notificationsFor(c.provider.id)).at(-1)?.title).toMatch(/^Impact return accepted/);
  });

  it("a revision records the old and new figures it changed, by profession too, and nothing unchanged", async () => {
    const r = await createImpactReturn(c.provider, figures());
    const { planId: _, ...fields } = figures({ deployed: "9", professions: [row("Nursing", 12, 9, 5)] });
    await editImpactReturn(c.provider, { ...fields, id: r.id, version: 1 });
    const edit = (await make.auditFor(r.id)).find((a) => a.action === "edit")!;
    expect(edit.data).toEqual({
      changes: { deployed: { from: 10, to: 9 } },
      professions: {
        Nursing: { from: { enrolled: 12, completed: 9, deployed: 6 }, to: { enrolled: 12, completed: 9, deployed: 5 } },
        Physiotherapy: { from: { enrolled: 8, completed: 6, deployed: 4 }, to: null },
      },
    });
  });

  it("refuses the wrong role, another organisation, a query without a reason and a stale version", async () => {
    const r = await createImpactReturn(c.provider, figures());
    expect((await refusal(submitImpactReturn(c.staff, { id: r.id, version: 1 }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(submitImpactReturn(c.otherProvider, { id: r.id, version: 1 }))).code).toBe("NOT_FOUND");
    expect((await refusal(submitImpactReturn(c.reviewer, { id: r.id, version: 1 }))).code).toBe("NOT_FOUND");
    expect((await refusal(submitImpactReturn(c.provider, { id: r.id, version: 2 }))).code).toBe("STALE_VERSION");
    await submitImpactReturn(c.provider, { id: r.id, version: 1 });
    expect((await refusal(acceptImpactReturn(c.provider, { id: r.id, version: 2 }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(queryImpactReturn(c.staff, { id: r.id, version: 2, reason: " " }))).fieldErrors?.reason).toBeDefined();
  });
});

describe("individual and collective impact", () => {
  async function knownData() {
    const other = await q.plan(c.credential, c.otherOrg.id);
    const cred2 = await q.credential(c.providerOrg.id, c.staff.id);
    const plan2 = await q.plan(cred2, c.providerOrg.id);
    await q.impactReturn(c.plan, {
      period: "2024/25",
      enrolled: 10,
      completed: 8,
      withdrawn: 1,
      deployed: 4,
      professions: [["Nursing", 10, 8, 4]],
    });
    await q.impactReturn(c.plan, {
      period: "2025/26",
      enrolled: 20,
      completed: 12,
      withdrawn: 2,
      deployed: 9,
      professions: [
        ["Nursing", 12, 8, 6],
        ["Pharmacy", 8, 4, 3],
      ],
    });
    await q.impactReturn(other, {
      period: "2025/26",
      enrolled: 10,
      completed: 10,
      withdrawn: 0,
      deployed: 5,
      professions: [["Pharmacy", 10, 10, 5]],
    });
    await q.impactReturn(plan2, { period: "2025/26", enrolled: 4, completed: 2, withdrawn: 0, deployed: 0 });
    // Not accepted, so never counted.
    await q.impactReturn(
      plan2,
      { period: "2026/27", enrolled: 99, completed: 99, withdrawn: 0, deployed: 99, professions: [["Nursing", 99, 99, 99]] },
      "SUBMITTED",
    );
    return { cred2 };
  }

  it("lists every return for staff newest period first, then by its credential's reference, a provider its own", async () => {
    await knownData();
    const all = await testDb().impactReturn.findMany({
      select: { id: true, period: true, organisationId: true, credential: { select: { reference: true } } },
    });
    const inOrder = all
      .sort(
        (a, b) =>
          b.period.localeCompare(a.period) || a.credential.reference.localeCompare(b.credential.reference) || (a.id < b.id ? -1 : 1),
      )
      .map((r) => r.id);
    expect(new Set(all.map((r) => r.credential.reference)).size).toBe(2);
    expect((await listImpactReturns(c.staff, {})).rows.map((r) => r.id)).toEqual(inOrder);
    const own = all.filter((r) => r.organisationId === c.providerOrg.id).map((r) => r.id);
    expect((await listImpactReturns(c.provider, {})).rows.map((r) => r.id)).toEqual(inOrder.filter((id) => own.includes(id)));
  });

  it("sums accepted returns only, by period and by profession, with completion and deployment rates", async () => {
    await knownData();
    const { totals, byPeriod, byProfession } = await impactFigures(c.staff);
    expect(totals).toMatchObject({
      returns: 4,
      enrolled: 44,
      completed: 32,
      withdrawn: 3,
      deployed: 18,
      completionRate: 32 / 44,
      deploymentRate: 18 / 32,
    });
    expect(byPeriod.map((p) => [p.period, p.returns, p.enrolled, p.completed, p.deployed])).toEqual([
      ["2024/25", 1, 10, 8, 4],
      ["2025/26", 3, 34, 24, 14],
    ]);
    expect(byProfession.map((p) => [p.profession, p.enrolled, p.completed, p.deployed])).toEqual([
      ["Nursing", 22, 16, 10],
      ["Pharmacy", 18, 14, 8],
    ]);
  });

  it("totals by the profession on the list, following a rename, and puts rows recorded before the list under one heading", async () => {
    await knownData();
    const accepted = await testDb().impactReturn.findFirstOrThrow({ where: { status: "ACCEPTED", period: "2024/25" } });
    await testDb().impactByProfession.createMany({
      data: [
        { impactReturnId: accepted.id, legacyProfession: '=HYPERLINK("http://x")', enrolled: 1, completed: 1, deployed: 1 },
        { impactReturnId: accepted.id, legacyProfession: "Chiropody", enrolled: 2, completed: 1, deployed: 0 },
      ],
    });
    await testDb().profession.update({ where: { id: listed.Nursing }, data: { name: "Adult nursing" } });
    const { byProfession } = await impactFigures(c.staff);
    expect(byProfession.map((p) => [p.profession, p.enrolled, p.completed, p.deployed])).toEqual([
      ["Adult nursing", 22, 16, 10],
      ["Pharmacy", 18, 14, 8],
      ["Not on the list", 3, 2, 1],
    ]);
    const csv = await rowsOf(await impactCsv(c.staff, "professions"));
    expect(csv.map((r) => r[0])).toEqual(["Adult nursing", "Pharmacy", "Not on the list"]);
  });

  it("a credential's figures cover only its returns; a provider sees only its own organisation's", async () => {
    const { cred2 } = await knownData();
    const individual = await impactFigures(c.staff, { credentialId: c.credential.id });
    expect(individual.totals).toMatchObject({ returns: 3, enrolled: 40, completed: 30 });
    const byCredential = Object.fromEntries(
      (await impactByCredentialPage(c.staff)).rows.map((r) => [r.credential.id, [r.returns, r.enrolled]]),
    );
    expect(byCredential).toEqual({ [c.credential.id]: [3, 40], [cred2.id]: [1, 4] });
    const own = await impactFigures(c.provider, { credentialId: c.credential.id });
    expect(own.totals).toMatchObject({ returns: 2, enrolled: 30, completed: 20, deployed: 13 });
    expect((await impactFigures(c.otherProvider)).totals).toMatchObject({ returns: 1, enrolled: 10 });
    expect((await impactFigures(c.staff, { credentialId: "missing" })).totals).toMatchObject({
      returns: 0,
      completionRate: null,
      deploymentRate: null,
    });
  });

  it("exports each table as CSV with the same figures", async () => {
    await knownData();
    const periods = await impactCsv(c.staff, "periods", { credentialId: c.credential.id });
    expect(periods?.headers).toEqual([
      "Period",
      "Accepted returns",
      "Enrolled",
      "Completed",
      "Withdrawn",
      "Deployed",
      "Completion rate (%)",
      "Deployment rate (%)",
    ]);
    expect(await rowsOf(periods)).toEqual([
      ["2024/25", 1, 10, 8, 1, 4, 80, 50],
      ["2025/26", 2, 30, 22, 2, 14, 73.3, 63.6],
    ]);
    const returns = await impactCsv(c.provider, "returns");
    expect(returns?.total).toBe(4);
    expect((await rowsOf(returns)).map((r) => r[3])).toEqual(["2026/27", "2025/26", "2025/26", "2024/25"]);
    expect(await rowsOf(await impactCsv(c.otherProvider, "professions"))).toEqual([["Pharmacy", 10, 10, 5, 100, 50]]);
    expect(await impactCsv(c.staff, "secrets")).toBeNull();
  });

  it("streams every return a batch at a time, each batch seeking past the last, with the total known first", async () => {
    await knownData();
    const batches: string[][] = [];
    for await (const batch of impactReturnBatches(c.staff, {}, 2)) batches.push(batch.map((r) => r.period));
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(batches.flat()).toEqual(["2026/27", "2025/26", "2025/26", "2025/26", "2024/25"]);
    const csv = await impactCsv(c.staff, "returns");
    expect(csv?.total).toBe(5);
    expect(await rowsOf(csv)).toHaveLength(5);
    const perCredential: [string, number, number][][] = [];
    for await (const batch of impactByCredentialBatches(c.staff, 1))
      perCredential.push(batch.map((r) => [r.credential.id, r.returns, r.enrolled]));
    expect(perCredential).toHaveLength(2);
    expect(Object.fromEntries(perCredential.flat().map(([id, ...f]) => [id, f]))).toEqual(
      Object.fromEntries((await impactByCredentialPage(c.staff)).rows.map((r) => [r.credential.id, [r.returns, r.enrolled]])),
    );
    expect((await impactCsv(c.staff, "credentials"))?.total).toBe(2);
  });
});

async function rowsOf(csv: CsvExport | null) {
  const rows = [];
  for await (const batch of csv?.batches ?? []) rows.push(...batch);
  return rows;
}

describe("CSV", () => {
  it("quotes commas, quotes and line breaks, and defuses spreadsheet formulas", () => {
    expect(csvField('Said "good", mostly')).toBe('"Said ""good"", mostly"');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("-5 learners")).toBe("'-5 learners");
    expect(csvField(-5)).toBe("-5");
    expect(csvField(null)).toBe("");
  });

  it("is served as a text/csv attachment that says how many rows it holds", async () => {
    const response = csvResponse({ filename: "impact by period.csv", headers: ["A", "B"], total: 1, batches: oneBatch([["x,y", 2]]) });
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="impact-by-period.csv"');
    expect(response.headers.get("X-Total-Rows")).toBe("1");
    expect(await response.text()).toBe('A,B\r\n"x,y",2\r\n');
  });
});
