import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { decidePlan, suspendPlan } from "@/app/(app)/delivery-plans/actions";
import { GET as catalogueCsv } from "@/app/(public)/catalogue/export.csv/route";
import { GET as catalogueJsonLd } from "@/app/(public)/catalogue/export.jsonld/route";
import type { SessionUser } from "@/lib/auth/session";
import { catalogueProfessions, readCataloguePage } from "@/lib/data/catalogue";
import { CATALOGUE_PROVIDER_LIMIT, publishedCredential, toOpenData } from "@/lib/data/catalogue-entry";
import { catalogueAchievement, jsonForScript } from "@/lib/data/catalogue-jsonld";
import type { DeliveryPlanStatus } from "@/lib/generated/prisma/enums";
import { resetDb, testDb } from "../support/db";
import { endorsedCredential, plan } from "../support/delivery-factory";
import { organisation, profession, sessionUser } from "../support/factory";
import { countQueries, installCountingClient } from "../support/query-count";

// The public catalogue beyond paging (bounded-public.test.ts): who is approved to deliver each credential, the
// filters by pillar and core capability, and the catalogue as linked data.

const cache = vi.hoisted(() => ({ updateTag: vi.fn() }));
vi.mock("next/cache", () => ({
  unstable_cache: (fn: (...args: unknown[]) => unknown) => fn,
  updateTag: cache.updateTag,
  revalidatePath: vi.fn(),
}));
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (importOriginal) => ({ ...(await importOriginal<object>()), actingUser: async () => session.user }));
vi.mock("@/lib/security/client-address", () => ({ clientAddress: async () => "192.0.2.10" }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(url), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
}));

beforeEach(async () => {
  installCountingClient();
  await resetDb();
});

async function publishedWithPlans(statuses: DeliveryPlanStatus[]) {
  const credential = await endorsedCredential();
  await testDb().credential.update({ where: { id: credential.id }, data: { publishedAt: new Date(), endorsedAt: new Date() } });
  const plans = [];
  for (const [i, status] of statuses.entries()) {
    const provider = await organisation("EDUCATION_PROVIDER", `University ${String.fromCharCode(65 + i)} (${status})`);
    plans.push(await plan(credential, provider.id, status));
  }
  return { credential, plans };
}

describe("a catalogue entry lists the education providers approved to deliver the credential", () => {
  it("shows delivering plans only: not drafts, plans under review, refused, suspended or closed ones", async () => {
    const { credential, plans } = await publishedWithPlans([
      "APPROVED",
      "APPROVED_WITH_CONDITIONS",
      "DRAFT",
      "SUBMITTED",
      "IN_REVIEW",
      "CHANGES_REQUESTED",
      "REJECTED",
      "SUSPENDED",
      "CLOSED",
    ]);
    const entry = await publishedCredential(credential.reference);
    expect(entry?.providers).toEqual({
      items: [
        { provider: "University A (APPROVED)", programmeTitle: plans[0].programmeTitle, deliveryMode: "Blended", startsOn: "2027-09-01" },
        {
          provider: "University B (APPROVED_WITH_CONDITIONS)",
          programmeTitle: plans[1].programmeTitle,
          deliveryMode: "Blended",
          startsOn: "2027-09-01",
        },
      ],
      more: 0,
    });
  });

  it("stops at the limit and says how many more there are", async () => {
    const { credential } = await publishedWithPlans([]);
    const provider = await organisation("EDUCATION_PROVIDER");
    for (let i = 0; i < CATALOGUE_PROVIDER_LIMIT + 3; i++) await plan(credential, provider.id, "APPROVED");
    const entry = await publishedCredential(credential.reference);
    expect(entry?.providers?.items).toHaveLength(CATALOGUE_PROVIDER_LIMIT);
    expect(entry?.providers?.more).toBe(3);
  });

  it("deciding on a plan, then suspending it, expires the cached catalogue, whose entry then shows the change", async () => {
    const { credential, plans } = await publishedWithPlans(["IN_REVIEW"]);
    session.user = await sessionUser("CENTRE_STAFF", (await organisation("CENTRE")).id);
    const form = (fields: Record<string, string | number>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
      return f;
    };
    const redirected = (action: Promise<unknown>) =>
      action.then(
        () => "returned",
        (e: { digest?: string }) => e.digest?.split(";")[0],
      );
    cache.updateTag.mockClear();
    const approve = form({ id: plans[0].id, version: plans[0].version, decision: "approve", rationale: "Every outcome is mapped." });
    expect(await redirected(decidePlan(null, approve))).toBe("NEXT_REDIRECT");
    expect(cache.updateTag).toHaveBeenCalledWith("catalogue");
    expect((await publishedCredential(credential.reference))?.providers?.items).toHaveLength(1);
    cache.updateTag.mockClear();
    const suspend = form({ id: plans[0].id, version: plans[0].version + 1, reason: "Staffing no longer meets the plan." });
    expect(await redirected(suspendPlan(null, suspend))).toBe("NEXT_REDIRECT");
    expect(cache.updateTag).toHaveBeenCalledWith("catalogue");
    expect((await publishedCredential(credential.reference))?.providers?.items).toEqual([]);
  });
});

