import { beforeEach, describe, expect, it } from "vitest";
import { openAnnualReturnNow, startPeriodicReviewNow } from "@/lib/data/open-early";
import { resetDb, testDb } from "../support/db";
import { deliveryCast, endorsedCredential, plan } from "../support/delivery-factory";
import { auditFor } from "../support/factory";
import { refusal } from "../support/refusal";

type Cast = Awaited<ReturnType<typeof deliveryCast>>;
let c: Cast;

beforeEach(async () => {
  await resetDb();
  c = await deliveryCast();
});

describe("starting a periodic review early", () => {
  it("staff open the review on the credential's due date and the credential goes under periodic review, audited", async () => {
    const credential = await endorsedCredential();
    const due = new Date("2028-03-01T00:00:00Z");
    await testDb().credential.update({ where: { id: credential.id }, data: { reviewDueAt: due } });
    const { reviewId } = await startPeriodicReviewNow(c.staff, { id: credential.id, version: 1 });
    const review = await testDb().periodicReview.findUniqueOrThrow({ where: { id: reviewId } });
    expect(review).toMatchObject({ status: "SCHEDULED", dueAt: due, credentialId: credential.id });
    const after = await testDb().credential.findUniqueOrThrow({ where: { id: credential.id } });
    expect([after.status, after.version]).toEqual(["UNDER_PERIODIC_REVIEW", 2]);
    expect((await auditFor(credential.id)).map((a) => [a.action, a.actorId])).toEqual([["startPeriodicReview", c.staff.id]]);
    expect((await auditFor(reviewId)).map((a) => a.action)).toEqual(["create"]);
  });

  it("providers cannot, and nothing is written", async () => {
    const credential = await endorsedCredential();
    expect((await refusal(startPeriodicReviewNow(c.provider, { id: credential.id, version: 1 }))).code).toBe("NOT_ALLOWED");
    expect(await testDb().periodicReview.count()).toBe(0);
  });

  it("a credential not endorsed, or a stale page, is refused and the review is rolled back", async () => {
    const inDevelopment = await endorsedCredential("IN_DEVELOPMENT");
    expect((await refusal(startPeriodicReviewNow(c.staff, { id: inDevelopment.id, version: 1 }))).code).toBe("WRONG_STATE");
    const endorsed = await endorsedCredential();
    await testDb().credential.update({ where: { id: endorsed.id }, data: { version: 2 } });
    expect((await refusal(startPeriodicReviewNow(c.staff, { id: endorsed.id, version: 1 }))).code).toBe("STALE_VERSION");
    expect(await testDb().periodicReview.count()).toBe(0);
  });
});

describe("opening an annual return early", () => {
  it("staff open this year's return for an approved plan once; the provider is told", async () => {
    const credential = await endorsedCredential();
    const approved = await plan(credential, c.providerOrg.id, "APPROVED");
    const { returnId } = await openAnnualReturnNow(c.staff, { id: approved.id });
    const ret = await testDb().annualReturn.findUniqueOrThrow({ where: { id: returnId } });
    expect(ret).toMatchObject({ planId: approved.id, status: "OPEN", year: new Date().getUTCFullYear() });
    expect(await testDb().notification.count({ where: { userId: c.provider.id } })).toBe(1);
    const again = await refusal(openAnnualReturnNow(c.staff, { id: approved.id }));
    expect(again.code).toBe("WRONG_STATE");
    expect(await testDb().annualReturn.count()).toBe(1);
  });

  it("is refused for a plan not approved, for providers, and with no plan id", async () => {
    const credential = await endorsedCredential();
    const draft = await plan(credential, c.providerOrg.id, "DRAFT");
    expect((await refusal(openAnnualReturnNow(c.staff, { id: draft.id }))).code).toBe("WRONG_STATE");
    expect((await refusal(openAnnualReturnNow(c.provider, { id: draft.id }))).code).toBe("NOT_ALLOWED");
    expect((await refusal(openAnnualReturnNow(c.staff, {}))).code).toBe("INVALID_INPUT");
    expect(await testDb().annualReturn.count()).toBe(0);
  });
});
