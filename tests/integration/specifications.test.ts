import { beforeEach, describe, expect, it } from "vitest";
import {
  recallSpecificationVersion,
  saveSpecificationVersion,
  startNewVersion,
  submitSpecificationVersion,
} from "@/lib/data/specifications";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import { refusal } from "../support/refusal";
import { COMPLETE_SECTIONS, credentialWithVersion, OUTCOMES, versionRow } from "../support/specification-factory";

type Cast = Awaited<ReturnType<typeof make.cast>>;
let c: Cast;

beforeEach(async () => {
  await resetDb();
  c = await make.cast();
});

/** What the editor's form sends, as structured input (see lib/form.ts). */
const saveInput = (id: string, version: number, over: Record<string, unknown> = {}) => ({
  id,
  version,
  ...COMPLETE_SECTIONS,
  credits: "60",
  notionalHours: "600",
  academicLevel: "7",
  outcomes: OUTCOMES.map((o) => ({ text: o.text, pillars: [...o.pillars] })),
  epas: [{ title: "Chest pain pathway", description: "Risk-stratify chest pain." }],
  ...over,
});

describe("saving a draft", () => {
  it("the owning expert replaces sections, outcomes and EPAs in one audited save", async () => {
    const { version } = await credentialWithVersion(c.group.id, { complete: false });
    const result = await saveSpecificationVersion(
      c.expert,
      saveInput(version.id, 1, {
        outcomes: [
          { text: "Lead the unit", pillars: ["LEADERSHIP_AND_MANAGEMENT", "EDUCATION"] },
          { text: "Research", pillars: "RESEARCH" },
        ],
        deliveryModes: "Online",
      }),
    );
    expect(result).toMatchObject({ from: "DRAFT", to: "DRAFT", version: 2 });
    const row = await versionRow(version.id);
    expect(row).toMatchObject({ credits: 60, notionalHours: 600, deliveryModes: ["Online"], evidenceBase: COMPLETE_SECTIONS.evidenceBase });
    expect(row.learningOutcomes.map((o) => [o.position, o.text, o.pillars])).toEqual([
      [1, "Lead the unit", ["LEADERSHIP_AND_MANAGEMENT", "EDUCATION"]],
      [2, "Research", ["RESEARCH"]],
    ]);
    expect(row.epas.map((e) => e.title)).toEqual(["Chest pain pathway"]);
    const audit = await make.auditFor(version.id);
    expect(audit.map((a) => [a.action, a.fromState, a.toState, a.actorId])).toEqual([["edit", "DRAFT", "DRAFT", c.expert.id]]);
  });

  it("names the target group's professions from the list, ticked by id, and says the target group changed", async () => {
    const { version } = await credentialWithVersion(c.group.id, { complete: false });
    const [nursing, pharmacy] = [await make.profession("Nursing", "NMC"), await make.profession("Pharmacy", "GPhC")];
    await saveSpecificationVersion(c.expert, saveInput(version.id, 1, { targetProfessions: [pharmacy.id, nursing.id, nursing.id] }));
    const named = await testDb().targetProfession.findMany({
      where: { specificationVersionId: version.id },
      select: { professionId: true },
    });
    expect(named.map((t) => t.professionId).sort()).toEqual([nursing.id, pharmacy.id].sort());
    await saveSpecificationVersion(c.expert, saveInput(version.id, 2, { targetProfessions: pharmacy.id }));
    expect(await testDb().targetProfession.findMany({ where: { specificationVersionId: version.id } })).toEqual([
      { specificationVersionId: version.id, professionId: pharmacy.id },
    ]);
    expect((await make.auditFor(version.id)).at(-1)?.data).toMatchObject({ changedSections: ["targetProfessions"] });
  });

  it("refuses an unknown or retired target profession by the field and writes nothing, but keeps one the version already names", async () => {
    const { version } = await credentialWithVersion(c.group.id, { complete: false });
    const nursing = await make.profession("Nursing", "NMC");
    const retired = await testDb().profession.create({ data: { name: "Orthoptics", regulator: "HCPC", retiredAt: new Date() } });
    for (const ids of [["no-such-profession"], [nursing.id, retired.id]]) {
      const err = await refusal(saveSpecificationVersion(c.expert, saveInput(version.id, 1, { targetProfessions: ids, credits: "90" })));
      expect(err.fieldErrors?.targetProfessions).toEqual(["Choose professions from the list"]);
    }
    expect(await versionRow(version.id)).toMatchObject({ version: 1, credits: null });
    expect(await testDb().targetProfession.count()).toBe(0);
    await testDb().targetProfession.create({ data: { specificationVersionId: version.id, professionId: retired.id } });
    await saveSpecificationVersion(c.expert, saveInput(version.id, 1, { targetProfessions: [nursing.id, retired.id] }));
    expect(await testDb().targetProfession.count({ where: { specificationVersionId: version.id } })).toBe(2);
  });

  it("names the sections a save changed, without copying their texts", async () => {
    const { version } = await credentialWithVersion(c.group.id);
    await saveSpecificationVersion(c.expert, saveInput(version.id, 1));
    await saveSpecificationVersion(c.expert, saveInput(version.id, 2, { evidenceBase: "A new systematic review.", epas: [] }));
    const second = (await make.auditFor(version.id)).at(-1)!;
    expect((second.data as { changedSections: string[] }).changedSections).toEqual(["evidenceBase", "epas"]);
  });

  it("keeps the sections the authors marked completed, and says which section's own Save button was pressed", async () => {
    const { version } = await credentialWithVersion(c.group.id);
    const result = await saveSpecificationVersion(
      c.expert,
      saveInput(version.id, 1, { completedSections: ["purposeAndScope", "targetGroup"], savedSection: "targetGroup" }),
    );
    expect(result.savedSection).toBe("targetGroup");
    expect((await versionRow(version.id)).completedSections).toEqual(["purposeAndScope", "targetGroup"]);
    // One box ticked arrives as a single value; unticking every box clears the marks.
    await saveSpecificationVersion(c.expert, saveInput(version.id, 2, { completedSections: "evidenceBase" }));
    expect((await versionRow(version.id)).completedSections).toEqual(["evidenceBase"]);
    expect((await saveSpecificationVersion(c.expert, saveInput(version.id, 3))).savedSection).toBeNull();
    expect((await versionRow(version.id)).completedSections).toEqual([]);
    const unknown = await refusal(saveSpecificationVersion(c.expert, saveInput(version.id, 4, { completedSections: ["notASection"] })));
    expect(unknown.fieldErrors?.["completedSections.0"]).toEqual(["Choose sections from the list"]);
  });

  it("is lenient about empty sections, and defaults the academic level to 7", async () => {
    const { version } = await credentialWithVersion(c.group.id);
    await saveSpecificationVersion(c.expert, { id: version.id, version: 1, purposeAndScope: "", academicLevel: "", credits: "" });
    const row = await versionRow(version.id);
    expect(row).toMatchObject({ purposeAndScope: "", academicLevel: 7, credits: null, deliveryModes: [] });
    expect(row.learningOutcomes).toEqual([]);
  });

  it("applies a list button pressed without JavaScript: move, remove and add", async () => {
    const { version } = await credentialWithVersion(c.group.id);
    await saveSpecificationVersion(c.expert, saveInput(version.id, 1, { intent: "move:outcomes:1:up" }));
    expect((await versionRow(version.id)).learningOutcomes.map((o) => o.text)).toEqual([OUTCOMES[1].text, OUTCOMES[0].text]);
    await saveSpecificationVersion(c.expert, saveInput(version.id, 2, { intent: "remove:outcomes:0" }));
    expect((await versionRow(version.id)).learningOutcomes.map((o) => o.text)).toEqual([OUTCOMES[1].text]);
    await saveSpecificationVersion(c.expert, saveInput(version.id, 3, { intent: "add:epas" }));
    expect((await versionRow(version.id)).epas.map((e) => e.title)).toEqual(["Chest pain pathway", ""]);
  });

  it("bad input gets field errors by field and row, and persists nothing", async () => {
    const { version } = await credentialWithVersion(c.group.id);
    const err = await refusal(
      saveSpecificationVersion(
        c.expert,
        saveInput(version.id, 1, {
          credits: "sixty",
          notionalHours: "-5",
          outcomes: [
            { text: "Fine", pillars: [] },
            { text: "x".repeat(2001), pillars: ["ASTROLOGY"] },
          ],
        }),
      ),
    );
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors?.credits).toEqual(["Credits must be a number"]);
    expect(err.fieldErrors?.notionalHours?.[0]).toMatch(/1 or more/);
    expect(err.fieldErrors?.["outcomes.1.text"]).toEqual(["Must be 2000 characters or fewer"]);
    expect(err.fieldErrors?.["outcomes.1.pillars.0"]).toBeDefined();
    const row = await versionRow(version.id);
    expect(row.version).toBe(1);
    expect(row.learningOutcomes.map((o) => o.text)).toEqual(OUTCOMES.map((o) => o.text));
    expect(await make.auditFor(version.id)).toEqual([]);
  });

  it("a stale save is refused and the newer text stays", async () => {
    const { version } = await credentialWithVersion(c.group.id);
    await saveSpecificationVersion(c.expert, saveInput(version.id, 1, { evidenceBase: "Saved first by a colleague" }));
    const err = await refusal(saveSpecificationVersion(c.expert, saveInput(version.id, 1, { evidenceBase: "Typed on an old page" })));
    expect(err.code).toBe("STALE_VERSION");
    expect(err.message).toMatch(/changed by someone else/);
    const row = await versionRow(version.id);
    expect(row).toMatchObject({ version: 2, evidenceBase: "Saved first by a colleague" });
    expect(await make.auditFor(version.id)).toHaveLength(1);
  });

  it("a submitted version cannot be edited", async () => {
    const { version } = await credentialWithVersion(c.group.id, { status: "SUBMITTED" });
    const err = await refusal(saveSpecificationVersion(c.expert, saveInput(version.id, 1)));
    expect(err.code).toBe("WRONG_STATE");
    expect(err.message).toMatch(/Submitted/);
  });

  it("an expert of another group cannot see the draft; a reviewer or provider cannot write it", async () => {
    const { version } = await credentialWithVersion(c.group.id);
    expect((await refusal(saveSpecificationVersion(c.otherExpert, saveInput(version.id, 1)))).code).toBe("NOT_FOUND");
    expect((await refusal(saveSpecificationVersion(c.reviewer, saveInput(version.id, 1)))).code).toBe("NOT_FOUND");
    expect((await refusal(saveSpecificationVersion(c.provider, saveInput(version.id, 1)))).code).toBe("NOT_FOUND");
  });

  it("staff write only the specification of a pilot phase 1 credential", async () => {
    const commissioned = await credentialWithVersion(c.group.id);
    const err = await refusal(saveSpecificationVersion(c.staff, saveInput(commissioned.version.id, 1)));
    expect(err.code).toBe("GUARD_FAILED");
    expect(err.message).toMatch(/pilot phase 1/);
    const pilot = await credentialWithVersion(c.group.id, { origin: "PILOT_PHASE_1" });
    await expect(saveSpecificationVersion(c.staff, saveInput(pilot.version.id, 1))).resolves.toMatchObject({ version: 2 });
  });
});

