import { beforeEach, describe, expect, it } from "vitest";
import {
  closeDeliveryPlan,
  commentOnDeliveryPlan,
  decideDeliveryPlan,
  reinstateDeliveryPlan,
  startPlanReview,
  suspendDeliveryPlan,
} from "@/lib/data/delivery-plan-commands";
import { flagPlansForWithdrawnCredential, getDeliveryPlan } from "@/lib/data/delivery-plans";
import { inTransaction } from "@/lib/data/transition";
import { AppError } from "@/lib/errors";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import * as plans from "../support/delivery-factory";
import { refusal } from "../support/refusal";

type Cast = Awaited<ReturnType<typeof plans.deliveryCast>>;
let c: Cast;
let credential: Awaited<ReturnType<typeof plans.endorsedCredential>>;

beforeEach(async () => {
  await resetDb();
  c = await plans.deliveryCast();
  credential = await plans.endorsedCredential("ENDORSED", 2);
});

const statusOf = async (id: string) => (await testDb().deliveryPlan.findUniqueOrThrow({ where: { id } })).status;

describe("reviewing and deciding", () => {
  it("staff start the review and approve with conditions; both providers' staff are told", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "SUBMITTED");
    await startPlanReview(c.staff, { id: plan.id, version: 1 });
    const decided = await decideDeliveryPlan(c.staff, {
      id: plan.id,
      version: 2,
      decision: "approveWithConditions",
      rationale: "Sound plan",
      conditions: "Name the external examiner\nConfirm supervisor training",
    });
    expect(decided).toMatchObject({ from: "IN_REVIEW", to: "APPROVED_WITH_CONDITIONS", version: 3 });
    const row = await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(row).toMatchObject({ decisionRationale: "Sound plan", conditions: "Name the external examiner\nConfirm supervisor training" });
    expect(row.decidedAt).toBeInstanceOf(Date);
    const audit = await make.auditFor(plan.id);
    expect(audit.map((a) => [a.action, a.toState, a.reason])).toEqual([
      ["startReview", "IN_REVIEW", null],
      ["approveWithConditions", "APPROVED_WITH_CONDITIONS", "Sound plan"],
    ]);
    expect(audit[1].data).toEqual({ conditions: ["Name the external examiner", "Confirm supervisor training"] });
    for (const member of [c.provider, c.colleague]) {
      expect((await plans.notificationsFor(member.id)).map((n) => n.title)).toEqual([
        `Delivery plan put into review: ${plan.programmeTitle}`,
        `Delivery plan approved with conditions: ${plan.programmeTitle}`,
      ]);
    }
    expect(await plans.notificationsFor(c.otherProvider.id)).toEqual([]);
  });

  it("approving with conditions needs at least one condition; every decision needs a rationale", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "IN_REVIEW");
    const noConditions = await refusal(
      decideDeliveryPlan(c.staff, { id: plan.id, version: 1, decision: "approveWithConditions", rationale: "OK", conditions: " \n " }),
    );
    expect(noConditions.fieldErrors).toEqual({ conditions: ["Enter at least one condition, one per line"] });
    const noRationale = await refusal(decideDeliveryPlan(c.staff, { id: plan.id, version: 1, decision: "reject", rationale: "" }));
    expect(noRationale.fieldErrors).toEqual({ rationale: ["Enter the rationale for this decision"] });
    const noDecision = await refusal(decideDeliveryPlan(c.staff, { id: plan.id, version: 1, decision: "suspend", rationale: "x" }));
    expect(noDecision.fieldErrors?.decision).toEqual(["Choose a decision"]);
    expect(await statusOf(plan.id)).toBe("IN_REVIEW");
    expect(await make.auditFor(plan.id)).toEqual([]);
  });

  it("requesting changes sends the plan back to the provider with the rationale", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "IN_REVIEW");
    await decideDeliveryPlan(c.staff, {
      id: plan.id,
      version: 1,
      decision: "requestChanges",
      rationale: "Map outcome 2 to a practice assessment",
    });
    expect(await statusOf(plan.id)).toBe("CHANGES_REQUESTED");
    const [note] = (await plans.notificationsFor(c.provider.id)).slice(-1);
    expect(note).toMatchObject({
      title: `Delivery plan sent back for changes: ${plan.programmeTitle}`,
      body: "Map outcome 2 to a practice assessment",
    });
  });

  it("a provider cannot decide; a plan not in review cannot be decided; a stale decision is refused", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "SUBMITTED");
    expect((await refusal(decideDeliveryPlan(c.provider, { id: plan.id, version: 1, decision: "approve", rationale: "Mine" }))).code).toBe(
      "NOT_ALLOWED",
    );
    const early = await refusal(decideDeliveryPlan(c.staff, { id: plan.id, version: 1, decision: "approve", rationale: "Fine" }));
    expect(early).toMatchObject({ code: "WRONG_STATE", message: "This delivery plan is Submitted, so it cannot be approved." });
    expect((await refusal(startPlanReview(c.staff, { id: plan.id, version: 9 }))).code).toBe("STALE_VERSION");
    expect((await refusal(startPlanReview(c.provider, { id: plan.id, version: 1 }))).code).toBe("NOT_ALLOWED");
  });

  it("a plan whose credential has been withdrawn cannot be approved", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "IN_REVIEW");
    await testDb().credential.update({ where: { id: credential.id }, data: { status: "WITHDRAWN" } });
    const err = await refusal(decideDeliveryPlan(c.staff, { id: plan.id, version: 1, decision: "approve", rationale: "Fine" }));
    expect(err.code).toBe("GUARD_FAILED");
    await decideDeliveryPlan(c.staff, { id: plan.id, version: 1, decision: "reject", rationale: "Credential withdrawn" });
    expect(await statusOf(plan.id)).toBe("REJECTED");
  });

  it("of two concurrent decisions exactly one wins", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "IN_REVIEW");
    const results = await Promise.allSettled([
      decideDeliveryPlan(c.staff, { id: plan.id, version: 1, decision: "approve", rationale: "Yes" }),
      decideDeliveryPlan(c.staff, { id: plan.id, version: 1, decision: "reject", rationale: "No" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [lost] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(lost.reason).toBeInstanceOf(AppError);
    expect(await make.auditFor(plan.id)).toHaveLength(1);
  });
});

