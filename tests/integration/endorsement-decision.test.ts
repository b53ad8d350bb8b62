import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readCataloguePage } from "@/lib/data/catalogue";
import { publishedCredential } from "@/lib/data/catalogue-entry";
import { markConditionMet, reopenCondition, setConditionDueDate } from "@/lib/data/endorsement-conditions";
import { mustBeMetBeforePublication } from "@/lib/workflow/credential";
import { DECIDED_WITHOUT_ASSESSMENT, decideEndorsement } from "@/lib/data/endorsement-reviews";
import { saveAssessmentDraft, submitAssessment } from "@/lib/data/reviewer-assessments";
import { publishCredential } from "@/lib/data/publication";
import { AppError } from "@/lib/errors";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import {
  acceptedCommission,
  assign,
  assignmentOf,
  completeAssessment,
  credentialWithVersion,
  endorsementCast,
  readyForDecision,
  submitFor,
  withExpertise,
  type EndorsementCast,
} from "../support/endorsement";
import { refusal } from "../support/refusal";

// Staff decisions on an endorsement review, its conditions, and publication in the catalogue.

let e: EndorsementCast;
beforeEach(async () => {
  await resetDb();
  e = await endorsementCast();
});
afterEach(() => {
  delete process.env.REVIEW_INTERVAL_YEARS;
});

const decide = (v: { id: string; version: number }, over: Record<string, unknown> = {}, actor = e.staff) =>
  decideEndorsement(actor, {
    id: v.id,
    version: v.version,
    decision: "ENDORSE_WITH_CONDITIONS",
    rationale: "Both reviewers recommend endorsement.",
    conditions: "Add an EDI statement, with examples\nMap outcomes to the roadmap",
    ...over,
  });
const credentialOf = (r: { credential: { id: string } }) =>
  testDb().credential.findUniqueOrThrow({ where: { id: r.credential.id }, include: { conditions: true } });
const yearsBetween = (from: Date, to: Date) => to.getUTCFullYear() - from.getUTCFullYear();

