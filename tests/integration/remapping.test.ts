import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decideEndorsement } from "@/lib/data/endorsement-reviews";
import { getRemappingTask, remappingImpact } from "@/lib/data/remapping";
import { approveRemapping, returnRemapping, saveRemapping } from "@/lib/data/remapping-commands";
import { toDoList } from "@/lib/data/to-do";
import { resetDb, testDb } from "../support/db";
import * as plans from "../support/delivery-factory";
import { assign, endorsementCast, submitFor, type EndorsementCast } from "../support/endorsement";
import { oneOfTwoWins, refusal } from "../support/refusal";

// Version 1 has "Outcome 1" … "Outcome 3"; version 2 keeps 1 and 3, rewords 2 and adds a fourth.
let e: EndorsementCast;
let c: Awaited<ReturnType<typeof plans.deliveryCast>>;
let credential: Awaited<ReturnType<typeof plans.endorsedCredential>>;

beforeEach(async () => {
  await resetDb();
  e = await endorsementCast();
  c = await plans.deliveryCast();
  credential = await plans.endorsedCredential("REVISION_REQUIRED", 3, e.group.id);
});
afterEach(() => {
  delete process.env.REMAPPING_INTERVAL_DAYS;
});

async function endorseVersion2() {
  const texts = ["Outcome 1", "Outcome 2, in complex care", "Outcome 3", "Outcome 4"];
  const version = await testDb().specificationVersion.create({
    data: {
      credentialId: credential.id,
      number: 2,
      status: "SUBMITTED",
      basedOnId: credential.versionId,
      learningOutcomes: { create: texts.map((text, i) => ({ position: i + 1, text, pillars: ["CLINICAL_PRACTICE"] })) },
    },
  });
  await assign(e, version);
  await submitFor(e, e.reviewerA, version.id, "ENDORSE");
  await submitFor(e, e.reviewerB, version.id, "ENDORSE");
  const ready = await testDb().specificationVersion.findUniqueOrThrow({
    where: { id: version.id },
    include: { learningOutcomes: { orderBy: { position: "asc" } } },
  });
  await decideEndorsement(e.staff, { id: ready.id, version: ready.version, decision: "ENDORSE", rationale: "Sound revision." });
  return ready;
}

const taskOf = (planId: string) => testDb().remappingTask.findFirstOrThrow({ where: { planId }, include: { mappings: true } });

/** The provider maps the changed and new outcomes (positions 2 and 4) and submits. */
async function submitTask(task: { id: string; version: number }, v2: Awaited<ReturnType<typeof endorseVersion2>>) {
  return saveRemapping(c.provider, {
    id: task.id,
    version: task.version,
    intent: "submit",
    mappings: [
      { learningOutcomeId: v2.learningOutcomes[1].id, module: "M2", assessment: "Case review" },
      { learningOutcomeId: v2.learningOutcomes[3].id, module: "M4", assessment: "Viva" },
    ],
  });
}

describe("endorsing a new specification version", () => {
  it("opens a re-mapping task only for approved plans on the older version, with the configured deadline", async () => {
    process.env.REMAPPING_INTERVAL_DAYS = "30";
    const approved = await plans.plan(credential, c.providerOrg.id, "APPROVED");
    const conditional = await plans.plan(credential, c.otherProvider.organisationId!, "APPROVED_WITH_CONDITIONS");
    const draft = await plans.plan(credential, c.providerOrg.id, "DRAFT");
    const suspended = await plans.plan(credential, c.providerOrg.id, "SUSPENDED");
    await endorseVersion2();
    const tasks = await testDb().remappingTask.findMany({ select: { planId: true, dueOn: true, status: true } });
    expect(tasks.map((t) => t.planId).sort()).toEqual([approved.id, conditional.id].sort());
    expect(tasks.map((t) => t.planId)).not.toContain(draft.id);
    expect(tasks.map((t) => t.planId)).not.toContain(suspended.id);
    const expected = new Date();
    expected.setUTCHours(0, 0, 0, 0);
    expected.setUTCDate(expected.getUTCDate() + 30);
    expect(tasks[0].dueOn.toISOString()).toBe(expected.toISOString());
    expect(await plans.notificationsFor(c.provider.id)).toContainEqual(
      expect.objectContaining({ title: `Re-map your delivery plan: ${approved.programmeTitle}` }),
    );
  });

  it("carries over the mapping of each unchanged outcome and leaves changed and new ones to the provider", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "APPROVED");
    const v2 = await endorseVersion2();
    const task = await taskOf(plan.id);
    expect(task.mappings.map((m) => m.learningOutcomeId).sort()).toEqual([v2.learningOutcomes[0].id, v2.learningOutcomes[2].id].sort());
    expect(task.mappings.every((m) => m.carriedOver && m.module === "M1")).toBe(true);
    const view = await getRemappingTask(c.provider, task.id);
    expect(view?.outcomes.map((o) => o.change)).toEqual(["UNCHANGED", "CHANGED", "UNCHANGED", "NEW"]);
    expect(view?.outcomes[1].previousText).toBe("Outcome 2");
  });
});

