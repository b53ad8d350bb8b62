import { beforeEach, describe, expect, it } from "vitest";
import { concludePeriodicReview, recordCurrencyCheck } from "@/lib/data/periodic-review-commands";
import { getPeriodicReview } from "@/lib/data/periodic-reviews";
import { resetDb, testDb } from "../support/db";
import { plan } from "../support/delivery-factory";
import * as make from "../support/factory";
import { daysFrom, periodicCast, reviewOf, type PeriodicCast } from "../support/periodic-factory";
import { oneOfTwoWins, refusal } from "../support/refusal";

let c: PeriodicCast;

beforeEach(async () => {
  await resetDb();
  c = await periodicCast();
});

const checkInput = (review: { id: string; version: number }, over: Record<string, unknown> = {}) => ({
  id: review.id,
  version: review.version,
  kind: "EVIDENCE_BASE",
  finding: "New national guidance on proactive care.",
  changeNeeded: "yes",
  ...over,
});
const conclusion = (review: { id: string; version: number }, outcome: string, rationale = "All four checks support this outcome.") => ({
  id: review.id,
  version: review.version,
  outcome,
  rationale,
});
const credentialNow = () => testDb().credential.findUniqueOrThrow({ where: { id: c.credential.id } });

describe("recording a currency check", () => {
  it("the first check starts a scheduled review; each check is audited and bumps the version", async () => {
    const review = await reviewOf(c, { status: "SCHEDULED" });
    const first = await recordCurrencyCheck(c.staff, checkInput(review));
    expect(first).toMatchObject({ id: review.id, version: 3, kind: "EVIDENCE_BASE" });
    const stored = await testDb().periodicReview.findUniqueOrThrow({ where: { id: review.id }, include: { checks: true } });
    expect(stored.status).toBe("IN_PROGRESS");
    expect(stored.checks).toMatchObject([{ kind: "EVIDENCE_BASE", changeNeeded: true, recordedById: c.staff.id }]);
    expect((await make.auditFor(review.id)).map((a) => [a.action, a.fromState, a.toState, a.actorId])).toEqual([
      ["start", "SCHEDULED", "IN_PROGRESS", c.staff.id],
      ["recordCheck", "IN_PROGRESS", "IN_PROGRESS", c.staff.id],
    ]);
  });

  it("recording the same check again corrects it rather than adding a second", async () => {
    const review = await reviewOf(c);
    await recordCurrencyCheck(c.staff, checkInput(review));
    await recordCurrencyCheck(
      c.staff,
      checkInput({ id: review.id, version: 2 }, { finding: "On reflection, no change.", changeNeeded: "no" }),
    );
    const checks = await testDb().currencyCheck.findMany({ where: { periodicReviewId: review.id } });
    expect(checks).toMatchObject([{ kind: "EVIDENCE_BASE", finding: "On reflection, no change.", changeNeeded: false }]);
    const detail = await getPeriodicReview(c.staff, review.id);
    expect(detail?.checks[0].recordedBy).toBe("CENTRE_STAFF user");
    const [first, correction] = (await make.auditFor(review.id)).map((a) => (a.data as { changes: unknown }).changes);
    expect(first).toEqual({
      finding: { from: null, to: "New national guidance on proactive care." },
      changeNeeded: { from: null, to: true },
    });
    expect(correction).toEqual({
      finding: { from: "New national guidance on proactive care.", to: "On reflection, no change." },
      changeNeeded: { from: true, to: false },
    });
  });

  it("bad input gets field errors and persists nothing", async () => {
    const review = await reviewOf(c, { status: "SCHEDULED" });
    const err = await refusal(recordCurrencyCheck(c.staff, checkInput(review, { finding: "  ", changeNeeded: undefined, kind: "WHIMSY" })));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors).toMatchObject({
      finding: ["Enter the finding"],
      changeNeeded: ["Select whether a change is needed"],
      kind: ["Choose which currency check this is"],
    });
    expect(await testDb().currencyCheck.count()).toBe(0);
    expect((await testDb().periodicReview.findUniqueOrThrow({ where: { id: review.id } })).status).toBe("SCHEDULED");
    expect(await make.auditFor(review.id)).toHaveLength(0);
  });

  it("only Centre staff can record a check; others cannot see the review at all", async () => {
    const review = await reviewOf(c);
    for (const who of [c.expert, c.provider]) {
      const err = await refusal(recordCurrencyCheck(who, checkInput(review)));
      expect(err.code).toBe("NOT_ALLOWED");
      expect(err.message).toBe("Only Centre staff can record a currency check.");
      expect(await getPeriodicReview(who, review.id)).toBeNull();
    }
    expect(await testDb().currencyCheck.count()).toBe(0);
  });

  it("a concluded review's checks cannot be changed", async () => {
    const review = await reviewOf(c, { status: "CONCLUDED", checks: "all" });
    const err = await refusal(recordCurrencyCheck(c.staff, checkInput(review)));
    expect(err.code).toBe("WRONG_STATE");
    expect(err.message).toBe("This periodic review is Concluded, so it cannot be changed.");
  });

  it("a stale version is refused and nothing is recorded", async () => {
    const review = await reviewOf(c);
    await recordCurrencyCheck(c.staff, checkInput(review, { kind: "CHANGING_NEEDS" }));
    const err = await refusal(recordCurrencyCheck(c.staff, checkInput(review)));
    expect(err.code).toBe("STALE_VERSION");
    expect(err.message).toMatch(/changed by someone else/);
    expect(await testDb().currencyCheck.count({ where: { kind: "EVIDENCE_BASE" } })).toBe(0);
  });
});