describe("the catalogue's search", () => {
  const references = async (q: string) => (await readCataloguePage({ q })).items.map((c) => c.reference).sort();
  async function titled(title: string, summary: string | null = null) {
    const { credential } = await publishedWithPlans([]);
    return testDb().credential.update({ where: { id: credential.id }, data: { title, summary } });
  }

  it("finds a phrase in the title, the reference or the summary, whatever the case of its letters", async () => {
    const frailty = await titled("Frailty in Older People", "For advanced practitioners in community teams.");
    const sepsis = await titled("Sepsis Recognition", "Escalation in acute care.");
    expect(await references("FRAILTY in older")).toEqual([frailty.reference]);
    expect(await references("Community Teams")).toEqual([frailty.reference]);
    expect(await references(sepsis.reference.toLowerCase())).toEqual([sepsis.reference]);
    expect(await references("in")).toEqual([frailty.reference, sepsis.reference].sort());
    // Title, reference and summary are separate: a phrase running from one into the next is not in the credential.
    expect(await references(`people ${frailty.reference}`)).toEqual([]);
    // A line break (one way to cross from one to the next) can only be crafted: the search is ignored.
    expect((await readCataloguePage({ q: [`people\n${frailty.reference}`] })).query.q).toBeUndefined();
  });

  it("matches %, _ and \\ as the characters they are, not as LIKE's wildcards and escape", async () => {
    const percent = await titled("Funded 100% online");
    await titled("Funded 1000 online");
    await titled("Funded 1_0 online");
    expect(await references("100%")).toEqual([percent.reference]);
    expect(await references("1_0")).toHaveLength(1);
    expect(await references("%")).toEqual([percent.reference]);
    const slashed = await titled("Funded\\online");
    expect(await references("\\")).toEqual([slashed.reference]);
  });

  it("sees a changed title at once: the searched text is kept by the database with the row", async () => {
    const credential = await titled("Emergency Medicine");
    await testDb().credential.update({ where: { id: credential.id }, data: { title: "Urgent Care" } });
    expect(await references("emergency")).toEqual([]);
    expect(await references("urgent care")).toEqual([credential.reference]);
  });
});

