import { beforeEach, describe, expect, it } from "vitest";
import { addComment, commentThreads } from "@/lib/data/comments";
import { listCredentials } from "@/lib/data/credentials";
import { reviewerAssignments } from "@/lib/data/dashboard";
import { assignReviewers } from "@/lib/data/endorsement-reviews";
import { endorsementReviewFor, reviewerCandidates } from "@/lib/data/endorsement-review-reads";
import { ownAssessment, saveAssessmentDraft, submitAssessment, withdrawReviewer } from "@/lib/data/reviewer-assessments";
import { credentialOverview, specificationVersionOf, visibleVersionNumbers } from "@/lib/data/specification-reads";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import {
  assign,
  assignmentOf,
  completeAssessment,
  credentialWithVersion,
  endorsementCast,
  futureDate,
  withExpertise,
  type EndorsementCast,
} from "../support/endorsement";
import { oneOfTwoWins, refusal } from "../support/refusal";

// Assigning reviewers (which starts the endorsement review), withdrawing them, and reviewers'
// assessments. Decisions, conditions and publication are in endorsement-decision.test.ts.

let e: EndorsementCast;
beforeEach(async () => {
  await resetDb();
  e = await endorsementCast();
});

const notifiedUsers = async () => (await testDb().notification.findMany({ select: { userId: true } })).map((n) => n.userId).sort();
const nothingWritten = async () => {
  expect(await testDb().endorsementReview.count()).toBe(0);
  expect(await testDb().reviewerAssignment.count()).toBe(0);
  expect(await testDb().auditEvent.count()).toBe(0);
};

describe("assigning reviewers", () => {
  it("staff assign two reviewers: the review opens, the version goes into review, all audited and reviewers told", async () => {
    const { version } = await credentialWithVersion(e);
    const result = await assign(e, version);
    expect(result).toMatchObject({ from: "SUBMITTED", to: "IN_REVIEW", version: 2 });

    const review = await testDb().endorsementReview.findUniqueOrThrow({
      where: { specificationVersionId: version.id },
      include: { assignments: true },
    });
    expect(review.status).toBe("OPEN");
    expect(review.assignments.map((a) => [a.reviewerId, a.status]).sort()).toEqual(
      [
        [e.reviewerA.id, "ASSIGNED"],
        [e.reviewerB.id, "ASSIGNED"],
      ].sort(),
    );
    expect(review.assignments.every((a) => a.dueOn !== null)).toBe(true);
    expect((await make.auditFor(version.id)).map((a) => [a.action, a.fromState, a.toState, a.actorId])).toEqual([
      ["startReview", "SUBMITTED", "IN_REVIEW", e.staff.id],
    ]);
    expect((await make.auditFor(review.id)).map((a) => a.action)).toEqual(["create"]);
    for (const a of review.assignments)
      expect((await make.auditFor(a.id)).map((x) => [x.action, x.toState])).toEqual([["create", "ASSIGNED"]]);
    expect(await notifiedUsers()).toEqual([e.expert.id, e.reviewerA.id, e.reviewerB.id].sort());
    expect(await testDb().emailOutbox.count({ where: { to: e.reviewerA.email } })).toBe(1);
  });

  it("one reviewer is not enough to start the review, and nothing is written", async () => {
    const { version } = await credentialWithVersion(e);
    const err = await refusal(assign(e, version, [e.reviewerA]));
    expect(err.code).toBe("GUARD_FAILED");
    expect(err.message).toMatch(/at least 2 reviewers/);
    await nothingWritten();
  });

  it("a reviewer from the credential's own expert group is refused for conflict of interest", async () => {
    const { version } = await credentialWithVersion(e);
    const err = await refusal(assign(e, version, [e.reviewerA, e.conflicted]));
    expect(err.code).toBe("GUARD_FAILED");
    expect(err.fieldErrors?.reviewerIds?.[0]).toMatch(/conflict of interest/);
    await nothingWritten();
    expect((await testDb().specificationVersion.findUniqueOrThrow({ where: { id: version.id } })).status).toBe("SUBMITTED");
  });

  it("reviewers without clinical expertise between them are refused with what is missing, and nothing is written", async () => {
    const { version } = await credentialWithVersion(e);
    const academic = await withExpertise(await make.actor("REVIEWER", null), ["ACADEMIC"]);
    const err = await refusal(assign(e, version, [e.reviewerA, academic]));
    expect(err.code).toBe("GUARD_FAILED");
    expect(err.fieldErrors?.reviewerIds).toEqual([
      "Choose at least one academic and one clinical reviewer: none of these reviewers has clinical expertise.",
    ]);
    await nothingWritten();
  });

  it("only Centre staff can assign reviewers", async () => {
    const { version } = await credentialWithVersion(e);
    const err = await refusal(
      assignReviewers(e.expert, { id: version.id, version: 1, reviewerIds: [e.reviewerA.id, e.reviewerB.id], dueOn: futureDate() }),
    );
    expect(err.code).toBe("NOT_ALLOWED");
    await nothingWritten();
  });

  it("a draft version cannot be sent to reviewers", async () => {
    const { version } = await credentialWithVersion(e, { status: "DRAFT" });
    const err = await refusal(assign(e, version));
    expect(err.code).toBe("WRONG_STATE");
    await nothingWritten();
  });

  it("bad input gets field errors and persists nothing", async () => {
    const { version } = await credentialWithVersion(e);
    const err = await refusal(assignReviewers(e.staff, { id: version.id, version: 1, dueOn: "2020-01-01" }));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors?.reviewerIds).toEqual(["Choose at least one reviewer"]);
    expect(err.fieldErrors?.dueOn).toEqual(["The due date must be in the future"]);
    await nothingWritten();
  });

  it("a stale version is refused", async () => {
    const { version } = await credentialWithVersion(e);
    const err = await refusal(assign(e, { id: version.id, version: 7 }));
    expect(err.code).toBe("STALE_VERSION");
    await nothingWritten();
  });

  it("staff add a reviewer to a review in progress, but not one already assigned", async () => {
    const { version } = await credentialWithVersion(e);
    await assign(e, version);
    const third = await make.actor("REVIEWER", null);
    await assign(e, { id: version.id, version: 2 }, [third]);
    expect(await testDb().reviewerAssignment.count({ where: { status: "ASSIGNED" } })).toBe(3);
    const review = await testDb().endorsementReview.findUniqueOrThrow({ where: { specificationVersionId: version.id } });
    expect((await make.auditFor(review.id)).map((a) => [a.action, a.fromState, a.toState])).toEqual([
      ["create", null, "OPEN"],
      ["assignReviewers", "OPEN", "OPEN"],
    ]);
    const err = await refusal(assign(e, { id: version.id, version: 2 }, [e.reviewerA]));
    expect(err.fieldErrors?.reviewerIds?.[0]).toMatch(/already assigned/);
  });
});

