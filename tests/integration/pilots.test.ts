import { beforeEach, describe, expect, it } from "vitest";
import { registerPilotCredential } from "@/lib/data/pilots";
import { check, specificationVersionMachine } from "@/lib/workflow";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import { refusal } from "../support/refusal";

type Cast = Awaited<ReturnType<typeof make.cast>>;
let c: Cast;

beforeEach(async () => {
  await resetDb();
  c = await make.cast();
});

const input = (phase: string) => ({
  title: "Advanced practice in sickle cell disease",
  summary: "An existing programme from the group",
  organisationId: c.group.id,
  phase,
});
const loadCredential = (id: string) => testDb().credential.findUniqueOrThrow({ where: { id }, include: { versions: true } });
const nothingPersisted = async () => {
  expect(await testDb().credential.count()).toBe(0);
  expect(await testDb().specificationVersion.count()).toBe(0);
  expect(await testDb().auditEvent.count()).toBe(0);
};

describe("registering a pilot resource", () => {
  it("phase 2: the credential and its first draft are created and audited, and the expert group is told to draft it", async () => {
    const result = await registerPilotCredential(c.staff, input("PILOT_PHASE_2"));
    const credential = await loadCredential(result.id);
    expect(credential).toMatchObject({
      origin: "PILOT_PHASE_2",
      status: "IN_DEVELOPMENT",
      ownerOrganisationId: c.group.id,
      summary: "An existing programme from the group",
      priorityId: null,
    });
    expect(credential.reference).toMatch(/^APC-\d{4}$/);
    expect(credential.versions.map((v) => [v.number, v.status, v.createdById])).toEqual([[1, "DRAFT", c.staff.id]]);
    expect((await make.auditFor(credential.id)).map((a) => [a.entityType, a.action, a.toState, a.actorId])).toEqual([
      ["Credential", "create", "IN_DEVELOPMENT", c.staff.id],
    ]);
    expect((await make.auditFor(credential.versions[0].id)).map((a) => [a.entityType, a.action, a.toState])).toEqual([
      ["SpecificationVersion", "create", "DRAFT"],
    ]);
    const notes = await testDb().notification.findMany({ where: { link: `/credentials/${credential.id}` } });
    expect(notes.map((n) => n.userId)).toEqual([c.expert.id]);
  });

  it("phase 1: nobody is notified, and staff may write and submit its specification", async () => {
    const result = await registerPilotCredential(c.staff, { ...input("PILOT_PHASE_1"), summary: "" });
    const credential = await loadCredential(result.id);
    expect(credential).toMatchObject({ origin: "PILOT_PHASE_1", summary: null });
    expect(await testDb().notification.count()).toBe(0);
    const ctx = {
      organisationId: c.group.id,
      credentialOrigin: credential.origin,
      missingSections: [],
      reviewerCount: 0,
      submittedAssessmentCount: 0,
      actor: c.staff,
    };
    expect(check(specificationVersionMachine, "edit", "DRAFT", ctx).ok).toBe(true);
    expect(check(specificationVersionMachine, "submit", "DRAFT", ctx).ok).toBe(true);
  });

  it("each registration gets its own reference, even at the same moment", async () => {
    const [a, b] = await Promise.all([
      registerPilotCredential(c.staff, input("PILOT_PHASE_2")),
      registerPilotCredential(c.staff, input("PILOT_PHASE_1")),
    ]);
    expect(a.reference).not.toBe(b.reference);
  });

  it("only Centre staff can register a pilot resource", async () => {
    for (const who of [c.expert, c.provider, c.reviewer]) {
      const err = await refusal(registerPilotCredential(who, input("PILOT_PHASE_2")));
      expect(err).toMatchObject({ code: "NOT_ALLOWED", message: "Only Centre staff can register a pilot resource." });
    }
    await nothingPersisted();
  });

  it("the owner must be an expert group, not another kind of organisation", async () => {
    const provider = await testDb().organisation.findFirstOrThrow({ where: { kind: "EDUCATION_PROVIDER" } });
    const err = await refusal(registerPilotCredential(c.staff, { ...input("PILOT_PHASE_2"), organisationId: provider.id }));
    expect(err.fieldErrors).toEqual({ organisationId: ["Choose an expert group"] });
    await nothingPersisted();
  });

  it("bad input gets field errors and nothing is saved", async () => {
    const err = await refusal(registerPilotCredential(c.staff, { title: " ", organisationId: "", phase: "COMMISSIONED" }));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors).toEqual({
      title: ["Enter a title"],
      organisationId: ["Choose the expert group"],
      phase: ["Choose the pilot phase"],
    });
    await nothingPersisted();
  });
});
