import { beforeEach, describe, expect, it } from "vitest";
import {
  addCriterion,
  changeCriterion,
  draftCriteriaSet,
  publishCriteriaSet,
  ratingCriteria,
  removeCriterion,
} from "@/lib/data/criteria-sets";
import { decideEndorsement } from "@/lib/data/endorsement-reviews";
import { endorsementCriteria } from "@/lib/data/endorsement-review-reads";
import { assessGateway } from "@/lib/data/gateway";
import { changeReviewerExpertise } from "@/lib/data/people";
import { criteriaSet } from "../support/criteria";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import {
  assign,
  credentialWithVersion,
  endorsementCast,
  readyForDecision,
  submitFor,
  withExpertise,
  type EndorsementCast,
} from "../support/endorsement";
import { refusal } from "../support/refusal";

// Versioned criteria sets (admins draft and publish; reviews keep the set they opened with) and the reviewer
// expertise an endorsement review needs before it can be decided.

let e: EndorsementCast;
let admin: Awaited<ReturnType<typeof make.actor>>;
beforeEach(async () => {
  await resetDb();
  e = await endorsementCast();
  admin = await make.actor("CENTRE_STAFF", e.staff.organisationId);
  await testDb().user.update({ where: { id: admin.id }, data: { isAdmin: true } });
});

const today = () => new Date().toISOString().slice(0, 10);
const setRow = (id: string) => testDb().criteriaSet.findUniqueOrThrow({ where: { id } });
const reviewOf = (versionId: string) => testDb().endorsementReview.findUniqueOrThrow({ where: { specificationVersionId: versionId } });

describe("the criteria set a review uses", () => {
  it("a review records the published set in effect when it opens, not a draft or one taking effect later", async () => {
    await criteriaSet("ENDORSEMENT", { status: "DRAFT", effectiveFrom: null });
    await criteriaSet("ENDORSEMENT", { effectiveFrom: new Date("2099-01-01") });
    const { version } = await credentialWithVersion(e);
    await assign(e, version);
    expect((await reviewOf(version.id)).criteriaSetId).toBe(e.criteriaSetId);
  });

  it("the reviewer rates 4.1's four parts, each shown with 4.1's guidance notes", async () => {
    const criteria = await ratingCriteria(e.criteriaSetId);
    expect(criteria.map((c) => c.number)).toEqual(["4.1(a)", "4.1(b)", "4.1(c)", "4.1(d)"]);
    for (const c of criteria) {
      expect(c.partOf?.number).toBe("4.1");
      expect(c.guidance.join("\n")).toMatch(/core capabilities/);
    }
  });
});

describe("the criteria set a gateway assessment uses", () => {
  it("the first assessment records the gateway set in effect, and a reassessment keeps it after a newer set takes effect", async () => {
    const first = await criteriaSet("GATEWAY", { effectiveFrom: new Date("2021-01-01") });
    const priority = await make.priority((await make.round("OPEN")).id, { status: "PUBLISHED" });
    const answer = (version: number, met: boolean) => ({
      id: priority.id,
      version,
      criteria: first.ratable.map((c) => ({ criterionId: c.id, met: met ? "MET" : "NOT_MET", rationale: `On ${c.number}` })),
    });
    await assessGateway(e.staff, answer(priority.version, false));
    expect((await testDb().priority.findUniqueOrThrow({ where: { id: priority.id } })).gatewayCriteriaSetId).toBe(first.id);

    await criteriaSet("GATEWAY", { effectiveFrom: new Date("2022-01-01") });
    await expect(assessGateway(e.staff, answer(priority.version + 1, true))).resolves.toMatchObject({ gatewayOutcome: "PASSED" });
    expect((await testDb().priority.findUniqueOrThrow({ where: { id: priority.id } })).gatewayCriteriaSetId).toBe(first.id);
  });
});

