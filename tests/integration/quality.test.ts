import { beforeEach, describe, expect, it } from "vitest";
import { acceptAnnualReturn, queryAnnualReturn, submitAnnualReturn } from "@/lib/data/annual-returns";
import { commentOnDeliveryPlan } from "@/lib/data/delivery-plan-commands";
import { deliveryPlanPage } from "@/lib/data/delivery-plans";
import { placeUnderEnhancedMonitoring } from "@/lib/data/enhanced-monitoring";
import { historyOf } from "@/lib/data/history";
import type { Actor } from "@/lib/workflow";
import { getQualityReview, schedulingOptions } from "@/lib/data/quality";
import { listAnnualReturns, listQualityActions, listQualityReviews } from "@/lib/data/quality-lists";
import { closeQualityAction, raiseQualityAction, reopenQualityAction, respondToQualityAction } from "@/lib/data/quality-actions";
import {
  closeQualityReview,
  recordFinding,
  reportQualityReview,
  scheduleQualityReview,
  startQualityReview,
  suspendPlanAfterReview,
} from "@/lib/data/quality-reviews";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import * as q from "../support/quality-factory";
import { oneOfTwoWins, refusal } from "../support/refusal";

let c: q.QualityCast;
beforeEach(async () => {
  await resetDb();
  c = await q.qualityCast();
});

const answers = { cohorts: "Cohort 1: 18 enrolled", changesToDelivery: "None", staffing: "Two lecturers", concerns: "None" };
const transitions = async (id: string) => (await make.auditFor(id)).map((a) => `${a.action}:${a.fromState ?? ""}->${a.toState ?? ""}`);

