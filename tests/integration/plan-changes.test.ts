import { beforeEach, describe, expect, it } from "vitest";
import { decideDeliveryPlan } from "@/lib/data/delivery-plan-commands";
import { answerPlanChange, reportPlanChange, triagePlanChange } from "@/lib/data/plan-change-commands";
import { deliveryPlanPage } from "@/lib/data/delivery-plans";
import { getPlanChange, listPlanChanges, planForChangeReport } from "@/lib/data/plan-changes";
import { toDoList } from "@/lib/data/to-do";
import { resetDb, testDb } from "../support/db";
import { auditFor } from "../support/factory";
import * as plans from "../support/delivery-factory";
import { oneOfTwoWins, refusal } from "../support/refusal";

type Cast = Awaited<ReturnType<typeof plans.deliveryCast>>;
let c: Cast;
let plan: { id: string };

beforeEach(async () => {
  await resetDb();
  c = await plans.deliveryCast();
  plan = await plans.plan(await plans.endorsedCredential("ENDORSED", 2), c.providerOrg.id, "APPROVED");
});

const report = (category = "ASSESSMENT", actor = c.provider) =>
  reportPlanChange(actor, { planId: plan.id, category, whatChanged: "The OSCE becomes a portfolio.", why: "Placement capacity." });
const changeRow = (id: string) => testDb().planChange.findUniqueOrThrow({ where: { id } });
const planStatus = async () => (await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: plan.id } })).status;

describe("reporting a change", () => {
  it("the category sets the kind; staff are told and the change is audited", async () => {
    const major = await report("PARTNER");
    const minor = await report("DATES");
    expect((await changeRow(major.id)).kind).toBe("MAJOR");
    expect((await changeRow(minor.id)).kind).toBe("MINOR");
    expect(await plans.notificationsFor(c.staff.id)).toContainEqual(
      expect.objectContaining({ title: expect.stringMatching(/^Major change reported: /), link: `/delivery-plans/changes/${major.id}` }),
    );
    expect((await auditFor(major.id)).map((e) => [e.action, e.toState])).toEqual([["report", "REPORTED"]]);
    expect((await deliveryPlanPage(c.provider, plan.id))?.records.changes.total).toBe(2);
  });

  it("is refused with field errors for bad input, and nothing is written", async () => {
    const bad = await refusal(
      reportPlanChange(c.provider, { planId: plan.id, category: "BUDGET", whatChanged: "x".repeat(2001), why: "  " }),
    );
    expect(bad.code).toBe("INVALID_INPUT");
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["category", "whatChanged", "why"]);
    expect(await testDb().planChange.count()).toBe(0);
  });

  it("is refused for a plan that is not approved, and for staff", async () => {
    const draft = await plans.plan(await plans.endorsedCredential(), c.providerOrg.id, "DRAFT");
    const refused = await refusal(reportPlanChange(c.provider, { planId: draft.id, category: "DATES", whatChanged: "a", why: "b" }));
    expect(refused.code).toBe("WRONG_STATE");
    expect((await refusal(report("DATES", c.staff))).code).toBe("NOT_ALLOWED");
    expect((await planForChangeReport(c.provider, draft.id))?.refusal).toContain("Draft");
    expect(await testDb().planChange.count()).toBe(0);
  });

  it("another provider gets not found: reporting on the plan, reading, listing and triaging its changes", async () => {
    const change = await report();
    expect((await refusal(report("DATES", c.otherProvider))).code).toBe("NOT_FOUND");
    expect(await getPlanChange(c.otherProvider, change.id)).toBeNull();
    expect((await listPlanChanges(c.otherProvider, { status: "ANY" })).total).toBe(0);
    expect(await deliveryPlanPage(c.otherProvider, plan.id)).toBeNull();
    expect((await refusal(answerPlanChange(c.otherProvider, { id: change.id, version: 1, answer: "x" }))).code).toBe("NOT_FOUND");
    expect(await getPlanChange(c.colleague, change.id)).not.toBeNull();
  });
});

