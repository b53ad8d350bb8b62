// Actions that change what the public catalogue shows (the providers approved to deliver a credential, the names of
// the organisations behind it) expire its cached reads once their command has committed; others leave them.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { renameOrganisation } from "@/app/(app)/admin/organisations/actions";
import { triageChange } from "@/app/(app)/delivery-plans/changes/actions";
import { suspendPlanAfterReview } from "@/app/(app)/quality-reviews/actions";
import { actingUser } from "@/lib/auth/session";
import { CATALOGUE_TAG } from "@/lib/data/catalogue";
import { reportPlanChange } from "@/lib/data/plan-change-commands";
import { closeQualityReview } from "@/lib/data/quality-reviews";
import type { Actor } from "@/lib/workflow";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";
import * as plans from "../support/delivery-factory";
import * as q from "../support/quality-factory";

vi.mock("@/lib/auth/session", () => ({ actingUser: vi.fn() }));
const expired = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({
  revalidatePath: vi.fn(),
  updateTag: (tag: string) => void expired.push(tag),
  unstable_cache: <F>(fn: F) => fn,
}));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  redirect: () => undefined,
}));

beforeEach(async () => {
  await resetDb();
  expired.length = 0;
});

const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
};
const actingAs = (actor: Actor & { isAdmin?: boolean }) => vi.mocked(actingUser).mockResolvedValue(actor as never);

describe("expiring the public catalogue's cached reads", () => {
  it("suspending a plan after a failed quality review takes its provider off the credential's entry", async () => {
    const c = await q.qualityCast();
    const review = await q.qualityReview(c.plan.id, c.staff.id, [c.reviewer.id], "REPORTED");
    await closeQualityReview(c.staff, { id: review.id, version: 1, outcome: "DOES_NOT_MEET" });
    actingAs(c.staff);
    await suspendPlanAfterReview(null, formOf({ id: review.id, version: "1", reason: "Supervision unsafe" }));
    expect((await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: c.plan.id } })).status).toBe("SUSPENDED");
    expect(expired).toContain(CATALOGUE_TAG);
  });

  it("a change that sends the plan back to review does; a change only noted does not", async () => {
    const c = await plans.deliveryCast();
    const plan = await plans.plan(await plans.endorsedCredential("ENDORSED", 2), c.providerOrg.id, "APPROVED");
    const report = () =>
      reportPlanChange(c.provider, { planId: plan.id, category: "DATES", whatChanged: "Starts in March.", why: "Staff." });
    actingAs(c.staff);
    const noted = await report();
    await triageChange(null, formOf({ id: noted.id, version: "1", outcome: "note", reason: "Noted." }));
    expect((await testDb().planChange.findUniqueOrThrow({ where: { id: noted.id } })).status).not.toBe("REPORTED");
    expect(expired).not.toContain(CATALOGUE_TAG);

    const reviewed = await report();
    await triageChange(null, formOf({ id: reviewed.id, version: "1", outcome: "requireReview", reason: "Review the dates." }));
    expect((await testDb().deliveryPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("IN_REVIEW");
    expect(expired).toContain(CATALOGUE_TAG);
  });

  it("renaming an organisation does, as the catalogue names expert groups and providers", async () => {
    const admin = await make.actor("CENTRE_STAFF", (await make.organisation("CENTRE")).id);
    await testDb().user.update({ where: { id: admin.id }, data: { isAdmin: true } });
    const org = await make.organisation("EDUCATION_PROVIDER");
    const { updatedAt } = await testDb().organisation.findUniqueOrThrow({ where: { id: org.id } });
    actingAs({ ...admin, isAdmin: true });
    await renameOrganisation(null, formOf({ id: org.id, seenAt: updatedAt.toISOString(), name: "Northern University" }));
    expect((await testDb().organisation.findUniqueOrThrow({ where: { id: org.id } })).name).toBe("Northern University");
    expect(expired).toContain(CATALOGUE_TAG);
  });
});