describe("two staff at once", () => {
  it("of two concurrent records of one check from the same page exactly one wins; one record is audited and kept", async () => {
    const review = await reviewOf(c);
    const { won } = await oneOfTwoWins(
      recordCurrencyCheck(c.staff, checkInput(review, { finding: "Guidance changed." })),
      recordCurrencyCheck(c.staff, checkInput(review, { finding: "Nothing has changed.", changeNeeded: "no" })),
    );
    const audits = (await make.auditFor(review.id)).filter((a) => a.action === "recordCheck");
    expect(audits).toHaveLength(1);
    const checks = await testDb().currencyCheck.findMany({ where: { periodicReviewId: review.id } });
    expect(checks).toHaveLength(1);
    expect((audits[0].data as { changes: { finding: { to: string } } }).changes.finding.to).toBe(checks[0].finding);
    expect((await testDb().periodicReview.findUniqueOrThrow({ where: { id: review.id } })).version).toBe(won.version);
  });

  it("a check and a conclusion at once: exactly one wins, and a concluded review never gains a check afterwards", async () => {
    const review = await reviewOf(c, { checks: "all" });
    await oneOfTwoWins(
      recordCurrencyCheck(c.staff, checkInput(review, { finding: "A late correction." })),
      concludePeriodicReview(c.staff, conclusion(review, "REAFFIRMED")),
    );
    const audits = (await make.auditFor(review.id)).map((a) => a.action);
    expect(audits.filter((a) => a === "recordCheck" || a === "conclude")).toHaveLength(1);
  });
});