describe("deciding an endorsement review", () => {
  it("endorsing with conditions endorses version and credential, completes the commission, records conditions — one transaction, all audited", async () => {
    const r = await readyForDecision(e);
    const commission = await acceptedCommission(e, r.credential.id);
    await testDb().notification.deleteMany();
    const result = await decide(r.version);
    expect(result).toMatchObject({ from: "IN_REVIEW", to: "ENDORSED" });

    const credential = await credentialOf(r);
    expect(credential).toMatchObject({
      status: "ENDORSED",
      endorsedVersionId: r.version.id,
      reference: r.credential.reference,
      publishedAt: null,
    });
    expect(yearsBetween(credential.endorsedAt!, credential.reviewDueAt!)).toBe(3);
    expect(credential.conditions.map((c) => [c.text, c.status])).toEqual([
      ["Add an EDI statement, with examples", "OPEN"],
      ["Map outcomes to the roadmap", "OPEN"],
    ]);
    const review = await testDb().endorsementReview.findUniqueOrThrow({ where: { specificationVersionId: r.version.id } });
    expect(review).toMatchObject({ status: "DECIDED", decision: "ENDORSE_WITH_CONDITIONS", decidedById: e.staff.id });
    expect((await testDb().commission.findUniqueOrThrow({ where: { id: commission.id } })).status).toBe("COMPLETED");

    expect((await make.auditFor(r.version.id)).at(-1)).toMatchObject({
      action: "endorseWithConditions",
      toState: "ENDORSED",
      reason: "Both reviewers recommend endorsement.",
    });
    expect((await make.auditFor(review.id)).at(-1)).toMatchObject({ action: "decide", toState: "DECIDED" });
    expect((await make.auditFor(r.credential.id)).map((a) => [a.action, a.toState])).toEqual([["endorse", "ENDORSED"]]);
    expect((await make.auditFor(commission.id)).map((a) => a.action)).toEqual(["complete"]);
    for (const c of credential.conditions) expect((await make.auditFor(c.id)).map((a) => a.action)).toEqual(["create"]);
    expect((await testDb().notification.findMany()).map((n) => n.userId)).toEqual([e.expert.id]);
  });

  it("the review interval comes from REVIEW_INTERVAL_YEARS", async () => {
    process.env.REVIEW_INTERVAL_YEARS = "5";
    const r = await readyForDecision(e);
    await decide(r.version, { decision: "ENDORSE", conditions: "" });
    const credential = await credentialOf(r);
    expect(yearsBetween(credential.endorsedAt!, credential.reviewDueAt!)).toBe(5);
    expect(credential.conditions).toEqual([]);
  });

  it("endorsing a revision supersedes the previously endorsed version", async () => {
    const first = await readyForDecision(e);
    await decide(first.version, { decision: "ENDORSE", conditions: "" });
    await testDb().credential.update({ where: { id: first.credential.id }, data: { status: "REVISION_REQUIRED" } });
    const second = await readyForDecision(e, { credentialId: first.credential.id, number: 2 });
    await decide(second.version, { decision: "ENDORSE", conditions: "" });
    expect((await testDb().specificationVersion.findUniqueOrThrow({ where: { id: first.version.id } })).status).toBe("SUPERSEDED");
    expect((await make.auditFor(first.version.id)).at(-1)).toMatchObject({
      action: "supersede",
      fromState: "ENDORSED",
      toState: "SUPERSEDED",
    });
    expect(await credentialOf(second)).toMatchObject({ status: "ENDORSED", endorsedVersionId: second.version.id });
  });

  it("requesting changes and declining leave the credential in development", async () => {
    const changes = await readyForDecision(e);
    expect(await decide(changes.version, { decision: "REQUEST_CHANGES" })).toMatchObject({ to: "CHANGES_REQUESTED" });
    const declined = await readyForDecision(e);
    expect(await decide(declined.version, { decision: "DECLINE" })).toMatchObject({ to: "DECLINED" });
    for (const r of [changes, declined])
      expect(await credentialOf(r)).toMatchObject({ status: "IN_DEVELOPMENT", endorsedAt: null, conditions: [] });
  });

  it("a decision needs two submitted assessments", async () => {
    const { version } = await credentialWithVersion(e);
    await assign(e, version);
    await submitFor(e, e.reviewerA, version.id);
    const err = await refusal(decide({ id: version.id, version: 2 }));
    expect(err.code).toBe("GUARD_FAILED");
    expect(err.message).toMatch(/at least 2 submitted reviewer assessments; there is 1/);
    expect((await testDb().endorsementReview.findFirstOrThrow()).status).toBe("OPEN");
  });

  it("bad input gets field errors and changes nothing", async () => {
    const r = await readyForDecision(e);
    const err = await refusal(decide(r.version, { rationale: " ", conditions: "" }));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors?.rationale).toEqual(["Enter the rationale for this decision"]);
    const noConditions = await refusal(decide(r.version, { conditions: "\n  \n" }));
    expect(noConditions.fieldErrors?.conditions).toEqual(["Enter at least one condition, one per line"]);
    expect((await testDb().specificationVersion.findUniqueOrThrow({ where: { id: r.version.id } })).status).toBe("IN_REVIEW");
    expect(await testDb().endorsementCondition.count()).toBe(0);
  });

  it("only Centre staff decide; the wrong state and a stale version are refused", async () => {
    const r = await readyForDecision(e);
    expect((await refusal(decide(r.version, {}, e.expert))).code).toBe("NOT_ALLOWED");
    expect((await refusal(decide(r.version, {}, e.reviewerA))).code).toBe("NOT_ALLOWED");
    expect((await refusal(decide(r.version, {}, e.otherExpert))).code).toBe("NOT_FOUND");
    expect((await refusal(decide({ id: r.version.id, version: r.version.version - 1 }))).code).toBe("STALE_VERSION");
    await decide(r.version);
    const decided = await testDb().specificationVersion.findUniqueOrThrow({ where: { id: r.version.id } });
    expect((await refusal(decide(decided))).code).toBe("WRONG_STATE");
  });

  it("a reviewer whose assessment is still outstanding is withdrawn by the decision, told why, and can no longer assess", async () => {
    const reviewerC = await withExpertise(await make.actor("REVIEWER", (await make.organisation("OTHER")).id), ["ACADEMIC"]);
    const { version } = await credentialWithVersion(e);
    await assign(e, version, [e.reviewerA, e.reviewerB, reviewerC]);
    await submitFor(e, e.reviewerA, version.id, "DECLINE");
    await submitFor(e, e.reviewerB, version.id, "DECLINE");
    const outstanding = await assignmentOf(reviewerC, version.id);
    await decide(await testDb().specificationVersion.findUniqueOrThrow({ where: { id: version.id } }), { decision: "DECLINE" });

    const assignments = await testDb().reviewerAssignment.findMany({ select: { reviewerId: true, status: true, withdrawnReason: true } });
    expect(assignments.find((a) => a.reviewerId === reviewerC.id)).toEqual({
      reviewerId: reviewerC.id,
      status: "WITHDRAWN",
      withdrawnReason: DECIDED_WITHOUT_ASSESSMENT,
    });
    expect(assignments.filter((a) => a.status === "SUBMITTED")).toHaveLength(2);
    expect(await testDb().auditEvent.findFirst({ where: { entityId: outstanding.id, action: "withdraw" } })).toMatchObject({
      actorId: e.staff.id,
      toState: "WITHDRAWN",
    });
    const told = await testDb().notification.findFirstOrThrow({
      where: { userId: reviewerC.id, title: { startsWith: "Review withdrawn" } },
    });
    expect(told.body).toContain(DECIDED_WITHOUT_ASSESSMENT);
    // Withdrawn, the assignment is no longer theirs: a late draft or submission finds nothing.
    const late = completeAssessment(e, { id: outstanding.id, version: outstanding.version + 1 }, "ENDORSE");
    expect((await refusal(saveAssessmentDraft(reviewerC, late))).code).toBe("NOT_FOUND");
    expect((await refusal(submitAssessment(reviewerC, late))).code).toBe("NOT_FOUND");
  });

  it("an assignment left open on a decided review takes no assessment, and nothing of it is written", async () => {
    const reviewerC = await withExpertise(await make.actor("REVIEWER", (await make.organisation("OTHER")).id), ["ACADEMIC"]);
    const { version } = await credentialWithVersion(e);
    await assign(e, version, [e.reviewerA, e.reviewerB, reviewerC]);
    await submitFor(e, e.reviewerA, version.id);
    await submitFor(e, e.reviewerB, version.id);
    await decide(await testDb().specificationVersion.findUniqueOrThrow({ where: { id: version.id } }), { decision: "DECLINE" });
    // As an assignment recorded before decisions withdrew the outstanding ones would be.
    const a = await assignmentOf(reviewerC, version.id);
    await testDb().reviewerAssignment.update({ where: { id: a.id }, data: { status: "ASSIGNED", withdrawnReason: null } });

    for (const command of [saveAssessmentDraft, submitAssessment]) {
      const err = await refusal(command(reviewerC, completeAssessment(e, a, "ENDORSE")));
      expect(err.code).toBe("GUARD_FAILED");
      expect(err.message).toMatch(/already decided this review/);
    }
    expect(await testDb().reviewerAssignment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      status: "ASSIGNED",
      version: a.version,
      recommendation: null,
    });
    expect(await testDb().criterionAssessment.count({ where: { assignmentId: a.id } })).toBe(0);
  });

  it("of two concurrent decisions exactly one wins", async () => {
    const r = await readyForDecision(e);
    const results = await Promise.allSettled([decide(r.version), decide(r.version, { decision: "DECLINE" })]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((x): x is PromiseRejectedResult => x.status === "rejected")!;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect(["STALE_VERSION", "WRONG_STATE"]).toContain(lost.reason.code);
    expect(await testDb().auditEvent.count({ where: { entityType: "EndorsementReview", action: "decide" } })).toBe(1);
  });
});