describe("annual returns", () => {
  it("the provider submits, staff query, the provider resubmits and staff accept; each step audited and notified", async () => {
    const r = await q.annualReturn(c.plan.id);
    await submitAnnualReturn(c.provider, { id: r.id, version: 1, ...answers });
    expect(await testDb().annualReturn.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: "SUBMITTED",
      ...answers,
      version: 2,
    });
    expect(await q.notificationsFor(c.staff.id)).toHaveLength(1);

    await queryAnnualReturn(c.staff, { id: r.id, version: 2, reason: "Give withdrawals by cohort" });
    const queried = await q.notificationsFor(c.colleague.id);
    expect(queried.map((n) => [n.title.startsWith("Annual return queried"), n.body])).toEqual([[true, "Give withdrawals by cohort"]]);
    expect(await testDb().emailOutbox.count({ where: { to: c.provider.email } })).toBe(1);

    await submitAnnualReturn(c.provider, { id: r.id, version: 3, ...answers, cohorts: "Cohort 1: 18 enrolled, 1 withdrew" });
    await acceptAnnualReturn(c.staff, { id: r.id, version: 4 });
    expect(await transitions(r.id)).toEqual([
      "submit:OPEN->SUBMITTED",
      "query:SUBMITTED->QUERIED",
      "submit:QUERIED->SUBMITTED",
      "accept:SUBMITTED->ACCEPTED",
    ]);
    const audit = await make.auditFor(r.id);
    expect(audit[1]).toMatchObject({ actorId: c.staff.id, reason: "Give withdrawals by cohort" });
    expect((await q.notificationsFor(c.provider.id)).at(-1)?.title).toMatch(/^Annual return accepted/);
  });

  it("only the provider submits and only staff decide", async () => {
    const r = await q.annualReturn(c.plan.id, "SUBMITTED");
    expect((await refusal(submitAnnualReturn(c.staff, { id: r.id, version: 1, ...answers }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(acceptAnnualReturn(c.provider, { id: r.id, version: 1 }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(acceptAnnualReturn(c.reviewer, { id: r.id, version: 1 }))).code).toBe("NOT_FOUND");
  });

  it("another provider cannot see or submit the return", async () => {
    const r = await q.annualReturn(c.plan.id);
    expect((await refusal(submitAnnualReturn(c.otherProvider, { id: r.id, version: 1, ...answers }))).code).toBe("NOT_FOUND");
  });

  it("an open return cannot be accepted", async () => {
    const r = await q.annualReturn(c.plan.id);
    expect((await refusal(acceptAnnualReturn(c.staff, { id: r.id, version: 1 }))).code).toBe("WRONG_STATE");
  });

  it("blank answers and a query without a reason get field errors and change nothing", async () => {
    const r = await q.annualReturn(c.plan.id);
    const err = await refusal(submitAnnualReturn(c.provider, { id: r.id, version: 1, ...answers, cohorts: " ", staffing: "" }));
    expect(err.code).toBe("INVALID_INPUT");
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(["cohorts", "staffing"]);
    const submitted = await q.annualReturn((await q.plan(c.credential, c.providerOrg.id)).id, "SUBMITTED");
    expect((await refusal(queryAnnualReturn(c.staff, { id: submitted.id, version: 1, reason: "" }))).fieldErrors?.reason).toBeDefined();
    expect(await testDb().auditEvent.count()).toBe(0);
    expect((await testDb().annualReturn.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("OPEN");
  });

  it("a stale version is refused", async () => {
    const r = await q.annualReturn(c.plan.id, "SUBMITTED");
    expect((await refusal(acceptAnnualReturn(c.staff, { id: r.id, version: 7 }))).code).toBe("STALE_VERSION");
  });
});

describe("scheduling a quality review", () => {
  const input = () => ({ planId: c.plan.id, scheduledOn: "2026-06-01", reviewerIds: [c.reviewer.id, c.otherReviewer.id] });

  it("staff schedule a planned review; it is audited and the reviewers are notified", async () => {
    const review = await scheduleQualityReview(c.staff, input());
    expect(review.status).toBe("PLANNED");
    expect(await testDb().qualityReviewer.count({ where: { qualityReviewId: review.id } })).toBe(2);
    expect((await make.auditFor(review.id))[0]).toMatchObject({
      action: "create",
      toState: "PLANNED",
      data: { reviewerIds: [c.reviewer.id, c.otherReviewer.id] },
    });
    expect((await q.notificationsFor(c.otherReviewer.id))[0].title).toMatch(/^Quality review assigned/);
  });

  it("a reviewer from the provider under review is refused as a conflict of interest, and nothing is saved", async () => {
    const err = await refusal(scheduleQualityReview(c.staff, { ...input(), reviewerIds: [c.reviewer.id, c.conflictedReviewer.id] }));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors?.reviewerIds?.[0]).toMatch(/conflict of interest/);
    expect(await testDb().qualityReview.count()).toBe(0);
  });

  it("bad input, someone who is not a reviewer, the wrong role and an unapproved plan are refused", async () => {
    const bad = await refusal(scheduleQualityReview(c.staff, { planId: c.plan.id, scheduledOn: "", reviewerIds: [] }));
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["reviewerIds", "scheduledOn"]);
    expect((await refusal(scheduleQualityReview(c.staff, { ...input(), reviewerIds: [c.provider.id] }))).fieldErrors?.reviewerIds).toEqual([
      "Choose reviewers from the list",
    ]);
    expect((await refusal(scheduleQualityReview(c.provider, input()))).code).toBe("NOT_ALLOWED");
    const draft = await q.plan(c.credential, c.providerOrg.id, "DRAFT");
    expect((await refusal(scheduleQualityReview(c.staff, { ...input(), planId: draft.id }))).code).toBe("WRONG_STATE");
    expect(await testDb().qualityReview.count()).toBe(0);
  });
});

describe("carrying out a quality review", () => {
  it("the assigned reviewer starts, records a finding, raises an action and reports; staff close with an outcome", async () => {
    const review = await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id], "PLANNED");
    await startQualityReview(c.reviewer, { id: review.id, version: 1 });
    const finding = await recordFinding(c.reviewer, {
      id: review.id,
      area: "SUPERVISION",
      rating: "REQUIRES_IMPROVEMENT",
      evidence: "Logs incomplete",
    });
    expect((await make.auditFor(finding.id))[0]).toMatchObject({ entityType: "Finding", action: "create", actorId: c.reviewer.id });
    const action = await raiseQualityAction(c.reviewer, { findingId: finding.id, description: "Audit the logs", dueOn: "2026-09-01" });
    expect(action).toMatchObject({ organisationId: c.providerOrg.id, status: "OPEN" });
    expect((await make.auditFor(action.id))[0]).toMatchObject({ action: "create", toState: "OPEN" });
    expect((await q.notificationsFor(c.colleague.id))[0].title).toMatch(/^New quality action/);

    await reportQualityReview(c.reviewer, { id: review.id, version: 2 });
    expect((await q.notificationsFor(c.staff.id))[0].title).toMatch(/^Quality review reported/);
    expect((await refusal(recordFinding(c.reviewer, { id: review.id, area: "GOVERNANCE", rating: "GOOD", evidence: "Late" }))).code).toBe(
      "WRONG_STATE",
    );

    await closeQualityReview(c.staff, { id: review.id, version: 3, outcome: "REQUIRES_IMPROVEMENT", summary: "Supervision to improve" });
    expect(await testDb().qualityReview.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({
      status: "CLOSED",
      outcome: "REQUIRES_IMPROVEMENT",
    });
    expect(await transitions(review.id)).toEqual(["start:PLANNED->IN_PROGRESS", "report:IN_PROGRESS->REPORTED", "close:REPORTED->CLOSED"]);
    expect((await q.notificationsFor(c.reviewer.id)).at(-1)?.body).toBe("Outcome: Requires improvement.");
  });

  it("a review without findings cannot be reported", async () => {
    const review = await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id]);
    const err = await refusal(reportQualityReview(c.reviewer, { id: review.id, version: 1 }));
    expect(err).toMatchObject({ code: "GUARD_FAILED", message: "Record at least one finding before reporting the review." });
  });

  it("unassigned reviewers cannot see the review; providers cannot record findings; a conflicted reviewer is refused", async () => {
    const review = await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id, c.conflictedReviewer.id], "PLANNED");
    expect((await refusal(startQualityReview(c.otherReviewer, { id: review.id, version: 1 }))).code).toBe("NOT_FOUND");
    expect((await refusal(startQualityReview(c.conflictedReviewer, { id: review.id, version: 1 }))).message).toMatch(
      /conflict of interest/,
    );
    await startQualityReview(c.staff, { id: review.id, version: 1 });
    const finding = { id: review.id, area: "GOVERNANCE", rating: "GOOD", evidence: "Sound" };
    expect((await refusal(recordFinding(c.provider, finding))).code).toBe("NOT_ALLOWED");
    expect((await refusal(recordFinding(c.otherProvider, finding))).code).toBe("NOT_FOUND");
    expect(await refusal(recordFinding(c.conflictedReviewer, finding))).toMatchObject({
      code: "GUARD_FAILED",
      message: expect.stringMatching(/conflict of interest/),
    });
    expect(await testDb().finding.count({ where: { qualityReviewId: review.id } })).toBe(0);
  });

  it("bad finding and action input get field errors and persist nothing", async () => {
    const review = await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id]);
    const err = await refusal(recordFinding(c.reviewer, { id: review.id, area: "NOPE", rating: "", evidence: "" }));
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(["area", "evidence", "rating"]);
    const { finding } = await q.findingWithAction(review.id, c.providerOrg.id, c.reviewer.id);
    const bad = await refusal(raiseQualityAction(c.reviewer, { findingId: finding.id, description: "", dueOn: "not a date" }));
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["description", "dueOn"]);
    expect(await testDb().finding.count()).toBe(1);
    expect(await testDb().qualityAction.count()).toBe(1);
  });

  it("closing needs an outcome, is for staff only, and refuses a stale version", async () => {
    const review = await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id], "REPORTED");
    expect((await refusal(closeQualityReview(c.staff, { id: review.id, version: 1 }))).fieldErrors?.outcome).toBeDefined();
    expect((await refusal(closeQualityReview(c.reviewer, { id: review.id, version: 1, outcome: "MEETS_STANDARDS" }))).code).toBe(
      "NOT_ALLOWED",
    );
    expect((await refusal(closeQualityReview(c.staff, { id: review.id, version: 2, outcome: "MEETS_STANDARDS" }))).code).toBe(
      "STALE_VERSION",
    );
  });
});

