import { beforeEach, describe, expect, it } from "vitest";
import { DASHBOARD_SECTION_SIZE, organisationPlans, workItems } from "@/lib/data/dashboard";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";

beforeEach(resetDb);

const countOf = async (actor: Parameters<typeof workItems>[0], key: string) => (await workItems(actor)).find((i) => i.key === key)?.count;

describe("dashboard work counts", () => {
  it("an expert counts only commissions issued to their own group", async () => {
    const c = await make.cast();
    const round = await make.round("OPEN");
    const p = await make.priority(round.id, { status: "PUBLISHED", gatewayOutcome: "PASSED" });
    await make.commission(p.id, c.group.id, c.staff.id, "ISSUED");
    await make.commission(p.id, c.group.id, c.staff.id, "DRAFT");
    await make.commission(p.id, c.otherGroup.id, c.staff.id, "ISSUED");
    expect(await countOf(c.expert, "commissions")).toBe(1);
    expect(await countOf(c.otherExpert, "commissions")).toBe(1);
  });

  it("staff count draft priorities in open rounds and published ones awaiting the gateway", async () => {
    const c = await make.cast();
    const open = await make.round("OPEN");
    const closed = await make.round("CLOSED");
    await make.priority(open.id);
    await make.priority(closed.id);
    await make.priority(open.id, { status: "PUBLISHED" });
    await make.priority(open.id, { status: "PUBLISHED", gatewayOutcome: "PASSED" });
    expect(await countOf(c.staff, "priorities")).toBe(1);
    expect(await countOf(c.staff, "gateway")).toBe(1);
  });

  it("a provider's overdue quality actions are counted for them, staff and the review's reviewers, not for others", async () => {
    const c = await make.cast();
    const otherProvider = await make.actor("PROVIDER", (await make.organisation("EDUCATION_PROVIDER")).id);
    const db = testDb();
    const cred = await db.credential.create({
      data: { reference: "APC-0100", title: "T", ownerOrganisationId: c.group.id, origin: "COMMISSIONED", status: "ENDORSED" },
    });
    const version = await db.specificationVersion.create({ data: { credentialId: cred.id, number: 1, status: "ENDORSED" } });
    const plan = await db.deliveryPlan.create({
      data: {
        credentialId: cred.id,
        specificationVersionId: version.id,
        organisationId: c.provider.organisationId!,
        programmeTitle: "MSc",
        status: "APPROVED",
      },
    });
    const review = await db.qualityReview.create({
      data: { planId: plan.id, scheduledOn: new Date(), createdById: c.staff.id, status: "IN_PROGRESS" },
    });
    const finding = await db.finding.create({
      data: { qualityReviewId: review.id, area: "SUPERVISION", rating: "REQUIRES_IMPROVEMENT", evidence: "E", createdById: c.staff.id },
    });
    const past = new Date(Date.now() - 5 * 86_400_000);
    await db.qualityAction.create({
      data: { findingId: finding.id, qualityReviewId: review.id, organisationId: plan.organisationId, description: "Fix", dueOn: past },
    });
    await db.qualityAction.create({
      data: {
        findingId: finding.id,
        qualityReviewId: review.id,
        organisationId: plan.organisationId,
        description: "Done",
        dueOn: past,
        status: "CLOSED",
      },
    });
    expect(await countOf(c.provider, "overdue")).toBe(1);
    expect(await countOf(c.staff, "overdue")).toBe(1);
    expect(await countOf(otherProvider, "overdue")).toBe(0);
    const assignedReviewer = await make.actor("REVIEWER", null);
    await db.qualityReviewer.create({ data: { qualityReviewId: review.id, reviewerId: assignedReviewer.id } });
    expect(await countOf(assignedReviewer, "overdue")).toBe(1);
    expect(await countOf(c.reviewer, "overdue")).toBe(0);
  });
});

describe("dashboard lists", () => {
  it("a provider's dashboard lists the plans they must complete or revise before more recently changed ones", async () => {
    const c = await make.cast();
    const db = testDb();
    const cred = await db.credential.create({
      data: { reference: "APC-0101", title: "T", ownerOrganisationId: c.group.id, origin: "COMMISSIONED", status: "ENDORSED" },
    });
    const version = await db.specificationVersion.create({ data: { credentialId: cred.id, number: 1, status: "ENDORSED" } });
    const plan = (programmeTitle: string, status: "DRAFT" | "CHANGES_REQUESTED" | "APPROVED", daysAgo: number) =>
      db.deliveryPlan.create({
        data: {
          credentialId: cred.id,
          specificationVersionId: version.id,
          organisationId: c.provider.organisationId!,
          programmeTitle,
          status,
          updatedAt: new Date(Date.now() - daysAgo * 86_400_000),
        },
      });
    for (let i = 0; i < DASHBOARD_SECTION_SIZE; i++) await plan(`Approved ${i}`, "APPROVED", i);
    await plan("Old draft", "DRAFT", 30);
    await plan("Sent back", "CHANGES_REQUESTED", 20);
    const { rows, total } = await organisationPlans(c.provider);
    expect(total).toBe(DASHBOARD_SECTION_SIZE + 2);
    expect(rows.map((r) => r.programmeTitle)).toEqual([
      "Sent back",
      "Old draft",
      ...Array.from({ length: DASHBOARD_SECTION_SIZE - 2 }, (_, i) => `Approved ${i}`),
    ]);
  });
});
