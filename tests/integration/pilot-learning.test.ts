import { beforeEach, describe, expect, it } from "vitest";
import type { CredentialOrigin } from "@/lib/generated/prisma/enums";
import { listProcessFeedback, recordProcessFeedback, stageCycleTimes } from "@/lib/data/pilot-learning";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import { refusal } from "../support/refusal";

type Cast = Awaited<ReturnType<typeof make.cast>>;
let c: Cast;

beforeEach(async () => {
  await resetDb();
  c = await make.cast();
});

const nothingPersisted = async () => {
  expect(await testDb().processFeedback.count()).toBe(0);
  expect(await testDb().auditEvent.count()).toBe(0);
};

async function credential(origin: CredentialOrigin, reference: string) {
  return testDb().credential.create({ data: { reference, title: `Credential ${reference}`, ownerOrganisationId: c.group.id, origin } });
}

describe("process feedback", () => {
  it("staff leave feedback about a stage and a credential; it is saved and audited", async () => {
    const cred = await credential("COMMISSIONED", "APC-0001");
    const { id } = await recordProcessFeedback(c.staff, {
      stage: "ENDORSEMENT_REVIEW",
      credentialId: cred.id,
      rating: "4",
      comment: "  Reviewers needed clearer guidance on criterion 3.  ",
    });
    const saved = await testDb().processFeedback.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({
      authorId: c.staff.id,
      stage: "ENDORSEMENT_REVIEW",
      credentialId: cred.id,
      rating: 4,
      body: "Reviewers needed clearer guidance on criterion 3.",
    });
    const audit = await make.auditFor(id);
    expect(audit.map((a) => [a.entityType, a.action, a.actorId, a.actorRole])).toEqual([
      ["ProcessFeedback", "create", c.staff.id, "CENTRE_STAFF"],
    ]);
    expect(audit[0].data).toEqual({ stage: "ENDORSEMENT_REVIEW", credentialId: cred.id, rating: 4 });
  });

  it("reviewers leave general feedback without a rating, and see only their own", async () => {
    await recordProcessFeedback(c.staff, {
      stage: "GATEWAY",
      credentialId: "",
      rating: "",
      comment: "Criterion 2 evidence is hard to find.",
    });
    const { id } = await recordProcessFeedback(c.reviewer, {
      stage: "QUALITY_REVIEW",
      credentialId: "",
      rating: "",
      comment: "The visit template works well.",
    });
    expect(await testDb().processFeedback.findUniqueOrThrow({ where: { id } })).toMatchObject({
      authorId: c.reviewer.id,
      credentialId: null,
      rating: null,
    });

    expect((await listProcessFeedback(c.reviewer)).rows.map((f) => f.body)).toEqual(["The visit template works well."]);
    const all = (await listProcessFeedback(c.staff)).rows;
    expect(all.map((f) => [f.stage, f.authorName]).sort()).toEqual([
      ["GATEWAY", "CENTRE_STAFF user"],
      ["QUALITY_REVIEW", "REVIEWER user"],
    ]);
    expect((await listProcessFeedback(c.staff, { stage: "GATEWAY" })).rows.map((f) => f.body)).toEqual([
      "Criterion 2 evidence is hard to find.",
    ]);
    expect((await listProcessFeedback(c.provider)).rows).toEqual([]);
  });

  it("providers and expert-group members are refused and nothing is saved", async () => {
    for (const who of [c.provider, c.expert]) {
      const err = await refusal(recordProcessFeedback(who, { stage: "GATEWAY", comment: "Feedback" }));
      expect(err).toMatchObject({ code: "NOT_ALLOWED", message: "Only Centre staff or reviewers can leave process feedback." });
    }
    await nothingPersisted();
  });

  it("bad input gets field errors and nothing is saved", async () => {
    const err = await refusal(recordProcessFeedback(c.staff, { stage: "LUNCH", rating: "7", comment: "   " }));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors).toEqual({
      stage: ["Choose the stage your feedback is about"],
      rating: ["The rating must be 5 or fewer"],
      comment: ["Enter your feedback"],
    });
    const empty = await refusal(recordProcessFeedback(c.reviewer, {}));
    expect(Object.keys(empty.fieldErrors ?? {}).sort()).toEqual(["comment", "stage"]);
    await nothingPersisted();
  });

  it("a credential the user may not see is refused as a field error", async () => {
    const cred = await credential("PILOT_PHASE_1", "APC-0002");
    const err = await refusal(recordProcessFeedback(c.reviewer, { stage: "GATEWAY", credentialId: cred.id, comment: "Feedback" }));
    expect(err).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { credentialId: ["Choose a credential from the list"] } });
    await nothingPersisted();
  });
});