describe("two staff closing one review at once", () => {
  it("of two concurrent closes with different outcomes exactly one wins; the other is told, and one close is audited", async () => {
    const review = await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id], "REPORTED");
    const close = (outcome: "MEETS_STANDARDS" | "DOES_NOT_MEET") => closeQualityReview(c.staff, { id: review.id, version: 1, outcome });
    const { won } = await oneOfTwoWins(close("MEETS_STANDARDS"), close("DOES_NOT_MEET"));
    const stored = await testDb().qualityReview.findUniqueOrThrow({ where: { id: review.id } });
    expect(stored).toMatchObject({ status: "CLOSED", version: won.version });
    expect((await make.auditFor(review.id)).filter((a) => a.action === "close")).toEqual([
      expect.objectContaining({ data: { outcome: stored.outcome } }),
    ]);
  });
});

describe("suspending a plan after a failed review", () => {
  it("staff suspend the plan through its state machine when the outcome is does-not-meet; audited and notified", async () => {
    const review = await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id], "REPORTED");
    await closeQualityReview(c.staff, { id: review.id, version: 1, outcome: "DOES_NOT_MEET" });
    expect((await refusal(suspendPlanAfterReview(c.staff, { id: review.id, version: 1, reason: "" }))).code).toBe("INVALID_INPUT");
    expect((await refusal(suspendPlanAfterReview(c.provider, { id: review.id, version: 1, reason: "x" }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(suspendPlanAfterReview(c.staff, { id: review.id, version: 9, reason: "x" }))).code).toBe("STALE_VERSION");
    await suspendPlanAfterReview(c.staff, { id: review.id, version: 1, reason: "Supervision unsafe" });
    expect(await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: c.plan.id } })).toMatchObject({
      status: "SUSPENDED",
      suspendedReason: "Supervision unsafe",
    });
    expect((await make.auditFor(c.plan.id))[0]).toMatchObject({
      action: "suspend",
      fromState: "APPROVED",
      toState: "SUSPENDED",
      reason: "Supervision unsafe",
    });
    expect((await q.notificationsFor(c.provider.id)).at(-1)?.title).toMatch(/^Delivery plan suspended/);
    expect((await make.auditFor(review.id)).at(-1)).toMatchObject({ action: "suspendPlan", fromState: "CLOSED", toState: "CLOSED" });
  });

  it("is refused after a review that met the standards", async () => {
    const review = await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id], "REPORTED");
    await closeQualityReview(c.staff, { id: review.id, version: 1, outcome: "MEETS_STANDARDS" });
    expect((await refusal(suspendPlanAfterReview(c.staff, { id: review.id, version: 1, reason: "x" }))).code).toBe("GUARD_FAILED");
    expect((await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: c.plan.id } })).status).toBe("APPROVED");
  });
});