describe("endorsement conditions", () => {
  it("staff mark a condition met with a note, and can reopen it; experts cannot", async () => {
    const r = await readyForDecision(e);
    await decide(r.version);
    const [condition] = (await credentialOf(r)).conditions;
    const noNote = await refusal(markConditionMet(e.staff, { id: condition.id, version: 1, note: "" }));
    expect(noNote.fieldErrors?.note?.[0]).toMatch(/note/);
    expect((await refusal(markConditionMet(e.expert, { id: condition.id, version: 1, note: "Done" }))).code).toBe("NOT_ALLOWED");

    await testDb().notification.deleteMany();
    await markConditionMet(e.staff, { id: condition.id, version: 1, note: "EDI statement added" });
    const met = await testDb().endorsementCondition.findUniqueOrThrow({ where: { id: condition.id } });
    expect(met).toMatchObject({ status: "MET", metNote: "EDI statement added", version: 2 });
    expect(met.metAt).not.toBeNull();
    expect(await testDb().notification.count({ where: { userId: e.expert.id } })).toBe(1);
    expect((await refusal(markConditionMet(e.staff, { id: condition.id, version: 2, note: "Again" }))).code).toBe("WRONG_STATE");
    expect((await refusal(reopenCondition(e.staff, { id: condition.id, version: 1, reason: "Old" }))).code).toBe("STALE_VERSION");

    await reopenCondition(e.staff, { id: condition.id, version: 2, reason: "The statement was withdrawn" });
    expect((await make.auditFor(condition.id)).map((a) => [a.action, a.toState, a.reason])).toEqual([
      ["create", "OPEN", null],
      ["markMet", "MET", "EDI statement added"],
      ["reopen", "OPEN", "The statement was withdrawn"],
    ]);
  });
});

