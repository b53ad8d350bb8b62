import { beforeEach, describe, expect, it } from "vitest";
import { coverageMatrixOf, saveOutcomeCapabilities, saveUncoveredCapabilities, updateCoreCapability } from "@/lib/data/capability-mapping";
import { acceptCommission } from "@/lib/data/commissions";
import { saveSpecificationVersion, startNewVersion, submitSpecificationVersion } from "@/lib/data/specifications";
import { missingCapabilities } from "@/lib/workflow";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import { refusal } from "../support/refusal";
import { COMPLETE_SECTIONS, credentialWithVersion } from "../support/specification-factory";

type Cast = Awaited<ReturnType<typeof make.cast>>;
let c: Cast;

beforeEach(async () => {
  await resetDb();
  c = await make.cast();
});

const EDITION_2017 = "mpf-2017";
const cap = (number: string, edition = EDITION_2017) => `${edition}-${number.replace(".", "-")}`;

/** A complete draft whose capabilities are not yet mapped or accounted for. */
async function unmappedDraft(organisationId = c.group.id) {
  const made = await credentialWithVersion(organisationId);
  await testDb().uncoveredCapability.deleteMany({ where: { specificationVersionId: made.version.id } });
  const outcomes = await testDb().learningOutcome.findMany({
    where: { specificationVersionId: made.version.id },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  return { ...made, outcomeIds: outcomes.map((o) => o.id) };
}

const lockOf = async (id: string) =>
  (await testDb().specificationVersion.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

/** Every 2017 capability but those listed, as the form sends them, marked out of scope. */
async function allOutOfScopeExcept(except: readonly string[]) {
  const all = await testDb().coreCapability.findMany({ where: { editionId: EDITION_2017 }, orderBy: { position: "asc" } });
  return all.filter((x) => !except.includes(x.number)).map((x) => ({ capabilityId: x.id, disposition: "OUT_OF_SCOPE" }));
}

describe("mapping an outcome to core capabilities", () => {
  it("the owning expert group maps an outcome, audited on the version, and the matrix shows it", async () => {
    const { credential, version, outcomeIds } = await unmappedDraft();
    const result = await saveOutcomeCapabilities(c.expert, {
      id: version.id,
      version: 1,
      outcomeId: outcomeIds[0],
      capabilities: { outcome1: { CLINICAL_PRACTICE: [cap("1.4"), cap("1.6")], RESEARCH: cap("4.3") } },
    });
    expect(result).toMatchObject({ from: "DRAFT", to: "DRAFT", version: 2 });
    const matrix = (await coverageMatrixOf(c.expert, credential.id, 1))!;
    expect(matrix.edition).toMatchObject({ id: EDITION_2017, year: 2017 });
    expect(matrix.coverage).toHaveLength(38);
    const covered = matrix.coverage.filter((x) => x.status === "COVERED");
    expect(covered.map((x) => [x.capability.number, x.outcomes])).toEqual([
      ["1.4", [1]],
      ["1.6", [1]],
      ["4.3", [1]],
    ]);
    expect(missingCapabilities(matrix.coverage)).toHaveLength(35);
    const audit = (await make.auditFor(version.id)).at(-1)!;
    expect(audit).toMatchObject({ action: "edit", actorId: c.expert.id });
    expect(audit.data).toEqual({ capabilityMapping: { outcome: 1, capabilities: ["1.4", "1.6", "4.3"] } });
  });

  it("replaces the outcome's earlier mapping rather than adding to it", async () => {
    const { credential, version, outcomeIds } = await unmappedDraft();
    const save = (v: number, ids: string[]) =>
      saveOutcomeCapabilities(c.expert, {
        id: version.id,
        version: v,
        outcomeId: outcomeIds[1],
        capabilities: { outcome2: { LEADERSHIP_AND_MANAGEMENT: ids } },
      });
    await save(1, [cap("2.1"), cap("2.8")]);
    await save(2, [cap("2.8")]);
    const matrix = (await coverageMatrixOf(c.expert, credential.id, 1))!;
    expect(matrix.coverage.filter((x) => x.status === "COVERED").map((x) => [x.capability.number, x.outcomes])).toEqual([["2.8", [2]]]);
  });

  it("another expert group cannot map this group's outcomes, and is told it does not exist", async () => {
    const { version, outcomeIds } = await unmappedDraft();
    const err = await refusal(
      saveOutcomeCapabilities(c.otherExpert, {
        id: version.id,
        version: 1,
        outcomeId: outcomeIds[0],
        capabilities: { outcome1: { CLINICAL_PRACTICE: [cap("1.1")] } },
      }),
    );
    expect(err.code).toBe("NOT_FOUND");
    expect(await testDb().outcomeCapability.count()).toBe(0);
  });

  it("staff cannot map a commissioned credential's outcomes: the expert group writes it", async () => {
    const { version, outcomeIds } = await unmappedDraft();
    const err = await refusal(saveOutcomeCapabilities(c.staff, { id: version.id, version: 1, outcomeId: outcomeIds[0], capabilities: {} }));
    expect(err).toMatchObject({ code: "GUARD_FAILED" });
  });

  it("refuses a capability of another edition, and an outcome of another version, writing nothing", async () => {
    const { version, outcomeIds } = await unmappedDraft();
    const other = await unmappedDraft();
    const wrongEdition = await refusal(
      saveOutcomeCapabilities(c.expert, {
        id: version.id,
        version: 1,
        outcomeId: outcomeIds[0],
        capabilities: { outcome1: { CLINICAL_PRACTICE: [cap("1.1", "mpf-2025")] } },
      }),
    );
    expect(wrongEdition).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { capabilities: ["Choose capabilities from the list"] } });
    const wrongOutcome = await refusal(
      saveOutcomeCapabilities(c.expert, { id: version.id, version: 1, outcomeId: other.outcomeIds[0], capabilities: {} }),
    );
    expect(wrongOutcome.code).toBe("NOT_FOUND");
    expect(await testDb().outcomeCapability.count()).toBe(0);
    expect(await lockOf(version.id)).toBe(1);
  });

  it("refuses a mapping made on a stale page", async () => {
    const { version, outcomeIds } = await unmappedDraft();
    await saveOutcomeCapabilities(c.expert, { id: version.id, version: 1, outcomeId: outcomeIds[0], capabilities: {} });
    const err = await refusal(
      saveOutcomeCapabilities(c.expert, {
        id: version.id,
        version: 1,
        outcomeId: outcomeIds[0],
        capabilities: { outcome1: { CLINICAL_PRACTICE: [cap("1.1")] } },
      }),
    );
    expect(err.code).toBe("STALE_VERSION");
  });

  it("a submitted version's mapping can no longer change", async () => {
    const { version } = await credentialWithVersion(c.group.id, { status: "SUBMITTED" });
    const [outcome] = await testDb().learningOutcome.findMany({ where: { specificationVersionId: version.id } });
    const err = await refusal(saveOutcomeCapabilities(c.expert, { id: version.id, version: 1, outcomeId: outcome!.id, capabilities: {} }));
    expect(err.code).toBe("WRONG_STATE");
  });
});

describe("capabilities no outcome covers", () => {
  it("links to other provision must say where; nothing is written until they do", async () => {
    const { version } = await unmappedDraft();
    const err = await refusal(
      saveUncoveredCapabilities(c.expert, {
        id: version.id,
        version: 1,
        uncovered: [{ capabilityId: cap("1.1"), disposition: "OTHER_PROVISION", provision: " " }],
      }),
    );
    expect(err).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { "uncovered.0.provision": ["Say where practitioners meet this capability"] },
    });
    expect(await testDb().uncoveredCapability.count()).toBe(0);
  });

  it("a capability left unanswered clears what was said about it", async () => {
    const { credential, version } = await unmappedDraft();
    await saveUncoveredCapabilities(c.expert, {
      id: version.id,
      version: 1,
      uncovered: [
        { capabilityId: cap("1.1"), disposition: "OTHER_PROVISION", provision: "Core MSc programme" },
        { capabilityId: cap("1.2"), disposition: "OUT_OF_SCOPE" },
      ],
    });
    await saveUncoveredCapabilities(c.expert, {
      id: version.id,
      version: 2,
      uncovered: [
        { capabilityId: cap("1.1"), disposition: "OTHER_PROVISION", provision: "Core MSc programme" },
        { capabilityId: cap("1.2"), disposition: "" },
      ],
    });
    const matrix = (await coverageMatrixOf(c.expert, credential.id, 1))!;
    const [c11, c12] = matrix.coverage;
    expect(c11).toMatchObject({ status: "OTHER_PROVISION", provision: "Core MSc programme" });
    expect(c12).toMatchObject({ status: "MISSING" });
  });
});