describe("a plan's records", () => {
  it("lists the plan's reviews, impact returns and completions as each viewer may see them", async () => {
    const mine = await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id], "PLANNED");
    await q.qualityReview(c.plan.id, c.staff.id, [c.otherReviewer.id], "PLANNED");
    const impact = await q.impactReturn(c.plan, { period: "2026/27", enrolled: 10, completed: 8, withdrawn: 1, deployed: 4 }, "DRAFT");
    const ids = (r: { rows: { id: string }[]; total: number }) => [r.rows.map((x) => x.id).sort(), r.total];

    const staff = (await deliveryPlanPage(c.staff, c.plan.id))!.records;
    expect(ids(staff.qualityReviews)[1]).toBe(2);
    expect(ids(staff.impactReturns)).toEqual([[impact.id], 1]);
    const provider = (await deliveryPlanPage(c.provider, c.plan.id))!.records;
    expect([provider.qualityReviews.total, provider.impactReturns.total]).toEqual([2, 1]);
    // A reviewer sees only the reviews they are on, and no impact returns or completions.
    const reviewer = (await deliveryPlanPage(c.reviewer, c.plan.id))!.records;
    expect([ids(reviewer.qualityReviews), reviewer.impactReturns.total, reviewer.completions.total]).toEqual([[[mine.id], 1], 0, 0]);
    // Another provider does not get the plan at all.
    expect(await deliveryPlanPage(c.otherProvider, c.plan.id)).toBeNull();
  });

  it("a reviewer on the plan sees neither its annual returns nor the Centre's conversation and monitoring reasons in its history", async () => {
    await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id]);
    const queried = await q.annualReturn(c.plan.id, "QUERIED");
    await commentOnDeliveryPlan(c.provider, { id: c.plan.id, comment: "Our programme lead has resigned" });
    await placeUnderEnhancedMonitoring(c.staff, { planId: c.plan.id, reason: "A concern raised by a learner" });
    const annual = async (actor: Actor) => {
      const { plan } = (await deliveryPlanPage(actor, c.plan.id))!;
      return [plan.annualReturns.map((r) => r.id), plan._count.annualReturns];
    };
    const reasons = async (actor: Actor) => (await historyOf(actor, [c.plan.id])).rows.map((e) => e.reason).filter(Boolean);

    expect(await annual(c.staff)).toEqual([[queried.id], 1]);
    expect(await annual(c.provider)).toEqual([[queried.id], 1]);
    expect(await annual(c.reviewer)).toEqual([[], 0]);
    for (const actor of [c.staff, c.provider])
      expect(await reasons(actor)).toEqual(expect.arrayContaining(["Our programme lead has resigned", "A concern raised by a learner"]));
    const seen = await historyOf(c.reviewer, [c.plan.id]);
    expect(seen.rows.map((e) => e.action)).not.toContain("comment");
    expect(await reasons(c.reviewer)).toEqual([]);
    expect(seen.total).toBe(seen.rows.length);
  });
});