describe("concluding a periodic review", () => {
  it("is refused while checks are missing, and the refusal lists them", async () => {
    const review = await reviewOf(c, { checks: ["CHANGING_NEEDS", "EVIDENCE_BASE"] });
    const err = await refusal(concludePeriodicReview(c.staff, conclusion(review, "REAFFIRMED")));
    expect(err.code).toBe("GUARD_FAILED");
    expect(err.message).toBe("Record every currency check before concluding; still to do: Technological advances and New models of care.");
    expect((await testDb().periodicReview.findUniqueOrThrow({ where: { id: review.id } })).status).toBe("IN_PROGRESS");
    expect((await credentialNow()).status).toBe("UNDER_PERIODIC_REVIEW");
  });

  it("needs an outcome and a rationale (field errors, nothing persisted)", async () => {
    const review = await reviewOf(c, { checks: "all" });
    const err = await refusal(concludePeriodicReview(c.staff, { id: review.id, version: review.version, outcome: "", rationale: " " }));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors).toMatchObject({
      outcome: ["Choose the outcome of the periodic review"],
      rationale: ["Enter the rationale for the outcome"],
    });
    expect(await make.auditFor(review.id)).toHaveLength(0);
  });

  it("non-staff are refused; a review not in progress is refused", async () => {
    const review = await reviewOf(c, { checks: "all" });
    const err = await refusal(concludePeriodicReview(c.provider, conclusion(review, "REAFFIRMED")));
    expect(err.code).toBe("NOT_ALLOWED");
    const scheduled = await testDb().periodicReview.update({ where: { id: review.id }, data: { status: "SCHEDULED" } });
    const wrong = await refusal(concludePeriodicReview(c.staff, conclusion(scheduled, "REAFFIRMED")));
    expect(wrong.code).toBe("WRONG_STATE");
    expect(await make.auditFor(review.id)).toHaveLength(0);
  });

  it("a stale version is refused and the credential is untouched", async () => {
    const review = await reviewOf(c, { checks: "all" });
    await testDb().periodicReview.update({ where: { id: review.id }, data: { version: 2 } });
    const err = await refusal(concludePeriodicReview(c.staff, conclusion(review, "WITHDRAWN")));
    expect(err.code).toBe("STALE_VERSION");
    expect((await credentialNow()).status).toBe("UNDER_PERIODIC_REVIEW");
  });

  it("REAFFIRMED endorses the credential again with a review due three years on, audited", async () => {
    const review = await reviewOf(c, { checks: "all" });
    const before = Date.now();
    const result = await concludePeriodicReview(c.staff, conclusion(review, "REAFFIRMED"));
    expect(result).toMatchObject({ from: "IN_PROGRESS", to: "CONCLUDED", outcome: "REAFFIRMED" });
    const credential = await credentialNow();
    expect(credential.status).toBe("ENDORSED");
    expect(credential.reviewDueAt!.getTime()).toBeGreaterThanOrEqual(daysFrom(new Date(before), 3 * 365).getTime());
    expect(credential.reviewDueAt!.getTime()).toBeLessThanOrEqual(daysFrom(new Date(), 3 * 366).getTime());
    const stored = await testDb().periodicReview.findUniqueOrThrow({ where: { id: review.id } });
    expect(stored).toMatchObject({ status: "CONCLUDED", outcome: "REAFFIRMED", rationale: "All four checks support this outcome." });
    expect(stored.concludedAt).not.toBeNull();
    expect((await make.auditFor(review.id)).map((a) => [a.action, a.toState, a.reason])).toEqual([
      ["conclude", "CONCLUDED", "All four checks support this outcome."],
    ]);
    expect((await make.auditFor(c.credential.id)).map((a) => [a.action, a.fromState, a.toState, a.actorId])).toEqual([
      ["reaffirm", "UNDER_PERIODIC_REVIEW", "ENDORSED", c.staff.id],
    ]);
    expect(await testDb().notification.count({ where: { userId: c.expert.id } })).toBe(1);
  });

  it("REVISION_REQUIRED keeps the credential deliverable and drafts version 2 from the endorsed one for the experts", async () => {
    const review = await reviewOf(c, { checks: "all" });
    const result = await concludePeriodicReview(c.staff, conclusion(review, "REVISION_REQUIRED", "Evidence base has moved on."));
    expect((await credentialNow()).status).toBe("REVISION_REQUIRED");
    const draft = await testDb().specificationVersion.findUniqueOrThrow({
      where: { id: result.revisionVersionId },
      include: { learningOutcomes: { orderBy: { position: "asc" } }, epas: true },
    });
    expect(draft).toMatchObject({ number: 2, status: "DRAFT", basedOnId: c.credential.versionId, changeSummary: "", academicLevel: 7 });
    expect(draft.learningOutcomes.map((o) => o.text)).toEqual(["Outcome 1", "Outcome 2"]);
    expect(draft.epas.map((e) => e.title)).toEqual(["EPA 1"]);
    expect((await make.auditFor(draft.id)).map((a) => [a.action, a.toState])).toEqual([["create", "DRAFT"]]);
    expect((await make.auditFor(c.credential.id)).map((a) => [a.action, a.reason])).toEqual([
      ["requireRevision", "Evidence base has moved on."],
    ]);
    const notes = await testDb().notification.findMany({ where: { userId: c.expert.id } });
    expect(notes.map((n) => n.title)).toEqual([`Revision required: ${c.credential.reference} ${c.credential.title}`]);
  });

  it("WITHDRAWN withdraws the credential and flags its active delivery plans, all in one transaction", async () => {
    const review = await reviewOf(c, { checks: "all" });
    const active = await plan(c.credential, c.providerOrg.id, "APPROVED");
    const closed = await plan(c.credential, c.providerOrg.id, "CLOSED");
    const result = await concludePeriodicReview(c.staff, conclusion(review, "WITHDRAWN", "Superseded by a national curriculum."));
    expect(result.flaggedPlanIds).toEqual([active.id]);
    const credential = await credentialNow();
    expect(credential.status).toBe("WITHDRAWN");
    expect(credential.withdrawnAt).not.toBeNull();
    const plans = await testDb().deliveryPlan.findMany({ where: { credentialId: c.credential.id }, orderBy: { createdAt: "asc" } });
    expect(plans.find((p) => p.id === active.id)?.flagReason).toBe(
      `Credential ${c.credential.reference} was withdrawn: Superseded by a national curriculum.`,
    );
    expect(plans.find((p) => p.id === closed.id)?.flaggedAt).toBeNull();
    expect((await make.auditFor(c.credential.id)).map((a) => [a.action, a.toState, a.reason])).toEqual([
      ["withdraw", "WITHDRAWN", "Superseded by a national curriculum."],
    ]);
    expect(await testDb().notification.count({ where: { userId: c.provider.id } })).toBe(1);
  });

  it("a revision cannot be drafted over an unfinished draft: the whole conclusion is rolled back", async () => {
    const review = await reviewOf(c, { checks: "all" });
    await testDb().specificationVersion.create({ data: { credentialId: c.credential.id, number: 2, status: "DRAFT" } });
    const err = await refusal(concludePeriodicReview(c.staff, conclusion(review, "REVISION_REQUIRED")));
    expect(err.code).toBe("WRONG_STATE");
    expect((await testDb().periodicReview.findUniqueOrThrow({ where: { id: review.id } })).status).toBe("IN_PROGRESS");
    expect((await credentialNow()).status).toBe("UNDER_PERIODIC_REVIEW");
    expect(await testDb().auditEvent.count()).toBe(0);
  });
});
