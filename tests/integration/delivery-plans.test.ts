import { beforeEach, describe, expect, it } from "vitest";
import { saveDeliveryPlan, startDeliveryPlan, submitDeliveryPlan } from "@/lib/data/delivery-plan-commands";
import { activity } from "@/lib/data/activity";
import { getDeliveryPlan, listDeliveryPlans } from "@/lib/data/delivery-plans";
import { historyOf } from "@/lib/data/history";
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
  credential = await plans.endorsedCredential("ENDORSED", 3);
});

const mappingsFor = (ids: string[], filled = ids.length) =>
  ids.map((learningOutcomeId, i) =>
    i < filled
      ? { learningOutcomeId, module: `Module ${i + 1}`, assessment: `Assessment ${i + 1}` }
      : { learningOutcomeId, module: "", assessment: "" },
  );

const editInput = (id: string, version: number, over: Record<string, unknown> = {}) => ({
  id,
  version,
  programmeTitle: "PG Cert First Contact Practice",
  award: "PG Cert (60 credits)",
  deliveryMode: "Blended",
  startsOn: "2027-09-01",
  cohortSize: "24",
  staffingAndSupervision: "Lead and supervisors",
  qualityAssurance: "External examiner",
  mappings: mappingsFor(credential.outcomeIds),
  ...over,
});

describe("starting a delivery plan", () => {
  it("a provider starts a draft against the credential's endorsed version, audited", async () => {
    const plan = await startDeliveryPlan(c.provider, { credentialId: credential.id, programmeTitle: "PG Cert FCP" });
    const row = await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(row).toMatchObject({
      status: "DRAFT",
      specificationVersionId: credential.versionId,
      organisationId: c.providerOrg.id,
      programmeTitle: "PG Cert FCP",
    });
    expect((await make.auditFor(plan.id)).map((a) => [a.action, a.toState, a.actorId])).toEqual([["create", "DRAFT", c.provider.id]]);
  });

  it("a withdrawn credential is refused with the workflow's message", async () => {
    const withdrawn = await plans.endorsedCredential("WITHDRAWN");
    const err = await refusal(startDeliveryPlan(c.provider, { credentialId: withdrawn.id, programmeTitle: "Too late" }));
    expect(err.code).toBe("WRONG_STATE");
    expect(err.message).toBe("No new delivery plans can start against a withdrawn credential.");
    expect(await testDb().deliveryPlan.count()).toBe(0);
  });

  it("staff cannot start a plan, and a blank title gets a field error", async () => {
    expect((await refusal(startDeliveryPlan(c.staff, { credentialId: credential.id, programmeTitle: "X" }))).code).toBe("NOT_ALLOWED");
    const err = await refusal(startDeliveryPlan(c.provider, { credentialId: "", programmeTitle: " " }));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors).toMatchObject({
      credentialId: ["Choose the credential"],
      programmeTitle: ["Enter the programme or module title"],
    });
    expect(await testDb().deliveryPlan.count()).toBe(0);
    expect(await testDb().auditEvent.count()).toBe(0);
  });

  it("a credential in development cannot be seen, so is not found", async () => {
    const inDevelopment = await plans.endorsedCredential("IN_DEVELOPMENT");
    expect((await refusal(startDeliveryPlan(c.provider, { credentialId: inDevelopment.id, programmeTitle: "X" }))).code).toBe("NOT_FOUND");
  });
});

