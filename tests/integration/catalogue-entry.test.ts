import { beforeEach, describe, expect, it, vi } from "vitest";
import { CATALOGUE_PROVIDER_LIMIT, publishedCredential } from "@/lib/data/catalogue";
import type { DeliveryPlanStatus } from "@/lib/generated/prisma/enums";
import { resetDb, testDb } from "../support/db";
import { endorsedCredential, plan } from "../support/delivery-factory";
import { organisation } from "../support/factory";

// What a public catalogue entry says about a credential beyond its specification: who is approved to deliver it.

vi.mock("next/cache", () => ({ unstable_cache: (fn: (...args: unknown[]) => unknown) => fn, updateTag: vi.fn(), revalidatePath: vi.fn() }));

beforeEach(resetDb);

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

  it("drops a provider once its plan is suspended", async () => {
    const { credential, plans } = await publishedWithPlans(["APPROVED"]);
    expect((await publishedCredential(credential.reference))?.providers?.items).toHaveLength(1);
    await testDb().deliveryPlan.update({ where: { id: plans[0].id }, data: { status: "SUSPENDED" } });
    expect((await publishedCredential(credential.reference))?.providers).toEqual({ items: [], more: 0 });
  });
});
