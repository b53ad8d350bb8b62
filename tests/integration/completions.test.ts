import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { badge, toOpenBadge } from "@/lib/data/badges";
import { getCompletion, listCompletions, recogniseCompletion, recordCompletion, revokeCompletion } from "@/lib/data/completions";
import { deliveryPlanMachine } from "@/lib/workflow";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import * as plans from "../support/delivery-factory";
import { refusal } from "../support/refusal";

type Cast = Awaited<ReturnType<typeof plans.deliveryCast>>;
let c: Cast;
let credential: Awaited<ReturnType<typeof plans.endorsedCredential>>;
let physiotherapy: Awaited<ReturnType<typeof make.profession>>;

beforeEach(async () => {
  await resetDb();
  c = await plans.deliveryCast();
  credential = await plans.endorsedCredential("ENDORSED", 2);
  physiotherapy = await make.profession("Physiotherapy");
});

const input = (planId: string, over: Record<string, unknown> = {}) => ({
  planId,
  practitionerName: "Rachel Adeyemi",
  registration: "PH118842",
  professionId: physiotherapy.id,
  completedOn: "2026-06-30",
  ...over,
});

afterEach(() => vi.unstubAllEnvs());

const approvedPlan = () => plans.plan(credential, c.providerOrg.id, "APPROVED");

describe("recording a completion", () => {
  it("a provider records a completion against their approved plan: RECORDED, audited, staff told", async () => {
    const plan = await approvedPlan();
    const done = await recordCompletion(c.provider, input(plan.id));
    const row = await testDb().completion.findUniqueOrThrow({ where: { id: done.id } });
    expect(row).toMatchObject({
      status: "RECORDED",
      version: 1,
      planId: plan.id,
      organisationId: c.providerOrg.id,
      credentialId: credential.id,
      practitionerName: "Rachel Adeyemi",
      registration: "PH118842",
      profession: "Physiotherapy",
      completedOn: new Date("2026-06-30"),
      badgeId: null,
    });
    expect((await make.auditFor(done.id)).map((a) => [a.action, a.toState, a.actorId])).toEqual([["create", "RECORDED", c.provider.id]]);
    const told = await plans.notificationsFor(c.staff.id);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ title: "Completion to recognise: Rachel Adeyemi", link: `/completions/${done.id}` });
  });

  it("plans approved with conditions and closed plans accept completions", async () => {
    for (const status of ["APPROVED_WITH_CONDITIONS", "CLOSED"] as const) {
      const plan = await plans.plan(credential, c.providerOrg.id, status);
      await recordCompletion(c.provider, input(plan.id));
    }
    expect(await testDb().completion.count()).toBe(2);
  });

  it("a completion locks its plan while it is recorded: the plan's version moves on and its audit says why", async () => {
    const plan = await approvedPlan();
    await recordCompletion(c.provider, input(plan.id));
    expect((await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: plan.id } })).version).toBe(plan.version + 1);
    expect((await make.auditFor(plan.id)).map((a) => [a.action, a.fromState, a.toState])).toEqual([
      ["recordCompletion", "APPROVED", "APPROVED"],
    ]);
  });

  it("a practitioner's name with a line break is refused, so it cannot add headers to the e-mail staff are sent", async () => {
    const plan = await approvedPlan();
    const refused = await refusal(
      recordCompletion(c.provider, input(plan.id, { practitionerName: "Rachel Adeyemi\r\nBcc: attacker@example.com" })),
    );
    expect(refused.code).toBe("INVALID_INPUT");
    expect(refused.fieldErrors?.practitionerName).toBeDefined();
    expect(await testDb().completion.count()).toBe(0);
    expect(await testDb().emailOutbox.count()).toBe(0);
  });

  it("only providers record completions", async () => {
    const plan = await approvedPlan();
    expect((await refusal(recordCompletion(c.staff, input(plan.id)))).code).toBe("NOT_ALLOWED");
    expect((await refusal(recordCompletion(c.expert, input(plan.id)))).code).toBe("NOT_ALLOWED");
    expect(await testDb().completion.count()).toBe(0);
  });

  it("another provider's plan is not found", async () => {
    const plan = await approvedPlan();
    expect((await refusal(recordCompletion(c.otherProvider, input(plan.id)))).code).toBe("NOT_FOUND");
    expect(await testDb().completion.count()).toBe(0);
  });

  it("a plan that is not approved is refused as the wrong state", async () => {
    for (const status of ["DRAFT", "SUBMITTED", "SUSPENDED", "REJECTED"] as const) {
      const plan = await plans.plan(credential, c.providerOrg.id, status);
      const err = await refusal(recordCompletion(c.provider, input(plan.id)));
      expect(err.code).toBe("WRONG_STATE");
      expect(err.message).toBe(`This delivery plan is ${deliveryPlanMachine.labels[status]}, so it cannot be given completions.`);
    }
    expect(await testDb().completion.count()).toBe(0);
  });

  it("bad input gets field errors and persists nothing", async () => {
    const plan = await approvedPlan();
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const err = await refusal(recordCompletion(c.provider, input(plan.id, { practitionerName: " ", completedOn: future })));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors).toMatchObject({
      practitionerName: ["Enter the practitioner's full name"],
      completedOn: ["The completion date must be today or in the past"],
    });
    const empty = await refusal(recordCompletion(c.provider, {}));
    expect(Object.keys(empty.fieldErrors ?? {}).sort()).toEqual(["completedOn", "planId", "practitionerName"]);
    const bad = await refusal(recordCompletion(c.provider, input("", { completedOn: "someday", registration: "PH<1>" })));
    expect(bad.fieldErrors).toMatchObject({
      planId: ["Choose the delivery plan"],
      completedOn: ["The completion date must be a real date"],
      registration: ["Professional registration number must contain only letters, numbers, spaces, hyphens and slashes"],
    });
    expect(await testDb().completion.count()).toBe(0);
    expect(await testDb().auditEvent.count()).toBe(0);
    expect(await testDb().notification.count()).toBe(0);
  });
});