describe("drafting and publishing a new version", () => {
  it("publishing a new version leaves past reviews, their criteria and ratings as they were; new reviews use it", async () => {
    const past = await readyForDecision(e);
    const pastReview = await reviewOf(past.version.id);
    const ratingsBefore = await testDb().criterionAssessment.findMany({ orderBy: { id: "asc" } });

    const { id } = await draftCriteriaSet(admin, { kind: "ENDORSEMENT" });
    const draft = await testDb().criteriaSet.findUniqueOrThrow({ where: { id }, include: { criteria: { orderBy: { sortOrder: "asc" } } } });
    expect(draft).toMatchObject({ number: 2, status: "DRAFT" });
    expect(draft.criteria.map((c) => c.number)).toEqual(["4", "4.1", "4.1(a)", "4.1(b)", "4.1(c)", "4.1(d)"]);
    const part = draft.criteria.find((c) => c.number === "4.1(a)")!;
    expect(part.parentId).toBe(draft.criteria.find((c) => c.number === "4.1")!.id);

    await changeCriterion(admin, {
      id,
      version: 1,
      criterionId: part.id,
      number: "4.1(a)",
      title: "Key activities, reworded",
      description: "New wording.",
      guidance: "A new note.",
      sortOrder: part.sortOrder,
    });
    const removed = draft.criteria.find((c) => c.number === "4.1(d)")!;
    await removeCriterion(admin, { id, version: 2, criterionId: removed.id });
    await publishCriteriaSet(admin, { id, version: 3, effectiveFrom: today() });
    expect(await setRow(id)).toMatchObject({ status: "PUBLISHED", version: 4 });

    // The past review still reads its own set, with the old wording and every rating.
    expect((await reviewOf(past.version.id)).criteriaSetId).toBe(pastReview.criteriaSetId);
    const pastCriteria = await endorsementCriteria(pastReview);
    expect(pastCriteria.map((c) => [c.number, c.title])).toContainEqual(["4.1(a)", "Key professional activities"]);
    expect(pastCriteria).toHaveLength(4);
    expect(await testDb().criterionAssessment.findMany({ orderBy: { id: "asc" } })).toEqual(ratingsBefore);

    const { version } = await credentialWithVersion(e, { number: 1 });
    await assign(e, version);
    const fresh = await reviewOf(version.id);
    expect(fresh.criteriaSetId).toBe(id);
    expect((await endorsementCriteria(fresh)).map((c) => `${c.number} ${c.title}`)).toEqual([
      "4.1(a) Key activities, reworded",
      "4.1(b) Aligned with the Framework",
      "4.1(c) Complexity, uncertainty and risk",
    ]);
    expect((await make.auditFor(id)).map((a) => a.action)).toEqual(["create", "edit", "edit", "publish"]);
  });

  it("a published set cannot be edited, and only one draft exists at a time", async () => {
    const published = await setRow(e.criteriaSetId);
    const err = await refusal(
      addCriterion(admin, { id: published.id, version: published.version, number: "5", title: "New", description: "New", sortOrder: 9 }),
    );
    expect(err.code).toBe("WRONG_STATE");
    await draftCriteriaSet(admin, { kind: "ENDORSEMENT" });
    expect((await refusal(draftCriteriaSet(admin, { kind: "ENDORSEMENT" }))).message).toMatch(/already a draft/);
    expect(await testDb().criteriaSet.count({ where: { kind: "ENDORSEMENT" } })).toBe(2);
  });

  it("publishing needs an effective date no earlier than today, and a stale page changes nothing", async () => {
    const { id } = await draftCriteriaSet(admin, { kind: "ENDORSEMENT" });
    const past = await refusal(publishCriteriaSet(admin, { id, version: 1, effectiveFrom: "2020-01-01" }));
    expect(past).toMatchObject({ code: "GUARD_FAILED", message: expect.stringMatching(/today or in the future/) });
    const stale = await refusal(publishCriteriaSet(admin, { id, version: 7, effectiveFrom: today() }));
    expect(stale.code).toBe("STALE_VERSION");
    const bad = await refusal(addCriterion(admin, { id, version: 1, number: "four", title: "", description: "x", sortOrder: 0 }));
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["number", "sortOrder", "title"]);
    expect(await setRow(id)).toMatchObject({ status: "DRAFT", version: 1 });
  });

  it("only Centre admins manage criteria sets", async () => {
    expect((await refusal(draftCriteriaSet(e.staff, { kind: "GATEWAY" }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(draftCriteriaSet(e.reviewerA, { kind: "GATEWAY" }))).code).toBe("NOT_ALLOWED");
    expect(await testDb().criteriaSet.count({ where: { kind: "GATEWAY" } })).toBe(0);
  });
});

describe("reviewer expertise", () => {
  const decide = (v: { id: string; version: number }) =>
    decideEndorsement(e.staff, { id: v.id, version: v.version, decision: "ENDORSE", rationale: "Both recommend it.", conditions: "" });

  it("a review whose reviewers are all academic cannot be decided, and the refusal names the clinical expertise missing", async () => {
    const r = await readyForDecision(e);
    // Assigning needs the mix too; here the reviewer's recorded expertise changes after they were assigned.
    await withExpertise(e.reviewerB, ["ACADEMIC"]);
    const err = await refusal(decide(r.version));
    expect(err.code).toBe("GUARD_FAILED");
    expect(err.message).toMatch(/no reviewer with clinical expertise/);
    expect((await testDb().specificationVersion.findUniqueOrThrow({ where: { id: r.version.id } })).status).toBe("IN_REVIEW");

    const reviewer = await testDb().user.findUniqueOrThrow({ where: { id: e.reviewerB.id } });
    await changeReviewerExpertise(admin, {
      id: reviewer.id,
      seenAt: reviewer.updatedAt.toISOString(),
      expertise: ["ACADEMIC", "CLINICAL"],
      clinicalProfessions: "Paramedic, Nurse",
    });
    expect(await testDb().user.findUniqueOrThrow({ where: { id: e.reviewerB.id } })).toMatchObject({
      expertise: ["ACADEMIC", "CLINICAL"],
      clinicalProfessions: ["Paramedic", "Nurse"],
    });
    await expect(decide(r.version)).resolves.toMatchObject({ to: "ENDORSED" });
  });

  it("a withdrawn reviewer's expertise does not count", async () => {
    const third = await withExpertise(await make.actor("REVIEWER", e.reviewerA.organisationId), ["ACADEMIC"]);
    const { version } = await credentialWithVersion(e);
    await assign(e, version, [e.reviewerA, third, e.reviewerB]);
    await submitFor(e, e.reviewerA, version.id);
    await submitFor(e, third, version.id);
    const clinician = await testDb().reviewerAssignment.findFirstOrThrow({ where: { reviewerId: e.reviewerB.id } });
    await testDb().reviewerAssignment.update({ where: { id: clinician.id }, data: { status: "WITHDRAWN" } });
    const v = await testDb().specificationVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect((await refusal(decide(v))).message).toMatch(/no reviewer with clinical expertise/);
  });

  it("clinical expertise needs its professions; only admins change expertise; a stale page is refused", async () => {
    const reviewer = await testDb().user.findUniqueOrThrow({ where: { id: e.reviewerA.id } });
    const input = { id: reviewer.id, seenAt: reviewer.updatedAt.toISOString(), expertise: "CLINICAL", clinicalProfessions: "" };
    expect((await refusal(changeReviewerExpertise(admin, input))).fieldErrors).toEqual({
      clinicalProfessions: ["Enter the professions of their clinical expertise"],
    });
    expect((await refusal(changeReviewerExpertise(e.staff, { ...input, clinicalProfessions: "Nurse" }))).code).toBe("NOT_ALLOWED");
    const stale = await refusal(
      changeReviewerExpertise(admin, { ...input, seenAt: new Date(0).toISOString(), clinicalProfessions: "Nurse" }),
    );
    expect(stale.code).toBe("STALE_VERSION");
    expect((await testDb().user.findUniqueOrThrow({ where: { id: reviewer.id } })).expertise).toEqual(["ACADEMIC"]);
  });
});