describe("quality actions", () => {
  async function openAction(status: "OPEN" | "RESPONDED" = "OPEN") {
    const review = await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id]);
    return (await q.findingWithAction(review.id, c.providerOrg.id, c.reviewer.id, status)).action;
  }

  it("the provider responds (reviewers notified); the reviewer reopens with a reason, then closes (provider notified)", async () => {
    const action = await openAction();
    await respondToQualityAction(c.provider, { id: action.id, version: 1, response: "Termly checks started" });
    expect((await q.notificationsFor(c.reviewer.id))[0]).toMatchObject({
      title: "Provider responded to a quality action",
      body: "Termly checks started",
    });
    await reopenQualityAction(c.reviewer, { id: action.id, version: 2, reason: "Send the first results" });
    expect(await testDb().qualityAction.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({
      status: "OPEN",
      reason: "Send the first results",
    });
    await respondToQualityAction(c.colleague, { id: action.id, version: 3, response: "Results attached" });
    await closeQualityAction(c.reviewer, { id: action.id, version: 4 });
    expect(await transitions(action.id)).toEqual([
      "respond:OPEN->RESPONDED",
      "reopen:RESPONDED->OPEN",
      "respond:OPEN->RESPONDED",
      "close:RESPONDED->CLOSED",
    ]);
    expect((await q.notificationsFor(c.provider.id)).map((n) => n.title)).toEqual(["Quality action reopened", "Quality action closed"]);
  });

  it("refuses the wrong role, another organisation, the wrong state, bad input and a stale version", async () => {
    const action = await openAction();
    expect((await refusal(respondToQualityAction(c.reviewer, { id: action.id, version: 1, response: "x" }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(respondToQualityAction(c.otherProvider, { id: action.id, version: 1, response: "x" }))).code).toBe("NOT_FOUND");
    expect((await refusal(closeQualityAction(c.otherReviewer, { id: action.id, version: 1 }))).code).toBe("NOT_FOUND");
    expect((await refusal(closeQualityAction(c.reviewer, { id: action.id, version: 1 }))).code).toBe("WRONG_STATE");
    expect((await refusal(respondToQualityAction(c.provider, { id: action.id, version: 1, response: " " }))).fieldErrors?.response).toEqual(
      ["Enter your response"],
    );
    expect((await refusal(respondToQualityAction(c.provider, { id: action.id, version: 2, response: "x" }))).code).toBe("STALE_VERSION");
    const responded = await openAction("RESPONDED");
    expect((await refusal(reopenQualityAction(c.reviewer, { id: responded.id, version: 1, reason: "" }))).code).toBe("INVALID_INPUT");
    expect(await testDb().auditEvent.count()).toBe(0);
  });

  it("a review's page shows each finding's first five actions in the order raised, with how many it has", async () => {
    const review = await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id]);
    const { finding } = await q.findingWithAction(review.id, c.providerOrg.id, c.reviewer.id);
    const raised = new Date("2026-02-01T09:00:00Z");
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        testDb().qualityAction.create({
          data: {
            findingId: finding.id,
            qualityReviewId: review.id,
            organisationId: c.providerOrg.id,
            description: `Action ${i + 2}`,
            dueOn: new Date("2026-06-01"),
            createdAt: new Date(raised.getTime() + (6 - i) * 60_000),
          },
        }),
      ),
    );
    await q.findingWithAction(review.id, c.providerOrg.id, c.reviewer.id);
    const view = await getQualityReview(c.staff, review.id);
    const shown = view!.findings.find((f) => f.id === finding.id)!;
    expect(shown.actionCount).toBe(7);
    // The first action was made now, after the six dated in February: those come first, earliest first.
    expect(shown.actions.map((a) => a.description)).toEqual(["Action 7", "Action 6", "Action 5", "Action 4", "Action 3"]);
    expect(view!.findings.map((f) => f.actionCount)).toEqual([7, 1]);
  });

  it("an action past its due date and not closed is listed as overdue, and the provider may respond to it", async () => {
    const action = await openAction();
    const now = new Date("2026-05-01");
    const overdue = await listQualityActions(c.provider, { actions: "overdue" }, now);
    expect(overdue.rows.map((r) => r.id)).toEqual([action.id]);
    expect((await listQualityActions(c.provider, { actions: "overdue" }, new Date("2026-03-01"))).total).toBe(0);
    const view = await getQualityReview(c.provider, action.qualityReviewId);
    expect(view?.findings[0].actions[0].can).toEqual(["respond"]);
    expect(view?.can).not.toContain("recordFinding");
    expect(view?.can).not.toContain("raiseAction");
  });

  it("a reviewer's list holds the actions of the reviews they are on, filtered, ordered and counted as staff's", async () => {
    const open = await openAction();
    const responded = await openAction("RESPONDED");
    const othersReview = await q.qualityReview(c.plan.id, c.staff.id, [c.otherReviewer.id]);
    const others = (await q.findingWithAction(othersReview.id, c.providerOrg.id, c.otherReviewer.id)).action;
    const ids = (r: { rows: { id: string }[]; total: number }) => [r.rows.map((x) => x.id), r.total];
    // Enum order puts open actions before responded ones.
    expect(ids(await listQualityActions(c.reviewer, {}))).toEqual([[open.id, responded.id], 2]);
    expect(ids(await listQualityActions(c.staff, { assigned: "me" }))).toEqual([[], 0]);
    expect(ids(await listQualityActions(c.otherReviewer, { assigned: "me" }))).toEqual([[others.id], 1]);
    expect(ids(await listQualityActions(c.reviewer, { actions: "responded" }))).toEqual([[responded.id], 1]);
    // Overdue once the due day has passed, as on staff's list.
    const overdue = async (actor: typeof c.staff, now: Date) =>
      (await listQualityActions(actor, { actions: "overdue" }, now)).rows.map((r) => r.id).filter((id) => id !== others.id);
    for (const now of [new Date("2026-04-01T10:00:00Z"), new Date("2026-04-02T00:30:00Z")]) {
      expect(await overdue(c.reviewer, now)).toEqual(await overdue(c.staff, now));
    }
    expect(await overdue(c.reviewer, new Date("2026-04-01T10:00:00Z"))).toEqual([]);
    expect(await overdue(c.reviewer, new Date("2026-04-02T00:30:00Z"))).toEqual([open.id, responded.id]);
    expect(ids(await listQualityActions(c.reviewer, { actionsPage: "2" }))).toEqual([[], 2]);
  });
});