describe("after approval", () => {
  it("staff suspend with a reason and reinstate; the provider is told each time", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "APPROVED");
    const noReason = await refusal(suspendDeliveryPlan(c.staff, { id: plan.id, version: 1, reason: "" }));
    expect(noReason.fieldErrors?.reason).toEqual(["Enter a reason for suspending this delivery plan"]);
    await suspendDeliveryPlan(c.staff, { id: plan.id, version: 1, reason: "Quality review: does not meet standards" });
    await reinstateDeliveryPlan(c.staff, { id: plan.id, version: 2 });
    expect(await statusOf(plan.id)).toBe("APPROVED");
    expect((await make.auditFor(plan.id)).map((a) => [a.action, a.toState, a.reason])).toEqual([
      ["suspend", "SUSPENDED", "Quality review: does not meet standards"],
      ["reinstate", "APPROVED", null],
    ]);
    expect(await plans.notificationsFor(c.provider.id)).toHaveLength(2);
    expect((await refusal(suspendDeliveryPlan(c.provider, { id: plan.id, version: 3, reason: "x" }))).code).toBe("NOT_ALLOWED");
  });

  it("a plan approved with conditions is reinstated with its conditions, not as plainly approved", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "APPROVED_WITH_CONDITIONS");
    await testDb().deliveryPlan.update({ where: { id: plan.id }, data: { conditions: "Report placement capacity each term" } });
    await suspendDeliveryPlan(c.staff, { id: plan.id, version: 1, reason: "Placements withdrawn" });
    await reinstateDeliveryPlan(c.staff, { id: plan.id, version: 2 });
    expect(await statusOf(plan.id)).toBe("APPROVED_WITH_CONDITIONS");
    expect((await make.auditFor(plan.id)).map((a) => [a.action, a.toState])).toEqual([
      ["suspend", "SUSPENDED"],
      ["reinstateWithConditions", "APPROVED_WITH_CONDITIONS"],
    ]);
  });

  it("the provider closes its own approved plan and staff are told; another provider cannot", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "APPROVED_WITH_CONDITIONS");
    expect((await refusal(closeDeliveryPlan(c.otherProvider, { id: plan.id, version: 1, reason: "Ended" }))).code).toBe("NOT_FOUND");
    await closeDeliveryPlan(c.provider, { id: plan.id, version: 1, reason: "The programme has ended." });
    expect(await statusOf(plan.id)).toBe("CLOSED");
    expect((await plans.notificationsFor(c.staff.id)).map((n) => n.title)).toEqual([`Delivery plan closed: ${plan.programmeTitle}`]);
    expect(await plans.notificationsFor(c.colleague.id)).toEqual([]);
    expect((await refusal(closeDeliveryPlan(c.provider, { id: plan.id, version: 2, reason: "Again" }))).code).toBe("WRONG_STATE");
  });

  it("a plan closes only with a reason, which the plan shows and its audit event keeps", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "APPROVED");
    const err = await refusal(closeDeliveryPlan(c.staff, { id: plan.id, version: 1 }));
    expect([err.code, Object.keys(err.fieldErrors ?? {})]).toEqual(["INVALID_INPUT", ["reason"]]);
    expect(await statusOf(plan.id)).toBe("APPROVED");
    await closeDeliveryPlan(c.staff, { id: plan.id, version: 1, reason: "The university withdrew the module." });
    expect(await getDeliveryPlan(c.staff, plan.id)).toMatchObject({
      status: "CLOSED",
      closedReason: "The university withdrew the module.",
    });
    expect((await make.auditFor(plan.id)).at(-1)).toMatchObject({ action: "close", reason: "The university withdrew the module." });
  });

  it("a suspended plan shows why it was suspended until it is reinstated", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "APPROVED");
    await suspendDeliveryPlan(c.staff, { id: plan.id, version: 1, reason: "Supervisors not in place." });
    expect((await getDeliveryPlan(c.staff, plan.id))?.suspendedReason).toBe("Supervisors not in place.");
    expect((await make.auditFor(plan.id)).at(-1)).toMatchObject({ action: "suspend", reason: "Supervisors not in place." });
    await reinstateDeliveryPlan(c.staff, { id: plan.id, version: 2 });
    expect(await getDeliveryPlan(c.staff, plan.id)).toMatchObject({ status: "APPROVED", suspendedReason: null });
  });
});