describe("a condition's due date", () => {
  it("staff set it to today or later, which lets the credential be published first; a past date and experts are refused", async () => {
    const r = await readyForDecision(e);
    await decide(r.version);
    const [condition] = (await credentialOf(r)).conditions;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const past = await refusal(setConditionDueDate(e.staff, { id: condition.id, version: 1, dueOn: yesterday }));
    expect(past.fieldErrors?.dueOn?.[0]).toBe("The due date must be today or in the future");
    expect((await refusal(setConditionDueDate(e.expert, { id: condition.id, version: 1, dueOn: later }))).code).toBe("NOT_ALLOWED");

    await setConditionDueDate(e.staff, { id: condition.id, version: 1, dueOn: later });
    const due = await testDb().endorsementCondition.findUniqueOrThrow({ where: { id: condition.id } });
    expect({ status: due.status, dueOn: due.dueOn?.toISOString().slice(0, 10), version: due.version }).toEqual({
      status: "OPEN",
      dueOn: later,
      version: 2,
    });
    expect(mustBeMetBeforePublication(due, new Date())).toBe(false);
    const [audit] = (await make.auditFor(condition.id)).filter((a) => a.action === "setDueDate");
    expect(audit.data).toEqual({ changes: { dueOn: { from: null, to: later } } });

    await setConditionDueDate(e.staff, { id: condition.id, version: 2, dueOn: "" });
    const cleared = await testDb().endorsementCondition.findUniqueOrThrow({ where: { id: condition.id } });
    expect(mustBeMetBeforePublication(cleared, new Date())).toBe(true);
  });
});

describe("publishing", () => {
  it("staff publish an endorsed credential; the catalogue then lists it with its endorsed specification", async () => {
    const r = await readyForDecision(e);
    await decide(r.version);
    const before = await credentialOf(r);
    expect(await publishedCredential(before.reference)).toBeNull();
    expect((await refusal(publishCredential(e.expert, { id: before.id, version: before.version }))).code).toBe("NOT_ALLOWED");

    const blocked = await refusal(publishCredential(e.staff, { id: before.id, version: before.version }));
    expect(blocked.code).toBe("GUARD_FAILED");
    expect(blocked.message).toMatch(/^Mark its 2 open conditions of endorsement as met before publishing it: /);
    expect(blocked.message).toContain("“Map outcomes to the roadmap”");
    expect(await publishedCredential(before.reference)).toBeNull();
    for (const condition of before.conditions) await markConditionMet(e.staff, { id: condition.id, version: 1, note: "Done" });

    const result = await publishCredential(e.staff, { id: before.id, version: before.version });
    expect(result).toMatchObject({ reference: before.reference, from: "ENDORSED", to: "ENDORSED" });
    expect((await make.auditFor(before.id)).at(-1)).toMatchObject({ action: "publish" });
    expect((await readCataloguePage({})).items.map((c) => c.reference)).toEqual([before.reference]);
    const page = await publishedCredential(before.reference);
    expect(page?.endorsedVersion?.learningOutcomes.map((o) => o.text)).toEqual(["Assess frailty"]);
    expect(page?.conditions.map((x) => x.status)).toEqual(["MET", "MET"]);

    const again = await refusal(publishCredential(e.staff, { id: before.id, version: before.version + 1 }));
    expect(again.code).toBe("GUARD_FAILED");
  });

  it("a condition due after launch stays open through publication, and the catalogue shows it open with its due date", async () => {
    const r = await readyForDecision(e);
    await decide(r.version, { conditions: "Report on the first cohort" });
    const before = await credentialOf(r);
    await testDb().endorsementCondition.updateMany({ where: { credentialId: before.id }, data: { dueOn: new Date("2099-09-30") } });
    await publishCredential(e.staff, { id: before.id, version: before.version });
    expect((await publishedCredential(before.reference))?.conditions).toEqual([
      expect.objectContaining({ text: "Report on the first cohort", status: "OPEN", dueOn: "2099-09-30T00:00:00.000Z" }),
    ]);
  });

  it("a credential that is not endorsed cannot be published", async () => {
    const { credential } = await credentialWithVersion(e);
    expect((await refusal(publishCredential(e.staff, { id: credential.id, version: 1 }))).code).toBe("WRONG_STATE");
    expect((await testDb().credential.findUniqueOrThrow({ where: { id: credential.id } })).publishedAt).toBeNull();
  });
});
