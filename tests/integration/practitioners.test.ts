import { beforeEach, describe, expect, it, vi } from "vitest";
import { recogniseCompletion, recordCompletion } from "@/lib/data/completions";
import {
  activeProfessions,
  changeDirectoryListing,
  createProfession,
  directoryPage,
  renameProfession,
  retireProfession,
} from "@/lib/data/practitioners";
import { ELIGIBILITY_RULE } from "@/lib/workflow/practitioner";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import * as plans from "../support/delivery-factory";
import { refusal } from "../support/refusal";

// Outside a Next server there is no data cache: the directory's pages, cached in the app, are read straight through.
vi.mock("next/cache", () => ({ unstable_cache: <F>(fn: F) => fn }));

type Cast = Awaited<ReturnType<typeof plans.deliveryCast>>;
let c: Cast;
let plan: Awaited<ReturnType<typeof plans.plan>>;
let nursing: Awaited<ReturnType<typeof make.profession>>;

beforeEach(async () => {
  await resetDb();
  c = await plans.deliveryCast();
  plan = await plans.plan(await plans.endorsedCredential("ENDORSED", 2), c.providerOrg.id, "APPROVED");
  nursing = await make.profession("Nursing", "NMC");
});

const newPractitioner = (over: Record<string, unknown> = {}) => ({
  planId: plan.id,
  practitionerName: "Grace Mensah",
  professionId: nursing.id,
  registration: "12J3456E",
  recognitionRoute: "MSC",
  completedOn: "2026-06-30",
  ...over,
});

const nothingWritten = async () => {
  expect(await testDb().completion.count()).toBe(0);
  expect(await testDb().auditEvent.count()).toBe(0);
  expect(await testDb().notification.count()).toBe(0);
};

describe("recording a completion for a practitioner", () => {
  it("records a new practitioner with their profession, registration, route and consent, and the completion against them", async () => {
    const { id } = await recordCompletion(c.provider, newPractitioner({ listedInDirectory: "yes" }));
    const completion = await testDb().completion.findUniqueOrThrow({ where: { id }, include: { practitioner: true } });
    expect(completion.practitioner).toMatchObject({
      name: "Grace Mensah",
      organisationId: c.providerOrg.id,
      professionId: nursing.id,
      registrationNumber: "12J3456E",
      recognitionRoute: "MSC",
      listedInDirectory: true,
    });
    expect(completion).toMatchObject({ practitionerName: "Grace Mensah", profession: "Nursing", registration: "12J3456E" });
  });

  it("a second completion for a practitioner picked from the list adds no practitioner", async () => {
    const { id } = await recordCompletion(c.provider, newPractitioner());
    const { practitionerId } = await testDb().completion.findUniqueOrThrow({ where: { id } });
    await recordCompletion(c.provider, { planId: plan.id, practitionerId, completedOn: "2026-07-01" });
    expect(await testDb().practitioner.count()).toBe(1);
    expect(await testDb().completion.count({ where: { practitionerId } })).toBe(2);
  });

  it("a new practitioner without a profession or registration number is refused with field errors naming the rule, and nothing is written", async () => {
    const err = await refusal(recordCompletion(c.provider, newPractitioner({ professionId: "", registration: "" })));
    expect(err.code).toBe("INVALID_INPUT");
    expect(err.fieldErrors).toEqual({
      professionId: [`Choose the practitioner's profession. ${ELIGIBILITY_RULE}`],
      registration: [`Enter the professional registration number. ${ELIGIBILITY_RULE}`],
    });
    expect(await testDb().practitioner.count()).toBe(0);
    await nothingWritten();
  });

  it("an existing practitioner who is not eligible is refused on the practitioner field, and nothing is written", async () => {
    const lacking = await make.practitioner(c.providerOrg.id, { name: "Imran Qureshi", professionId: null, registrationNumber: null });
    const before = await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: plan.id } });
    const err = await refusal(recordCompletion(c.provider, { planId: plan.id, practitionerId: lacking.id, completedOn: "2026-06-30" }));
    expect(err.fieldErrors).toEqual({
      practitionerId: [`Imran Qureshi is not eligible: their record has no profession and no registration number. ${ELIGIBILITY_RULE}`],
    });
    expect((await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: plan.id } })).version).toBe(before.version);
    await nothingWritten();
  });

  it("a provider cannot record a completion for another organisation's practitioner", async () => {
    const theirs = await make.practitioner((await make.organisation("EDUCATION_PROVIDER")).id);
    const err = await refusal(recordCompletion(c.provider, { planId: plan.id, practitionerId: theirs.id, completedOn: "2026-06-30" }));
    expect(err.fieldErrors).toEqual({ practitionerId: ["Choose one of your organisation's practitioners"] });
    await nothingWritten();
  });

  it("a retired profession is not offered and is refused for a new practitioner", async () => {
    const admin = await make.actor("CENTRE_STAFF");
    await testDb().user.update({ where: { id: admin.id }, data: { isAdmin: true } });
    await retireProfession(admin, { id: nursing.id, version: 1, retire: "yes" });
    expect((await activeProfessions()).map((p) => p.name)).not.toContain("Nursing");
    const err = await refusal(recordCompletion(c.provider, newPractitioner()));
    expect(err.fieldErrors).toEqual({ professionId: ["Choose a profession from the list"] });
    expect(await testDb().completion.count()).toBe(0);
  });
});