describe("triage", () => {
  it("a major change cannot be noted; staff approve it with a reason and the provider is told", async () => {
    const change = await report("ASSESSMENT");
    const noted = await refusal(triagePlanChange(c.staff, { id: change.id, version: 1, outcome: "note", reason: "Seen." }));
    expect(noted.code).toBe("GUARD_FAILED");
    expect((await changeRow(change.id)).status).toBe("REPORTED");
    await triagePlanChange(c.staff, { id: change.id, version: 1, outcome: "approve", reason: "Portfolio meets outcome 2." });
    const row = await changeRow(change.id);
    expect(row).toMatchObject({ status: "APPROVED", outcomeReason: "Portfolio meets outcome 2." });
    expect(row.decidedAt).not.toBeNull();
    expect(await plans.notificationsFor(c.provider.id)).toContainEqual(
      expect.objectContaining({ title: expect.stringMatching(/^Change approved: /) }),
    );
  });

  it("a minor change is noted and cannot be approved", async () => {
    const change = await report("STAFFING");
    expect((await refusal(triagePlanChange(c.staff, { id: change.id, version: 1, outcome: "approve", reason: "OK" }))).code).toBe(
      "GUARD_FAILED",
    );
    await expect(triagePlanChange(c.staff, { id: change.id, version: 1, outcome: "note", reason: "Noted." })).resolves.toMatchObject({
      to: "NOTED",
    });
  });

  it("staff ask for more information, the provider answers and the change is back with staff, each on its to-do list", async () => {
    const change = await report();
    expect((await toDoList(c.staff)).map((t) => t.href)).toContain(`/delivery-plans/changes/${change.id}`);
    await triagePlanChange(c.staff, { id: change.id, version: 1, outcome: "requestInformation", reason: "Which outcomes?" });
    expect((await changeRow(change.id)).question).toBe("Which outcomes?");
    expect((await toDoList(c.provider)).map((t) => t.task)).toContain("Answer the Centre's question on the change");
    expect((await toDoList(c.staff)).map((t) => t.href)).not.toContain(`/delivery-plans/changes/${change.id}`);
    await answerPlanChange(c.provider, { id: change.id, version: 2, answer: "Outcomes 1 and 2." });
    expect(await changeRow(change.id)).toMatchObject({ status: "REPORTED", question: null, version: 3 });
    expect((await auditFor(change.id)).map((e) => e.reason)).toEqual([null, "Which outcomes?", "Outcomes 1 and 2."]);
    expect(await plans.notificationsFor(c.staff.id)).toContainEqual(expect.objectContaining({ body: "Outcomes 1 and 2." }));
  });

  it("requiring a review sends the approved plan back to review, where staff decide it again as before", async () => {
    const change = await report("LEARNING_OUTCOMES");
    await triagePlanChange(c.staff, { id: change.id, version: 1, outcome: "requireReview", reason: "Review the outcome mapping." });
    expect((await changeRow(change.id)).status).toBe("PLAN_REVIEW_REQUIRED");
    expect(await planStatus()).toBe("IN_REVIEW");
    const planEvents = await auditFor(plan.id);
    expect(planEvents.at(-1)).toMatchObject({ action: "reviewChange", fromState: "APPROVED", toState: "IN_REVIEW" });
    await decideDeliveryPlan(c.staff, { id: plan.id, version: 3, decision: "approve", rationale: "Mapping sound." });
    expect(await planStatus()).toBe("APPROVED");
  });

  it("requiring a review of a plan suspended meanwhile is refused, and the change is left as it was", async () => {
    const change = await report("DATES");
    await testDb().deliveryPlan.update({ where: { id: plan.id }, data: { status: "SUSPENDED" } });
    const refused = await refusal(triagePlanChange(c.staff, { id: change.id, version: 1, outcome: "requireReview", reason: "Review." }));
    expect(refused.code).toBe("WRONG_STATE");
    expect((await changeRow(change.id)).status).toBe("REPORTED");
  });

  it("of two staff triaging the same change at once, one wins and the other is told it changed", async () => {
    const change = await report();
    const { lost } = await oneOfTwoWins(
      triagePlanChange(c.staff, { id: change.id, version: 1, outcome: "approve", reason: "Yes." }),
      triagePlanChange(c.staff, { id: change.id, version: 1, outcome: "reject", reason: "No." }),
    );
    expect(lost.message).toMatch(/someone else|changed/i);
    const events = (await auditFor(change.id)).filter((e) => e.action !== "report");
    expect(events).toHaveLength(1);
    expect((await changeRow(change.id)).version).toBe(2);
  });

  it("a triage made on a stale page is refused", async () => {
    const change = await report("DATES");
    await triagePlanChange(c.staff, { id: change.id, version: 1, outcome: "requestInformation", reason: "When?" });
    await answerPlanChange(c.provider, { id: change.id, version: 2, answer: "September." });
    expect((await refusal(triagePlanChange(c.staff, { id: change.id, version: 1, outcome: "note", reason: "OK" }))).code).toBe(
      "STALE_VERSION",
    );
  });

  it("providers cannot triage, and a triage without a reason or with an unknown outcome gives field errors", async () => {
    const change = await report();
    expect((await refusal(triagePlanChange(c.provider, { id: change.id, version: 1, outcome: "approve", reason: "Mine." }))).code).toBe(
      "NOT_ALLOWED",
    );
    const bad = await refusal(triagePlanChange(c.staff, { id: change.id, version: 1, outcome: "ignore", reason: "" }));
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["outcome", "reason"]);
    expect((await changeRow(change.id)).status).toBe("REPORTED");
  });

  it("the staff list shows open changes by default, oldest first, and any status on request", async () => {
    const first = await report("DATES");
    const second = await report();
    await triagePlanChange(c.staff, { id: first.id, version: 1, outcome: "note", reason: "Seen." });
    expect((await listPlanChanges(c.staff)).rows.map((r) => r.id)).toEqual([second.id]);
    expect((await listPlanChanges(c.staff, { status: "ANY" })).rows.map((r) => r.id)).toEqual([first.id, second.id]);
    expect((await listPlanChanges(c.staff, { status: "NOTED" })).rows.map((r) => r.id)).toEqual([first.id]);
  });
});