describe("recognising and revoking", () => {
  const recorded = async () => recordCompletion(c.provider, input((await approvedPlan()).id));

  it("staff recognise a completion: a badge id and date, audited, the provider told", async () => {
    const { id } = await recorded();
    const result = await recogniseCompletion(c.staff, { id, version: "1" });
    expect(result).toMatchObject({ from: "RECORDED", to: "RECOGNISED", version: 2 });
    const row = await testDb().completion.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("RECOGNISED");
    expect(row.badgeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(row.badgeId).toBe(result.badgeId);
    expect(row.recognisedAt).toBeInstanceOf(Date);
    expect((await make.auditFor(id)).map((a) => [a.action, a.fromState, a.toState, a.actorId])).toEqual([
      ["create", null, "RECORDED", c.provider.id],
      ["recognise", "RECORDED", "RECOGNISED", c.staff.id],
    ]);
    const told = await plans.notificationsFor(c.colleague.id);
    expect(told.map((n) => n.title)).toEqual(["Completion recognised: Rachel Adeyemi"]);
  });

  it("providers cannot recognise or revoke", async () => {
    const { id } = await recorded();
    expect((await refusal(recogniseCompletion(c.provider, { id, version: 1 }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(revokeCompletion(c.provider, { id, version: 1, reason: "Mistake" }))).code).toBe("NOT_ALLOWED");
    expect(await testDb().completion.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "RECORDED", version: 1, badgeId: null });
  });

  it("a stale version is refused and changes nothing", async () => {
    const { id } = await recorded();
    await recogniseCompletion(c.staff, { id, version: 1 });
    const err = await refusal(revokeCompletion(c.staff, { id, version: 1, reason: "Recorded in error" }));
    expect(err.code).toBe("STALE_VERSION");
    expect((await testDb().completion.findUniqueOrThrow({ where: { id } })).status).toBe("RECOGNISED");
  });

  it("a recognised completion cannot be recognised again", async () => {
    const { id } = await recorded();
    const { badgeId } = await recogniseCompletion(c.staff, { id, version: 1 });
    expect((await refusal(recogniseCompletion(c.staff, { id, version: 2 }))).code).toBe("WRONG_STATE");
    expect((await testDb().completion.findUniqueOrThrow({ where: { id } })).badgeId).toBe(badgeId);
  });

  it("revoking needs a reason, keeps the badge id and marks it revoked", async () => {
    const { id } = await recorded();
    const { badgeId } = await recogniseCompletion(c.staff, { id, version: 1 });
    const err = await refusal(revokeCompletion(c.staff, { id, version: 2, reason: " " }));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors).toMatchObject({ reason: ["Enter a reason for revoking this completion"] });
    await revokeCompletion(c.staff, { id, version: 2, reason: "Recorded in error by the provider" });
    expect(await testDb().completion.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "REVOKED",
      reason: "Recorded in error by the provider",
      badgeId,
    });
    const last = (await make.auditFor(id)).at(-1);
    expect(last).toMatchObject({
      action: "revoke",
      fromState: "RECOGNISED",
      toState: "REVOKED",
      reason: "Recorded in error by the provider",
    });
    expect((await badge(badgeId))?.status).toBe("REVOKED");
    expect((await refusal(revokeCompletion(c.staff, { id, version: 3, reason: "Again" }))).code).toBe("WRONG_STATE");
  });
});