describe("submitting and recalling", () => {
  it("a complete draft is submitted, audited, and Centre staff are told", async () => {
    const { version } = await credentialWithVersion(c.group.id);
    const result = await submitSpecificationVersion(c.expert, { id: version.id, version: 1 });
    expect(result).toMatchObject({ from: "DRAFT", to: "SUBMITTED" });
    const row = await versionRow(version.id);
    expect(row.status).toBe("SUBMITTED");
    expect(row.submittedAt).not.toBeNull();
    expect((await make.auditFor(version.id)).map((a) => a.action)).toEqual(["submit"]);
    expect(await testDb().notification.count({ where: { userId: c.staff.id } })).toBe(1);
  });

  it("an incomplete draft is refused with each missing section, and stays a draft", async () => {
    const { version } = await credentialWithVersion(c.group.id, { complete: false });
    await saveSpecificationVersion(
      c.expert,
      saveInput(version.id, 1, { evidenceBase: "", outcomes: [{ text: "No pillar yet", pillars: [] }] }),
    );
    const err = await refusal(submitSpecificationVersion(c.expert, { id: version.id, version: 2 }));
    expect(err.code).toBe("GUARD_FAILED");
    expect(err.message).toBe(
      "Complete these sections before submitting: Area-specific capabilities (learning outcomes) and Evidence base.",
    );
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(["learningOutcomes", "evidenceBase"]);
    expect((await versionRow(version.id)).status).toBe("DRAFT");
    expect(await testDb().notification.count()).toBe(0);
  });

  it("a revision needs a change summary before it can be submitted", async () => {
    const { version } = await credentialWithVersion(c.group.id, { number: 2 });
    const err = await refusal(submitSpecificationVersion(c.expert, { id: version.id, version: 1 }));
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(["changeSummary"]);
  });

  it("the owning expert recalls a submission; staff cannot", async () => {
    const { version } = await credentialWithVersion(c.group.id, { status: "SUBMITTED" });
    expect((await refusal(recallSpecificationVersion(c.staff, { id: version.id, version: 1 }))).code).toBe("NOT_ALLOWED");
    await recallSpecificationVersion(c.expert, { id: version.id, version: 1, reason: "Fix a typo" });
    expect((await versionRow(version.id)).status).toBe("DRAFT");
    expect((await make.auditFor(version.id)).at(-1)).toMatchObject({ action: "recall", toState: "DRAFT", reason: "Fix a typo" });
  });
});