describe("comments", () => {
  it("staff comment into the plan's history and the provider is told; providers can reply", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "IN_REVIEW");
    await commentOnDeliveryPlan(c.staff, { id: plan.id, comment: "Who is the external examiner?" });
    await commentOnDeliveryPlan(c.provider, { id: plan.id, comment: "Dr Lee, from Eastbrook" });
    expect((await make.auditFor(plan.id)).map((a) => [a.action, a.actorId, a.reason])).toEqual([
      ["comment", c.staff.id, "Who is the external examiner?"],
      ["comment", c.provider.id, "Dr Lee, from Eastbrook"],
    ]);
    expect((await plans.notificationsFor(c.provider.id))[0]).toMatchObject({ body: "Who is the external examiner?" });
    expect((await plans.notificationsFor(c.staff.id))[0]).toMatchObject({ body: "Dr Lee, from Eastbrook" });
    expect(await statusOf(plan.id)).toBe("IN_REVIEW");
  });

  it("an empty comment, an expert, and another provider are refused", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "IN_REVIEW");
    expect((await refusal(commentOnDeliveryPlan(c.staff, { id: plan.id, comment: "  " }))).fieldErrors).toEqual({
      comment: ["Enter a comment"],
    });
    expect((await refusal(commentOnDeliveryPlan(c.expert, { id: plan.id, comment: "Hello" }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(commentOnDeliveryPlan(c.otherProvider, { id: plan.id, comment: "Hello" }))).code).toBe("NOT_FOUND");
    expect(await make.auditFor(plan.id)).toEqual([]);
  });
});

describe("flagging plans when a credential is withdrawn", () => {
  it("flags every active plan, audits each and tells its provider; closed, rejected and other credentials' plans are untouched", async () => {
    const draft = await plans.plan(credential, c.providerOrg.id, "DRAFT");
    const approved = await plans.plan(credential, c.otherProvider.organisationId!, "APPROVED");
    const closed = await plans.plan(credential, c.providerOrg.id, "CLOSED");
    const rejected = await plans.plan(credential, c.providerOrg.id, "REJECTED");
    const elsewhere = await plans.plan(await plans.endorsedCredential(), c.providerOrg.id, "APPROVED");
    const flagged = await inTransaction((tx) =>
      flagPlansForWithdrawnCredential(tx, credential.id, c.staff, "Superseded by national guidance"),
    );
    expect(flagged.sort()).toEqual([draft.id, approved.id].sort());
    for (const id of [draft.id, approved.id]) {
      const row = await testDb().deliveryPlan.findUniqueOrThrow({ where: { id } });
      expect(row.flaggedAt).toBeInstanceOf(Date);
      expect(row.flagReason).toBe("Superseded by national guidance");
      expect((await make.auditFor(id)).map((a) => [a.action, a.fromState, a.toState, a.actorId])).toEqual([
        ["flag", row.status, row.status, c.staff.id],
      ]);
    }
    for (const id of [closed.id, rejected.id, elsewhere.id]) {
      expect((await testDb().deliveryPlan.findUniqueOrThrow({ where: { id } })).flaggedAt).toBeNull();
    }
    expect((await plans.notificationsFor(c.provider.id)).map((n) => n.link)).toEqual([`/delivery-plans/${draft.id}`]);
    expect((await plans.notificationsFor(c.otherProvider.id)).map((n) => n.link)).toEqual([`/delivery-plans/${approved.id}`]);
  });

  it("flagging again leaves already-flagged plans alone", async () => {
    const draft = await plans.plan(credential, c.providerOrg.id, "DRAFT");
    await inTransaction((tx) => flagPlansForWithdrawnCredential(tx, credential.id, c.staff, "First"));
    expect(await inTransaction((tx) => flagPlansForWithdrawnCredential(tx, credential.id, c.staff, "Second"))).toEqual([]);
    expect((await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: draft.id } })).flagReason).toBe("First");
    expect(await make.auditFor(draft.id)).toHaveLength(1);
  });
});