describe("submitting with the capability framework", () => {
  it("is refused while capabilities are unaccounted for, naming them, then allowed once every one is covered or accounted for", async () => {
    const { version, outcomeIds } = await unmappedDraft();
    await saveOutcomeCapabilities(c.expert, {
      id: version.id,
      version: 1,
      outcomeId: outcomeIds[0],
      capabilities: { outcome1: { CLINICAL_PRACTICE: [cap("1.4")] } },
    });
    await saveUncoveredCapabilities(c.expert, { id: version.id, version: 2, uncovered: await allOutOfScopeExcept(["1.4", "2.8", "4.3"]) });

    const refused = await refusal(submitSpecificationVersion(c.expert, { id: version.id, version: 3 }));
    expect(refused).toMatchObject({ code: "GUARD_FAILED" });
    expect(refused.message).toMatch(/Still missing: 2\.8 and 4\.3\.$/);
    expect((await testDb().specificationVersion.findUniqueOrThrow({ where: { id: version.id } })).status).toBe("DRAFT");

    await saveUncoveredCapabilities(c.expert, {
      id: version.id,
      version: 3,
      uncovered: [
        ...(await allOutOfScopeExcept(["1.4", "2.8", "4.3"])),
        { capabilityId: cap("2.8"), disposition: "OTHER_PROVISION", provision: "The trust's leadership programme." },
        { capabilityId: cap("4.3"), disposition: "OUT_OF_SCOPE" },
      ],
    });
    await expect(submitSpecificationVersion(c.expert, { id: version.id, version: 4 })).resolves.toMatchObject({ to: "SUBMITTED" });
  });
});