describe("starting a new version", () => {
  it("after changes were requested, copies every section, target profession, outcome and EPA into version 2", async () => {
    const { credential, version } = await credentialWithVersion(c.group.id, { status: "CHANGES_REQUESTED" });
    const nursing = await make.profession("Nursing", "NMC");
    await testDb().targetProfession.create({ data: { specificationVersionId: version.id, professionId: nursing.id } });
    const created = await startNewVersion(c.expert, { id: version.id, version: 1 });
    expect(created).toMatchObject({ credentialId: credential.id, number: 2 });
    const row = await versionRow(created.id);
    expect(row).toMatchObject({ status: "DRAFT", basedOnId: version.id, credits: 60, changeSummary: "", createdById: c.expert.id });
    expect(row.learningOutcomes.map((o) => [o.text, o.pillars])).toEqual(OUTCOMES.map((o) => [o.text, o.pillars]));
    expect(row.epas.map((e) => e.title)).toEqual(["Chest pain pathway"]);
    expect(
      await testDb().targetProfession.findMany({ where: { specificationVersionId: created.id }, select: { professionId: true } }),
    ).toEqual([{ professionId: nursing.id }]);
    expect((await make.auditFor(created.id)).map((a) => [a.action, a.toState])).toEqual([["create", "DRAFT"]]);
  });

  it("is allowed when an endorsed credential needs revision after periodic review", async () => {
    const { version } = await credentialWithVersion(c.group.id, { status: "ENDORSED", credentialStatus: "REVISION_REQUIRED" });
    await expect(startNewVersion(c.expert, { id: version.id, version: 1 })).resolves.toMatchObject({ number: 2 });
  });

  it("is refused while the latest version is a draft, for another group, and for an older version", async () => {
    const draft = await credentialWithVersion(c.group.id);
    expect((await refusal(startNewVersion(c.expert, { id: draft.version.id, version: 1 }))).code).toBe("WRONG_STATE");
    const asked = await credentialWithVersion(c.group.id, { status: "CHANGES_REQUESTED" });
    expect((await refusal(startNewVersion(c.otherExpert, { id: asked.version.id, version: 1 }))).code).toBe("NOT_FOUND");
    expect((await refusal(startNewVersion(c.reviewer, { id: asked.version.id, version: 1 }))).code).toBe("NOT_FOUND");
    await startNewVersion(c.expert, { id: asked.version.id, version: 1 });
    expect((await refusal(startNewVersion(c.expert, { id: asked.version.id, version: 1 }))).code).toBe("STALE_VERSION");
  });

  it("of two concurrent starts exactly one creates the version", async () => {
    const { credential, version } = await credentialWithVersion(c.group.id, { status: "CHANGES_REQUESTED" });
    const results = await Promise.allSettled([
      startNewVersion(c.expert, { id: version.id, version: 1 }),
      startNewVersion(c.expert, { id: version.id, version: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected?.reason.code).toBe("STALE_VERSION");
    expect(await testDb().specificationVersion.count({ where: { credentialId: credential.id } })).toBe(2);
  });
});