describe("the catalogue filters by pillar and core capability", () => {
  /** Clinical (every outcome in the clinical practice pillar), research, and one meeting an education capability. */
  async function threeCredentials() {
    const [clinical, research, educating] = await Promise.all([0, 1, 2].map(() => publishedWithPlans([]).then((x) => x.credential)));
    await testDb().learningOutcome.updateMany({ where: { id: { in: research.outcomeIds } }, data: { pillars: ["RESEARCH"] } });
    const capability = await testDb().coreCapability.findFirstOrThrow({
      where: { edition: { isCurrent: true }, pillar: "EDUCATION" },
      orderBy: { position: "asc" },
    });
    await testDb().outcomeCapability.create({ data: { learningOutcomeId: educating.outcomeIds[0], coreCapabilityId: capability.id } });
    return { clinical, research, educating, capability };
  }
  const references = async (input: Record<string, string>) => (await readCataloguePage(input)).items.map((c) => c.reference).sort();

  it("keeps the credentials with an outcome in the pillar, by its own pillars or those of the capabilities it meets", async () => {
    const { clinical, research, educating } = await threeCredentials();
    expect(await references({ pillar: "RESEARCH" })).toEqual([research.reference]);
    expect(await references({ pillar: "EDUCATION" })).toEqual([educating.reference]);
    expect(await references({ pillar: "CLINICAL_PRACTICE" })).toEqual([clinical.reference, educating.reference].sort());
  });

  it("keeps the credentials with an outcome meeting the capability, combined with the search and the pillar", async () => {
    const { clinical, educating, capability } = await threeCredentials();
    expect(await references({ capability: capability.number })).toEqual([educating.reference]);
    expect(await references({ capability: capability.number, pillar: "RESEARCH" })).toEqual([]);
    expect(await references({ capability: capability.number, q: clinical.reference })).toEqual([]);
    expect(await references({ capability: capability.number, q: educating.reference, sort: "title" })).toEqual([educating.reference]);
  });

  it("ignores a pillar or capability it does not know, and still reads the page in as many queries as without filters", async () => {
    const all = Object.values(await threeCredentials())
      .flatMap((x) => ("reference" in x ? [x.reference] : []))
      .sort();
    expect(await references({ pillar: "SURGERY" })).toEqual(all);
    expect(await references({ capability: "99.9" })).toEqual(all);
    expect(await references({ capability: "1.1); DROP TABLE" })).toEqual(all);
    // The filters join into the page's query and its count; only the capability's check against the framework's list
    // (cached in the app) is one more.
    const unfiltered = await countQueries(() => readCataloguePage({}));
    expect(await countQueries(() => readCataloguePage({ pillar: "EDUCATION" }))).toBe(unfiltered);
    expect(await countQueries(() => readCataloguePage({ pillar: "EDUCATION", capability: "1.1" }))).toBe(unfiltered + 1);
  });
});

describe("the catalogue filters by the professions a credential's endorsed specification names", () => {
  /** Nursing only; nursing and pharmacy; none; and a credential not listed that names midwifery. */
  async function namedCredentials() {
    const [nursing, pharmacy, midwifery] = [
      await profession("Nursing", "NMC"),
      await profession("Pharmacy", "GPhC"),
      await profession("Midwifery", "NMC"),
    ];
    const [nurses, both, none] = await Promise.all([0, 1, 2].map(() => publishedWithPlans([]).then((x) => x.credential)));
    const unlisted = await endorsedCredential();
    await testDb().targetProfession.createMany({
      data: [
        { specificationVersionId: nurses.versionId, professionId: nursing.id },
        { specificationVersionId: both.versionId, professionId: nursing.id },
        { specificationVersionId: both.versionId, professionId: pharmacy.id },
        { specificationVersionId: unlisted.versionId, professionId: midwifery.id },
      ],
    });
    return { nursing, pharmacy, midwifery, nurses, both, none };
  }
  const references = async (input: Record<string, string>) => (await readCataloguePage(input)).items.map((c) => c.reference).sort();

  it("keeps the credentials naming the profession, combined with the search and the pillar", async () => {
    const { nursing, pharmacy, nurses, both } = await namedCredentials();
    expect(await references({ profession: nursing.id })).toEqual([nurses.reference, both.reference].sort());
    expect(await references({ profession: pharmacy.id })).toEqual([both.reference]);
    expect(await references({ profession: nursing.id, q: both.reference })).toEqual([both.reference]);
    expect(await references({ profession: nursing.id, pillar: "RESEARCH" })).toEqual([]);
    expect((await readCataloguePage({ profession: pharmacy.id })).total).toBe(1);
  });

  it("offers only professions a listed credential names, and ignores any other profession as if absent", async () => {
    const { nursing, pharmacy, midwifery, nurses, both, none } = await namedCredentials();
    expect((await catalogueProfessions()).map((p) => p.id)).toEqual([nursing.id, pharmacy.id]);
    const all = [nurses.reference, both.reference, none.reference].sort();
    for (const ignored of [midwifery.id, "no-such-profession", "x'); DROP TABLE"]) {
      const page = await readCataloguePage({ profession: ignored });
      expect(page.query.profession).toBeUndefined();
      expect(page.items.map((c) => c.reference).sort()).toEqual(all);
    }
  });

  it("downloads the filtered catalogue as CSV and JSON-LD, naming each credential's professions", async () => {
    const { nursing, both, nurses } = await namedCredentials();
    vi.stubEnv("PUBLIC_REQUESTS_PER_MINUTE", "0");
    const csv = await (await catalogueCsv(new NextRequest(`http://localhost/catalogue/export.csv?profession=${nursing.id}`))).text();
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain(",Professions,");
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.startsWith(both.reference))).toContain(",Nursing; Pharmacy,");
    expect(lines.find((l) => l.startsWith(nurses.reference))).toContain(",Nursing,");
    const document = JSON.parse(
      await (await catalogueJsonLd(new NextRequest(`http://localhost/catalogue/export.jsonld?profession=${nursing.id}`))).text(),
    );
    const graph = Object.fromEntries(document["@graph"].map((a: { humanCode: string }) => [a.humanCode, a]));
    expect(Object.keys(graph).sort()).toEqual([nurses.reference, both.reference].sort());
    expect(graph[both.reference]["ceterms:occupationType"].map((o: Record<string, string>) => o["ceterms:targetNodeName"])).toEqual([
      "Nursing",
      "Pharmacy",
    ]);
  });

  it("shows the professions on the entry and in its open data", async () => {
    const { both } = await namedCredentials();
    const entry = await publishedCredential(both.reference);
    expect(entry?.endorsedVersion?.targetProfessions.map((t) => t.profession.name)).toEqual(["Nursing", "Pharmacy"]);
    expect(toOpenData(entry!).endorsedSpecification?.targetProfessions).toEqual(["Nursing", "Pharmacy"]);
  });
});