describe("saving a draft", () => {
  it("saves the fields and upserts the mappings in one version-checked edit", async () => {
    const draft = await plans.plan(credential, c.providerOrg.id, "DRAFT", 1);
    const saved = await saveDeliveryPlan(c.provider, editInput(draft.id, 1, { mappings: mappingsFor(credential.outcomeIds, 2) }));
    expect(saved).toMatchObject({ from: "DRAFT", to: "DRAFT", version: 2 });
    const row = await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: draft.id }, include: { mappings: true } });
    expect(row).toMatchObject({ programmeTitle: "PG Cert First Contact Practice", cohortSize: 24, startsOn: new Date("2027-09-01") });
    expect(row.mappings.map((m) => m.module).sort()).toEqual(["Module 1", "Module 2"]);
    expect((await make.auditFor(draft.id)).map((a) => a.action)).toEqual(["edit"]);
  });

  it("records the old and new value of each field it changes, and leaves unchanged fields out", async () => {
    const draft = await plans.plan(credential, c.providerOrg.id, "DRAFT", 1);
    await saveDeliveryPlan(c.provider, editInput(draft.id, 1, { mappings: mappingsFor(credential.outcomeIds, 1) }));
    await saveDeliveryPlan(
      c.provider,
      editInput(draft.id, 2, { award: "MSc module", cohortSize: "30", mappings: mappingsFor(credential.outcomeIds, 2) }),
    );
    const [, second] = await make.auditFor(draft.id);
    const data = second.data as { changes: Record<string, unknown>; mappings: Record<string, unknown> };
    expect(data.changes).toEqual({ award: { from: "PG Cert (60 credits)", to: "MSc module" }, cohortSize: { from: 24, to: 30 } });
    expect(data.mappings).toEqual({
      [credential.outcomeIds[1]]: { from: { module: null, assessment: null }, to: { module: "Module 2", assessment: "Assessment 2" } },
    });
  });

  it("a draft may have blanks; a blank cohort size and date clear the stored ones", async () => {
    const draft = await plans.plan(credential, c.providerOrg.id);
    await saveDeliveryPlan(c.provider, {
      id: draft.id,
      version: 1,
      programmeTitle: "Working title",
      cohortSize: "",
      startsOn: "",
      mappings: mappingsFor(credential.outcomeIds, 0),
    });
    const row = await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: draft.id }, include: { mappings: true } });
    expect(row).toMatchObject({ award: "", cohortSize: null, startsOn: null, mappings: [] });
  });

  it("bad input gets field errors and persists nothing", async () => {
    const draft = await plans.plan(credential, c.providerOrg.id);
    const err = await refusal(
      saveDeliveryPlan(c.provider, editInput(draft.id, 1, { programmeTitle: "", cohortSize: "many", startsOn: "next spring" })),
    );
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors).toMatchObject({
      programmeTitle: ["Enter the programme or module title"],
      cohortSize: ["Cohort size must be a number"],
      startsOn: ["The start date must be a real date"],
    });
    const foreign = await plans.endorsedCredential();
    const wrongOutcome = await refusal(saveDeliveryPlan(c.provider, editInput(draft.id, 1, { mappings: mappingsFor(foreign.outcomeIds) })));
    expect(wrongOutcome.fieldErrors?.mappings).toEqual(["Map only the learning outcomes of the endorsed specification"]);
    expect((await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: draft.id } })).version).toBe(1);
    expect(await make.auditFor(draft.id)).toEqual([]);
  });

  it("a stale version is refused and changes nothing", async () => {
    const draft = await plans.plan(credential, c.providerOrg.id);
    await saveDeliveryPlan(c.colleague, editInput(draft.id, 1, { award: "Colleague's award" }));
    const err = await refusal(saveDeliveryPlan(c.provider, editInput(draft.id, 1, { award: "Mine" })));
    expect(err.code).toBe("STALE_VERSION");
    expect((await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: draft.id } })).award).toBe("Colleague's award");
  });

  it("staff cannot edit, another provider cannot see the plan, and a submitted plan cannot be edited", async () => {
    const draft = await plans.plan(credential, c.providerOrg.id);
    expect((await refusal(saveDeliveryPlan(c.staff, editInput(draft.id, 1)))).code).toBe("NOT_ALLOWED");
    expect((await refusal(saveDeliveryPlan(c.otherProvider, editInput(draft.id, 1)))).code).toBe("NOT_FOUND");
    const submitted = await plans.plan(credential, c.providerOrg.id, "SUBMITTED");
    const err = await refusal(saveDeliveryPlan(c.provider, editInput(submitted.id, 1)));
    expect(err.code).toBe("WRONG_STATE");
    expect(err.message).toBe("This delivery plan is Submitted, so it cannot be edited.");
  });
});