describe("re-mapping a plan", () => {
  it("refuses a submission with an unmapped changed outcome; once mapped, staff approve and the plan moves to the new version", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "APPROVED");
    const v2 = await endorseVersion2();
    const task = await taskOf(plan.id);
    const partial = await refusal(
      saveRemapping(c.provider, {
        id: task.id,
        version: 1,
        intent: "submit",
        mappings: [{ learningOutcomeId: v2.learningOutcomes[1].id, module: "M2", assessment: "Case review" }],
      }),
    );
    expect(partial.message).toContain("learning outcome 4");
    await submitTask(task, v2);
    expect(await toDoList(e.staff)).toContainEqual(expect.objectContaining({ href: `/delivery-plans/remapping/${task.id}` }));
    await approveRemapping(e.staff, { id: task.id, version: 2 });
    const moved = await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: plan.id }, include: { mappings: true } });
    expect(moved).toMatchObject({ status: "APPROVED", specificationVersionId: v2.id });
    expect(moved.mappings.map((m) => [m.learningOutcomeId, m.module]).sort()).toEqual(
      [
        [v2.learningOutcomes[0].id, "M1"],
        [v2.learningOutcomes[1].id, "M2"],
        [v2.learningOutcomes[2].id, "M1"],
        [v2.learningOutcomes[3].id, "M4"],
      ].sort(),
    );
  });

  it("another provider gets not found: reading, listing the impact and saving", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "APPROVED");
    await endorseVersion2();
    const task = await taskOf(plan.id);
    expect(await getRemappingTask(c.otherProvider, task.id)).toBeNull();
    expect((await remappingImpact(c.otherProvider, credential.id)).total).toBe(0);
    expect((await remappingImpact(e.staff, credential.id)).total).toBe(1);
    expect((await refusal(saveRemapping(c.otherProvider, { id: task.id, version: 1, intent: "save", mappings: [] }))).code).toBe(
      "NOT_FOUND",
    );
    expect(await toDoList(c.otherProvider)).not.toContainEqual(expect.objectContaining({ href: `/delivery-plans/remapping/${task.id}` }));
    expect(await toDoList(c.provider)).toContainEqual(expect.objectContaining({ href: `/delivery-plans/remapping/${task.id}` }));
  });

  it("of a concurrent approval and return exactly one wins", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "APPROVED");
    const v2 = await endorseVersion2();
    const task = await taskOf(plan.id);
    await submitTask(task, v2);
    const { won } = await oneOfTwoWins(
      approveRemapping(e.staff, { id: task.id, version: 2 }),
      returnRemapping(e.staff, { id: task.id, version: 2, reason: "Outcome 4 needs a summative assessment." }),
    );
    expect((await taskOf(plan.id)).status).toBe(won.transition === "approve" ? "APPROVED" : "RETURNED");
    const planRow = await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(planRow.specificationVersionId).toBe(won.transition === "approve" ? v2.id : credential.versionId);
  });

  it("bad input is refused with field errors and nothing is written", async () => {
    const plan = await plans.plan(credential, c.providerOrg.id, "APPROVED");
    await endorseVersion2();
    const task = await taskOf(plan.id);
    const bad = await refusal(
      saveRemapping(c.provider, {
        id: task.id,
        version: 1,
        intent: "publish",
        mappings: [{ learningOutcomeId: "x", module: "m".repeat(301), assessment: "" }],
      }),
    );
    expect(bad.code).toBe("INVALID_INPUT");
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["intent", "mappings.0.module"]);
    const stray = await refusal(
      saveRemapping(c.provider, {
        id: task.id,
        version: 1,
        intent: "save",
        mappings: [{ learningOutcomeId: credential.outcomeIds[0], module: "M", assessment: "A" }],
      }),
    );
    expect(stray.fieldErrors).toHaveProperty("mappings.0.learningOutcomeId");
    const noReason = await refusal(returnRemapping(e.staff, { id: task.id, version: 1, reason: "  " }));
    expect(noReason.fieldErrors).toHaveProperty("reason");
    expect(await taskOf(plan.id)).toMatchObject({ status: "OPEN", version: 1 });
    expect((await taskOf(plan.id)).mappings.every((m) => m.carriedOver)).toBe(true);
  });
});