describe("the catalogue as linked data", () => {
  const hostile = "Acute care </script><script>alert(1)</script> <!-- & \u2028";

  it("escapes what could end the page's script element, and reads back as the same data", () => {
    const achievement = catalogueAchievement({
      reference: "APC-1",
      title: hostile,
      summary: null,
      academicLevel: 7,
      credits: 60,
      professions: [hostile],
    });
    const json = jsonForScript(achievement);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(json).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(json)).toEqual(achievement);
    expect(achievement).toMatchObject({
      type: ["Achievement"],
      achievementType: "Certificate",
      name: hostile,
      humanCode: "APC-1",
      criteria: { narrative: expect.stringContaining("academic level 7 (60 credits)") },
      creator: { type: ["Profile"], id: expect.stringMatching(/\/badges\/issuer$/) },
      creditsAvailable: 60,
      "ceterms:name": hostile,
      "ceterms:occupationType": [{ "@type": "ceterms:CredentialAlignmentObject", "ceterms:targetNodeName": hostile }],
    });
  });

  it("downloads every listed credential, and no other, as one well-formed JSON-LD graph", async () => {
    const { credential } = await publishedWithPlans([]);
    await testDb().credential.update({ where: { id: credential.id }, data: { title: hostile } });
    const hidden = await endorsedCredential();
    // The per-address budget needs a request's headers; it has its own test (public-budget.test.ts).
    vi.stubEnv("PUBLIC_REQUESTS_PER_MINUTE", "0");
    const response = await catalogueJsonLd(new NextRequest("http://localhost/catalogue/export.jsonld"));
    expect(response.headers.get("Content-Type")).toBe("application/ld+json; charset=utf-8");
    expect(response.headers.get("X-Total-Rows")).toBe("1");
    const document = JSON.parse(await response.text());
    expect(document["@context"][0]).toBe("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    expect(document["@graph"]).toHaveLength(1);
    expect(document["@graph"][0]).toMatchObject({ name: hostile, humanCode: credential.reference, type: ["Achievement"] });
    expect(JSON.stringify(document)).not.toContain(hidden.reference);
  });
});