describe("the list of professions", () => {
  it("admins add, rename and retire professions, each audited; a duplicate name is a field error", async () => {
    const admin = await make.actor("CENTRE_STAFF");
    await testDb().user.update({ where: { id: admin.id }, data: { isAdmin: true } });
    const { id } = await createProfession(admin, { name: "Dietetics", regulator: "HCPC" });
    expect((await refusal(createProfession(admin, { name: "dietetics", regulator: "HCPC" }))).fieldErrors).toEqual({
      name: ["A profession with this name is already on the list"],
    });
    // Names are compared as they are, not as LIKE patterns (a trailing backslash made PostgreSQL refuse the query).
    await expect(createProfession(admin, { name: "Dietetic_", regulator: "HCPC" })).resolves.toHaveProperty("id");
    await expect(createProfession(admin, { name: "Orthoptics\\", regulator: "HCPC" })).resolves.toHaveProperty("id");
    await renameProfession(admin, { id, version: 1, name: "Dietetics and nutrition" });
    expect((await refusal(renameProfession(admin, { id, version: 1, name: "Stale" }))).code).toBe("STALE_VERSION");
    await retireProfession(admin, { id, version: 2, retire: "yes" });
    expect(await testDb().profession.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Dietetics and nutrition", version: 3 });
    expect((await make.auditFor(id)).map((a) => a.action)).toEqual(["create", "rename", "retire"]);
  });

  it("someone who is not an admin cannot change the list", async () => {
    expect((await refusal(createProfession(c.staff, { name: "Dietetics", regulator: "HCPC" }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(retireProfession(c.provider, { id: nursing.id, version: 1, retire: "yes" }))).code).toBe("NOT_ALLOWED");
  });
});

describe("the public directory", () => {
  async function recognised(name: string, listedInDirectory: boolean, professionId = nursing.id) {
    const { id } = await recordCompletion(
      c.provider,
      newPractitioner({ practitionerName: name, professionId, listedInDirectory: listedInDirectory ? "yes" : "" }),
    );
    await recogniseCompletion(c.staff, { id, version: 1 });
  }

  it("lists only practitioners who consented, with their profession and recognised credentials", async () => {
    await recognised("Grace Mensah", true);
    await recognised("Tomasz Nowak", false);
    const page = await directoryPage({});
    expect(page.total).toBe(1);
    expect(page.rows.map((p) => [p.name, p.profession?.name, p.completions.length])).toEqual([["Grace Mensah", "Nursing", 1]]);
    expect((await directoryPage({ q: "Tomasz" })).total).toBe(0);
  });

  it("a practitioner who withdraws consent leaves the directory at once; another provider cannot change it", async () => {
    await recognised("Grace Mensah", true);
    const { id, version } = await testDb().practitioner.findFirstOrThrow({ where: { name: "Grace Mensah" } });
    const change = { id, version, completionId: "c", listedInDirectory: "no" };
    expect((await refusal(changeDirectoryListing(c.otherProvider, change))).code).toBe("NOT_FOUND");
    expect((await directoryPage({})).total).toBe(1);
    await changeDirectoryListing(c.provider, change);
    expect((await directoryPage({})).total).toBe(0);
    expect((await refusal(changeDirectoryListing(c.staff, { ...change, listedInDirectory: "yes" }))).code).toBe("STALE_VERSION");
    expect((await make.auditFor(id)).map((a) => a.action)).toEqual(["create", "unlist"]);
  });

  it("a consenting practitioner whose completion is not recognised yet is not listed", async () => {
    await recordCompletion(c.provider, newPractitioner({ listedInDirectory: "yes" }));
    expect((await directoryPage({})).total).toBe(0);
  });

  it("is searched by name and filtered by profession", async () => {
    const pharmacy = await make.profession("Pharmacy", "GPhC");
    await recognised("Grace Mensah", true);
    await recognised("Tomasz Nowak", true, pharmacy.id);
    expect((await directoryPage({ q: "mens" })).rows.map((p) => p.name)).toEqual(["Grace Mensah"]);
    expect((await directoryPage({ profession: pharmacy.id })).rows.map((p) => p.name)).toEqual(["Tomasz Nowak"]);
    expect((await directoryPage({ page: "2" })).rows).toEqual([]);
  });
});