describe("the quality page's lists, as each person may see them", () => {
  const ids = (r: { rows: { id: string }[]; total: number }) => [r.rows.map((x) => x.id), r.total];

  it("a provider's returns and reviews are those of its own plans, filtered, ordered and counted as staff's", async () => {
    const second = await q.plan(c.credential, c.providerOrg.id);
    const others = await q.plan(c.credential, c.otherOrg.id);
    const open = await q.annualReturn(c.plan.id, "OPEN", new Date("2026-10-31"));
    const submitted = await q.annualReturn(second.id, "SUBMITTED", new Date("2026-09-30"));
    const othersReturn = await q.annualReturn(others.id, "OPEN", new Date("2026-08-31"));
    expect(ids(await listAnnualReturns(c.provider, {}))).toEqual([[submitted.id, open.id], 2]);
    expect(ids(await listAnnualReturns(c.provider, { returns: "OPEN" }))).toEqual([[open.id], 1]);
    expect(ids(await listAnnualReturns(c.provider, { returnsPage: "2" }))).toEqual([[], 2]);
    expect(ids(await listAnnualReturns(c.otherProvider, {}))).toEqual([[othersReturn.id], 1]);
    expect(ids(await listAnnualReturns(c.staff, {}))).toEqual([[othersReturn.id, submitted.id, open.id], 3]);

    const closed = await q.qualityReview(second.id, c.staff.id, [c.reviewer.id], "CLOSED");
    const planned = await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id], "PLANNED");
    const othersReview = await q.qualityReview(others.id, c.staff.id, [c.otherReviewer.id]);
    // Enum order: planned and in-progress reviews first.
    expect(ids(await listQualityReviews(c.provider, {}))).toEqual([[planned.id, closed.id], 2]);
    expect(ids(await listQualityReviews(c.otherProvider, {}))).toEqual([[othersReview.id], 1]);
    expect(ids(await listQualityReviews(c.reviewer, {}))).toEqual([[planned.id, closed.id], 2]);
    expect(ids(await listQualityReviews(c.otherReviewer, { assigned: "me" }))).toEqual([[othersReview.id], 1]);
    expect(ids(await listQualityReviews(c.staff, { assigned: "me" }))).toEqual([[], 0]);
    expect(ids(await listQualityReviews(c.staff, {}))[1]).toBe(3);
  });

  it("offers the delivering plans to schedule a review of by credential reference, then programme title", async () => {
    const other = await q.credential(c.credential.ownerOrganisationId, c.staff.id);
    const plans = [
      { ...c.plan, reference: c.credential.reference },
      { ...(await q.plan(c.credential, c.otherOrg.id)), reference: c.credential.reference },
      { ...(await q.plan(other, c.providerOrg.id)), reference: other.reference },
    ];
    await q.plan(other, c.providerOrg.id, "DRAFT");
    const key = (p: { reference: string; programmeTitle: string; id: string }) => [p.reference, p.programmeTitle, p.id];
    const compare = (a: (typeof plans)[number], b: (typeof plans)[number]) => {
      const [x, y] = [key(a), key(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    };
    const { plans: shown } = await schedulingOptions(c.staff);
    expect(shown.options.map((p) => p.id)).toEqual([...plans].sort(compare).map((p) => p.id));
    expect(shown.total).toBe(3);
  });
});