describe("choosing reviewers", () => {
  it("staff list the active reviewers, marked where conflicted; no one else can list them", async () => {
    const { credential } = await credentialWithVersion(e);
    const candidates = await reviewerCandidates(e.staff, credential);
    expect(candidates.map((u) => u.id)).toEqual(expect.arrayContaining([e.reviewerA.id, e.reviewerB.id, e.conflicted.id]));
    expect(candidates.find((u) => u.id === e.conflicted.id)?.conflict).toMatch(/conflict of interest/);
    for (const actor of [e.expert, e.reviewerA]) expect(await reviewerCandidates(actor, credential)).toEqual([]);
  });
});

describe("withdrawing a reviewer", () => {
  it("staff withdraw an assignment; it is audited and the reviewer is told", async () => {
    const { version } = await credentialWithVersion(e);
    await assign(e, version);
    const a = await assignmentOf(e.reviewerA, version.id);
    await testDb().notification.deleteMany();
    const noReason = await refusal(withdrawReviewer(e.staff, { id: a.id, version: a.version, reason: " " }));
    expect(noReason.fieldErrors?.reason?.[0]).toBe("Enter a reason for withdrawing this reviewer");
    const result = await withdrawReviewer(e.staff, { id: a.id, version: a.version, reason: "Unavailable" });
    expect(result).toMatchObject({ from: "ASSIGNED", to: "WITHDRAWN" });
    expect((await testDb().reviewerAssignment.findUniqueOrThrow({ where: { id: a.id } })).withdrawnReason).toBe("Unavailable");
    expect((await make.auditFor(a.id)).at(-1)).toMatchObject({ action: "withdraw", toState: "WITHDRAWN", reason: "Unavailable" });
    expect(await notifiedUsers()).toEqual([e.reviewerA.id]);
  });

  it("a withdrawn reviewer no longer finds the credential, its review, versions, comments or their assessment", async () => {
    const { credential, version } = await credentialWithVersion(e);
    await assign(e, version);
    const a = await assignmentOf(e.reviewerA, version.id);
    await addComment(e.reviewerA, {
      specificationVersionId: version.id,
      section: "learningOutcomes",
      body: "Outcome 2 is not measurable.",
    });
    const reads = (reviewer: typeof e.reviewerA) =>
      Promise.all([
        credentialOverview(reviewer, credential.id),
        endorsementReviewFor(reviewer, credential.id),
        specificationVersionOf(reviewer, credential.id, version.number),
        visibleVersionNumbers(reviewer, credential.id),
        ownAssessment(reviewer, credential.id),
        listCredentials(reviewer).then((page) => page.rows.map((r) => r.id)),
        reviewerAssignments(reviewer).then(({ rows }) => rows.map((r) => r.id)),
        commentThreads(reviewer, version.id).then((threads) => [...threads.values()].flat()),
      ]);
    const before = await reads(e.reviewerA);
    expect(before.every((r) => (Array.isArray(r) ? r.length > 0 : r !== null))).toBe(true);

    await withdrawReviewer(e.staff, { id: a.id, version: a.version, reason: "Conflict of interest declared" });

    const [overview, review, shown, numbers, own, listed, assignments, comments] = await reads(e.reviewerA);
    expect({ overview, review, shown, numbers, own, listed, assignments, comments }).toEqual({
      overview: null,
      review: null,
      shown: null,
      numbers: [],
      own: null,
      listed: [],
      assignments: [],
      comments: [],
    });
    expect((await refusal(saveAssessmentDraft(e.reviewerA, completeAssessment(e, { id: a.id, version: a.version + 1 })))).code).toBe(
      "NOT_FOUND",
    );
    // The reviewer still assigned keeps their view.
    expect(await credentialOverview(e.reviewerB, credential.id)).not.toBeNull();
  });

  it("a reviewer cannot withdraw themselves", async () => {
    const { version } = await credentialWithVersion(e);
    await assign(e, version);
    const a = await assignmentOf(e.reviewerA, version.id);
    expect((await refusal(withdrawReviewer(e.reviewerA, { id: a.id, version: a.version, reason: "Busy" }))).code).toBe("NOT_ALLOWED");
  });
});