describe("submitting", () => {
  it("a complete, fully mapped plan is submitted and Centre staff are notified", async () => {
    const draft = await plans.plan(credential, c.providerOrg.id);
    const result = await submitDeliveryPlan(c.provider, { id: draft.id, version: 1 });
    expect(result).toMatchObject({ from: "DRAFT", to: "SUBMITTED", version: 2 });
    expect((await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: draft.id } })).submittedAt).toBeInstanceOf(Date);
    expect((await make.auditFor(draft.id)).map((a) => [a.action, a.fromState, a.toState])).toEqual([["submit", "DRAFT", "SUBMITTED"]]);
    const [note] = await plans.notificationsFor(c.staff.id);
    expect(note).toMatchObject({ title: `Delivery plan submitted: ${draft.programmeTitle}`, link: `/delivery-plans/${draft.id}` });
    expect(await plans.notificationsFor(c.colleague.id)).toEqual([]);
    expect(await testDb().emailOutbox.count({ where: { to: c.staff.email } })).toBe(1);
  });

  it("unmapped outcomes are refused, listed by number, and nothing changes", async () => {
    const draft = await plans.plan(credential, c.providerOrg.id, "DRAFT", 1);
    const err = await refusal(submitDeliveryPlan(c.provider, { id: draft.id, version: 1 }));
    expect(err.code).toBe("GUARD_FAILED");
    expect(err.message).toBe(
      "Map every learning outcome to the module and assessment that deliver it; not yet mapped: learning outcome 2 and learning outcome 3.",
    );
    expect((await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
    expect(await make.auditFor(draft.id)).toEqual([]);
    expect(await testDb().notification.count()).toBe(0);
  });

  it("a half-mapped outcome (module without assessment) counts as unmapped", async () => {
    const draft = await plans.plan(credential, c.providerOrg.id);
    await testDb().outcomeMapping.updateMany({
      where: { planId: draft.id, learningOutcomeId: credential.outcomeIds[0] },
      data: { assessment: " " },
    });
    expect((await refusal(submitDeliveryPlan(c.provider, { id: draft.id, version: 1 }))).message).toMatch(
      /not yet mapped: learning outcome 1\.$/,
    );
  });

  it("missing plan details are refused and listed", async () => {
    const draft = await plans.plan(credential, c.providerOrg.id);
    await testDb().deliveryPlan.update({ where: { id: draft.id }, data: { award: "", cohortSize: null } });
    const err = await refusal(submitDeliveryPlan(c.provider, { id: draft.id, version: 1 }));
    expect(err.message).toBe("Complete the plan before submitting it; still missing: the award and the cohort size.");
    expect((await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });

  it("a plan whose credential was withdrawn cannot be submitted", async () => {
    const draft = await plans.plan(credential, c.providerOrg.id);
    await testDb().credential.update({ where: { id: credential.id }, data: { status: "WITHDRAWN" } });
    const err = await refusal(submitDeliveryPlan(c.provider, { id: draft.id, version: 1 }));
    expect(err).toMatchObject({ code: "GUARD_FAILED", message: "No new delivery plans can start against a withdrawn credential." });
  });

  it("staff cannot submit; another provider gets not found; a stale version is refused", async () => {
    const draft = await plans.plan(credential, c.providerOrg.id);
    expect((await refusal(submitDeliveryPlan(c.staff, { id: draft.id, version: 1 }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(submitDeliveryPlan(c.otherProvider, { id: draft.id, version: 1 }))).code).toBe("NOT_FOUND");
    expect((await refusal(submitDeliveryPlan(c.provider, { id: draft.id, version: 7 }))).code).toBe("STALE_VERSION");
  });
});

describe("reading plans", () => {
  it("a provider sees only its own organisation's plans; staff see all; experts none", async () => {
    const mine = await plans.plan(credential, c.providerOrg.id);
    const theirs = await plans.plan(credential, c.otherProvider.organisationId!);
    expect((await listDeliveryPlans(c.provider)).rows.map((r) => r.id)).toEqual([mine.id]);
    expect((await listDeliveryPlans(c.staff)).total).toBe(2);
    expect(await getDeliveryPlan(c.provider, theirs.id)).toBeNull();
    expect(await getDeliveryPlan(c.expert, mine.id)).toBeNull();
    const detail = await getDeliveryPlan(c.staff, mine.id);
    expect(detail?.specificationVersion.learningOutcomes.map((o) => o.position)).toEqual([1, 2, 3]);
  });
  it("a plan's history is read through the reader's scope: a provider cannot read another organisation's, nor the whole trail", async () => {
    const mine = await plans.plan(credential, c.providerOrg.id);
    const theirs = await plans.plan(credential, c.otherProvider.organisationId!);
    for (const plan of [mine, theirs]) {
      await testDb().auditEvent.create({
        data: {
          entityType: "DeliveryPlan",
          entityId: plan.id,
          action: "submit",
          fromState: "DRAFT",
          toState: "SUBMITTED",
          actorRole: "PROVIDER",
        },
      });
    }
    const ids = async (actor: typeof c.staff, entityIds: string[]) => (await historyOf(actor, entityIds)).rows.map((e) => e.action);
    expect(await ids(c.provider, [theirs.id])).toEqual([]);
    expect(await ids(c.provider, [mine.id, theirs.id])).toEqual(["submit"]);
    expect(await ids(c.expert, [mine.id])).toEqual([]);
    expect(await ids(c.staff, [mine.id, theirs.id])).toEqual(["submit", "submit"]);
    expect((await activity(c.provider)).rows).toEqual([]);
    expect((await activity(c.staff)).rows).toHaveLength(2);
  });
});