describe("stage cycle times from the audit trail", () => {
  const T0 = new Date("2026-01-01T09:00:00Z").getTime();
  const day = (n: number) => new Date(T0 + n * 24 * 60 * 60 * 1000);
  type Ev = [entityType: string, entityId: string, from: string | null, to: string | null, at: Date];
  const insert = (events: Ev[]) =>
    testDb().auditEvent.createMany({
      data: events.map(([entityType, entityId, fromState, toState, createdAt]) => ({
        entityType,
        entityId,
        action: "step",
        fromState,
        toState,
        actorRole: "CENTRE_STAFF",
        createdAt,
      })),
    });
  const version = (credentialId: string, number: number) => testDb().specificationVersion.create({ data: { credentialId, number } });

  it("reports count, median and mean days per origin, record and state; current states are not counted", async () => {
    const a = await credential("COMMISSIONED", "APC-0010");
    const [a1, a2] = [await version(a.id, 1), await version(a.id, 2)];
    const b = await credential("PILOT_PHASE_1", "APC-0020");
    const [b1, b2, b3] = [await version(b.id, 1), await version(b.id, 2), await version(b.id, 3)];
    const SV = "SpecificationVersion";
    // Inserted out of order: the window functions order by createdAt.
    await insert([
      [SV, a1.id, "DRAFT", "SUBMITTED", day(10)],
      [SV, a1.id, null, "DRAFT", day(0)],
      [SV, a1.id, "DRAFT", "DRAFT", day(2)], // an edit does not split the stay
      [SV, a1.id, null, null, day(3)], // an event without a state (a comment) is ignored
      [SV, a1.id, "SUBMITTED", "IN_REVIEW", day(12)],
      [SV, a1.id, "IN_REVIEW", "CHANGES_REQUESTED", day(20)], // still there: not counted
      [SV, a2.id, null, "DRAFT", day(20)],
      [SV, a2.id, "DRAFT", "SUBMITTED", day(24)],
      [SV, a2.id, "SUBMITTED", "IN_REVIEW", day(25)],
      [SV, a2.id, "IN_REVIEW", "ENDORSED", day(30)],
      ["Credential", a.id, null, "IN_DEVELOPMENT", day(0)],
      ["Credential", a.id, "IN_DEVELOPMENT", "ENDORSED", day(30)],

      [SV, b1.id, null, "DRAFT", day(0)],
      [SV, b1.id, "DRAFT", "SUBMITTED", day(1)],
      [SV, b1.id, "SUBMITTED", "IN_REVIEW", day(1.5)],
      [SV, b1.id, "IN_REVIEW", "CHANGES_REQUESTED", day(3.5)],
      [SV, b2.id, null, "DRAFT", day(4)],
      [SV, b2.id, "DRAFT", "SUBMITTED", day(6)],
      [SV, b3.id, null, "DRAFT", day(10)],
      [SV, b3.id, "DRAFT", "SUBMITTED", day(19)],
      ["Credential", b.id, null, "IN_DEVELOPMENT", day(0)],

      // Other entity types, and entities with no credential, are left out.
      ["ProcessFeedback", "pf-1", null, "DRAFT", day(0)],
      ["ProcessFeedback", "pf-1", "DRAFT", "SUBMITTED", day(5)],
      [SV, "no-such-version", null, "DRAFT", day(0)],
      [SV, "no-such-version", "DRAFT", "SUBMITTED", day(5)],
    ]);

    const rows = (await stageCycleTimes(c.staff)).map((r) => [
      r.origin,
      r.entityType,
      r.state,
      r.count,
      +r.medianDays.toFixed(4),
      +r.meanDays.toFixed(4),
    ]);
    expect(rows).toEqual([
      ["COMMISSIONED", SV, "DRAFT", 2, 7, 7],
      ["COMMISSIONED", SV, "SUBMITTED", 2, 1.5, 1.5],
      ["COMMISSIONED", SV, "IN_REVIEW", 2, 6.5, 6.5],
      ["COMMISSIONED", "Credential", "IN_DEVELOPMENT", 1, 30, 30],
      ["PILOT_PHASE_1", SV, "DRAFT", 3, 2, 4],
      ["PILOT_PHASE_1", SV, "SUBMITTED", 1, 0.5, 0.5],
      ["PILOT_PHASE_1", SV, "IN_REVIEW", 1, 2, 2],
    ]);
  });

  it("is empty without an audit trail, and only staff may see it", async () => {
    expect(await stageCycleTimes(c.staff)).toEqual([]);
    await expect(stageCycleTimes(await make.actor("REVIEWER", null))).rejects.toMatchObject({ code: "NOT_ALLOWED" });
  });
});