describe("reviewer assessments", () => {
  let versionId: string;
  beforeEach(async () => {
    const { version } = await credentialWithVersion(e);
    versionId = version.id;
    await assign(e, version);
  });

  it("the reviewer saves a draft, then submits; ratings are kept, it is audited and staff are told", async () => {
    const a = await assignmentOf(e.reviewerA, versionId);
    const full = completeAssessment(e, a, "ENDORSE_WITH_CONDITIONS");
    await saveAssessmentDraft(e.reviewerA, { ...full, recommendation: "", ratings: full.ratings.slice(0, 1) });
    const draft = await testDb().reviewerAssignment.findUniqueOrThrow({ where: { id: a.id }, include: { ratings: true } });
    expect(draft).toMatchObject({ status: "ASSIGNED", version: 2, recommendation: null, overallComment: "A sound specification." });
    expect(draft.ratings).toHaveLength(1);

    await testDb().notification.deleteMany();
    const result = await submitAssessment(e.reviewerA, { ...full, version: 2 });
    expect(result).toMatchObject({ from: "ASSIGNED", to: "SUBMITTED", version: 3 });
    const done = await testDb().reviewerAssignment.findUniqueOrThrow({ where: { id: a.id }, include: { ratings: true } });
    expect(done).toMatchObject({ recommendation: "ENDORSE_WITH_CONDITIONS" });
    expect(done.submittedAt).not.toBeNull();
    // Each of 4.1's four parts carries its own rating.
    const numbers = new Map(e.criteria.map((c) => [c.id, c.number]));
    expect(done.ratings.map((r) => `${numbers.get(r.criterionId)} ${r.rating}`).sort()).toEqual([
      "4.1(a) PARTIALLY_MET",
      "4.1(b) MET",
      "4.1(c) MET",
      "4.1(d) MET",
    ]);
    expect((await make.auditFor(a.id)).map((x) => x.action)).toEqual(["create", "saveDraft", "submitAssessment"]);
    expect(await notifiedUsers()).toEqual([e.staff.id]);
  });

  it("an empty submission is refused with a field error per unanswered question, and nothing is saved", async () => {
    const a = await assignmentOf(e.reviewerA, versionId);
    const err = await refusal(
      submitAssessment(e.reviewerA, {
        id: a.id,
        version: a.version,
        ratings: e.criteria.map((c) => ({ criterionId: c.id, comment: "" })),
      }),
    );
    expect(err.code).toBe("GUARD_FAILED");
    expect(err.message).toMatch(/Rate every criterion/);
    expect(err.fieldErrors).toMatchObject({
      "ratings.0.rating": ["Rate criterion 4.1(a)"],
      "ratings.3.rating": ["Rate criterion 4.1(d)"],
      recommendation: ["Choose your recommendation"],
    });
    expect(await testDb().criterionAssessment.count()).toBe(0);
    expect((await testDb().reviewerAssignment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("ASSIGNED");
  });

  it("rating criterion 4.1 as a whole does not stand for its parts: each part must be rated", async () => {
    const a = await assignmentOf(e.reviewerA, versionId);
    const whole = await testDb().criterion.findFirstOrThrow({ where: { setId: e.criteriaSetId, number: "4.1" } });
    const full = completeAssessment(e, a);
    const err = await refusal(
      submitAssessment(e.reviewerA, {
        ...full,
        ratings: [{ criterionId: whole.id, rating: "MET", comment: "All of it" }, ...full.ratings.slice(0, 3)],
      }),
    );
    expect(err.code).toBe("GUARD_FAILED");
    expect(err.message).toMatch(/not yet rated: 4\.1\(d\)\.$/);
    expect(await testDb().criterionAssessment.count()).toBe(0);
  });

  it("a reviewer cannot see or submit someone else's assignment", async () => {
    const theirs = await assignmentOf(e.reviewerB, versionId);
    const err = await refusal(submitAssessment(e.reviewerA, completeAssessment(e, theirs)));
    expect(err.code).toBe("NOT_FOUND");
    expect(await testDb().criterionAssessment.count()).toBe(0);
  });

  it("a reviewer with a conflict of interest cannot submit, even if assigned", async () => {
    const review = await testDb().endorsementReview.findUniqueOrThrow({ where: { specificationVersionId: versionId } });
    const a = await testDb().reviewerAssignment.create({ data: { reviewId: review.id, reviewerId: e.conflicted.id } });
    const err = await refusal(submitAssessment(e.conflicted, completeAssessment(e, a)));
    expect(err.code).toBe("GUARD_FAILED");
    expect(err.message).toMatch(/conflict of interest/);
    const draft = await refusal(saveAssessmentDraft(e.conflicted, completeAssessment(e, a)));
    expect(draft.code).toBe("GUARD_FAILED");
    expect(draft.message).toMatch(/conflict of interest/);
  });

  it("staff cannot submit an assessment for a reviewer", async () => {
    const a = await assignmentOf(e.reviewerA, versionId);
    expect((await refusal(submitAssessment(e.staff, completeAssessment(e, a)))).code).toBe("NOT_ALLOWED");
    expect(await testDb().criterionAssessment.count()).toBe(0);
  });

  it("a draft saved while the same assessment is submitted: exactly one wins and one change is audited", async () => {
    const a = await assignmentOf(e.reviewerA, versionId);
    const draft = { ...completeAssessment(e, a), overallComment: "Still thinking." };
    await oneOfTwoWins(saveAssessmentDraft(e.reviewerA, draft), submitAssessment(e.reviewerA, completeAssessment(e, a)));
    const actions = (await make.auditFor(a.id)).map((x) => x.action).filter((x) => x !== "create");
    expect(actions).toHaveLength(1);
    const stored = await testDb().reviewerAssignment.findUniqueOrThrow({ where: { id: a.id } });
    expect(stored.status).toBe(actions[0] === "submitAssessment" ? "SUBMITTED" : "ASSIGNED");
    expect(stored.version).toBe(a.version + 1);
  });

  it("a submitted assessment cannot be submitted or changed again", async () => {
    const a = await assignmentOf(e.reviewerA, versionId);
    await submitAssessment(e.reviewerA, completeAssessment(e, a));
    expect((await refusal(submitAssessment(e.reviewerA, completeAssessment(e, { id: a.id, version: 2 })))).code).toBe("WRONG_STATE");
    expect((await refusal(saveAssessmentDraft(e.reviewerA, completeAssessment(e, { id: a.id, version: 2 })))).code).toBe("WRONG_STATE");
  });

  it("bad input gets field errors: an unknown rating, or a comment saved without a rating", async () => {
    const a = await assignmentOf(e.reviewerA, versionId);
    const bad = completeAssessment(e, a);
    bad.ratings[1].rating = "EXCELLENT";
    const err = await refusal(submitAssessment(e.reviewerA, bad));
    expect(err.code).toBe("INVALID_INPUT");
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(["ratings.1.rating"]);
    const commented = await refusal(
      saveAssessmentDraft(e.reviewerA, {
        id: a.id,
        version: a.version,
        ratings: [{ criterionId: e.criteria[1].id, comment: "Thin evidence" }],
      }),
    );
    expect(commented.fieldErrors?.["ratings.0.rating"]).toEqual(["Rate criterion 4.1(b) to keep your comment on it"]);
    expect(await testDb().criterionAssessment.count()).toBe(0);
  });

  it("a stale version is refused and nothing is saved", async () => {
    const a = await assignmentOf(e.reviewerA, versionId);
    const err = await refusal(submitAssessment(e.reviewerA, completeAssessment(e, { id: a.id, version: 5 })));
    expect(err.code).toBe("STALE_VERSION");
    expect(await testDb().criterionAssessment.count()).toBe(0);
  });
});