describe("editions and what keeps the mapping", () => {
  it("a new credential's first version is drafted against the current edition", async () => {
    const round = await make.round("OPEN");
    const p = await make.priority(round.id, { status: "PUBLISHED", gatewayOutcome: "PASSED" });
    const commission = await make.commission(p.id, c.group.id, c.staff.id, "ISSUED");
    const accepted = await acceptCommission(c.expert, { id: commission.id, version: commission.version });
    const v = await testDb().specificationVersion.findFirstOrThrow({ where: { credentialId: accepted.credentialId } });
    expect(v.frameworkEditionId).toBe("mpf-2025");
  });

  it("saving the editor keeps each outcome's mapping when it sends the outcome's id back, even after a move", async () => {
    const { credential, version, outcomeIds } = await unmappedDraft();
    await saveOutcomeCapabilities(c.expert, {
      id: version.id,
      version: 1,
      outcomeId: outcomeIds[0],
      capabilities: { outcome1: { CLINICAL_PRACTICE: [cap("1.4")] } },
    });
    await saveSpecificationVersion(c.expert, {
      id: version.id,
      version: 2,
      ...COMPLETE_SECTIONS,
      credits: "60",
      notionalHours: "600",
      academicLevel: "7",
      outcomes: [
        { text: "A new first outcome", pillars: ["RESEARCH"] },
        { id: outcomeIds[0], text: "Assess adults, reworded", pillars: ["CLINICAL_PRACTICE"] },
      ],
    });
    const matrix = (await coverageMatrixOf(c.expert, credential.id, 1))!;
    expect(matrix.outcomes.map((o) => o.text)).toEqual(["A new first outcome", "Assess adults, reworded"]);
    expect(matrix.coverage.find((x) => x.capability.number === "1.4")!.outcomes).toEqual([2]);
    // The outcome left out of the save is gone, with its mapping.
    expect(await testDb().learningOutcome.count({ where: { id: outcomeIds[1] } })).toBe(0);
  });

  it("a revision copies the edition, the outcomes' mapping and what was said about uncovered capabilities", async () => {
    const { credential, version } = await credentialWithVersion(c.group.id, { status: "CHANGES_REQUESTED" });
    const [outcome] = await testDb().learningOutcome.findMany({
      where: { specificationVersionId: version.id },
      orderBy: { position: "asc" },
    });
    await testDb().outcomeCapability.create({ data: { learningOutcomeId: outcome!.id, coreCapabilityId: cap("1.4") } });
    await startNewVersion(c.expert, { id: version.id, version: 1 });
    const before = (await coverageMatrixOf(c.expert, credential.id, 1))!;
    const after = (await coverageMatrixOf(c.expert, credential.id, 2))!;
    expect(after.edition.id).toBe(before.edition.id);
    expect(after.coverage.map((x) => [x.status, x.outcomes])).toEqual(before.coverage.map((x) => [x.status, x.outcomes]));
    expect(missingCapabilities(after.coverage)).toEqual([]);
  });
});

describe("admins keep capability summaries current", () => {
  const admin = async () => {
    const a = await make.actor("CENTRE_STAFF", c.group.id);
    await testDb().user.update({ where: { id: a.id }, data: { isAdmin: true } });
    return a;
  };

  it("an admin rewrites a summary, locked on the version shown and audited with before and after", async () => {
    const a = await admin();
    const row = await testDb().coreCapability.findUniqueOrThrow({ where: { id: cap("3.8") } });
    await updateCoreCapability(a, { id: row.id, version: row.version, summary: "Teaches, supervises and mentors others." });
    const stale = await refusal(updateCoreCapability(a, { id: row.id, version: row.version, summary: "Something else" }));
    expect(stale.code).toBe("STALE_VERSION");
    const after = await testDb().coreCapability.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ summary: "Teaches, supervises and mentors others.", version: row.version + 1 });
    const audit = await make.auditFor(row.id);
    expect(audit.map((e) => [e.entityType, e.action, (e.data as { before: string }).before])).toEqual([
      ["CoreCapability", "edit", row.summary],
    ]);
  });

  it("staff who are not admins cannot", async () => {
    const row = await testDb().coreCapability.findUniqueOrThrow({ where: { id: cap("3.8") } });
    const err = await refusal(updateCoreCapability(c.staff, { id: row.id, version: row.version, summary: "Changed" }));
    expect(err.code).toBe("NOT_ALLOWED");
  });
});