describe("reads and the badge", () => {
  it("providers see their own organisation's completions; staff see all", async () => {
    const { id } = await recordCompletion(c.provider, input((await approvedPlan()).id));
    expect((await listCompletions(c.colleague)).total).toBe(1);
    expect((await listCompletions(c.otherProvider)).total).toBe(0);
    expect(await getCompletion(c.otherProvider, id)).toBeNull();
    expect((await refusal(recogniseCompletion(c.otherProvider, { id, version: 1 }))).code).toBe("NOT_FOUND");
    expect((await listCompletions(c.expert)).total).toBe(0);
    expect((await listCompletions(c.staff, { status: "RECORDED" })).total).toBe(1);
    expect((await listCompletions(c.staff, { status: "RECOGNISED" })).total).toBe(0);
  });

  it("a recorded completion has no badge; a recognised one is an Open Badges 3.0 credential", async () => {
    const { id } = await recordCompletion(c.provider, input((await approvedPlan()).id));
    const { badgeId } = await recogniseCompletion(c.staff, { id, version: 1 });
    const b = await badge(badgeId);
    expect(b).not.toBeNull();
    vi.stubEnv("APP_URL", "https://apc.example");
    const json = toOpenBadge(b!);
    expect(json).toMatchObject({
      "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
      id: `https://apc.example/badges/${badgeId}/credential`,
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      issuer: { id: "https://apc.example/badges/issuer", type: ["Profile"], name: "NHS England – Centre for Advancing Practice" },
      validFrom: b!.recognisedAt.toISOString(),
      credentialSubject: {
        type: ["AchievementSubject"],
        activityEndDate: "2026-06-30",
        achievement: {
          type: ["Achievement"],
          name: `${credential.reference} ${credential.title}`,
          description: expect.any(String),
          criteria: { narrative: expect.stringContaining("Completed the credential") },
        },
      },
    });
    expect(JSON.stringify(json)).not.toContain("PH118842");
    expect(JSON.stringify(json)).not.toContain("Rachel Adeyemi");
    // The Centre never uses "credential" as a verb.
    expect(JSON.stringify(json).toLowerCase()).not.toMatch(/credential(ed|ing)\b/);
    expect(await badge("not-a-badge")).toBeNull();
  });
});
